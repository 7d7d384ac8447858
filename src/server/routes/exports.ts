/**
 * Downloads: a document as Word, PDF, Excel, exchange JSON or open data; the blank Excel template; and
 * a bureau's documents of a year in one download — a ZIP of one Word or PDF file per unit, one combined
 * file, a workbook, the JSON, the open-data package — for the bureau's reviewers and admins, and the
 * same of its published documents for anyone.
 *
 * Who may download a document is who may read it (src/server/access.ts): anyone a published one.
 * Each answer has an ETag (a document's version; a bundle's documents and their versions), so a
 * download repeated unchanged is a 304, and files are kept by version (./export/file-cache.ts).
 * Files are written in a worker thread, a bundle streamed one unit at a time; a bundle is at most
 * BUNDLE_LIMIT documents (COMBINED_LIMIT in one combined file), larger ones are asked for in parts.
 */
import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { FORM_PROFILES } from '../../core/forms/profiles.ts';
import { FILE_FORMATS, FILE_TYPES, PER_UNIT_FORMATS, type FileFormat } from '../../formats/publication/export.ts';
import { messagesFor } from '../../i18n/index.ts';
import { bureau as bureauById } from '../../store/organisation.ts';
import type { DocumentStatus } from '../../store/schema.ts';
import { assertRead, requireUser, reviewerBureaus } from '../access.ts';
import { localeOf } from '../actuals-access.ts';
import type { AppContext } from '../context.ts';
import {
  bundleTag,
  documentFile,
  documentsFile,
  historyTagsOf,
  selectDocuments,
  streamSink,
  unitFiles,
  writeZip,
  type ExportDeps,
  profileIdsOf,
} from '../export/bundle.ts';
import { FileCache } from '../export/file-cache.ts';
import { renderer } from '../export/render.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import { ErrorBody, IdParams, Status } from '../schemas.ts';
import { metaOr404 } from '../http.ts';
import { FileResponse } from './monitoring.ts';

/** The most documents one bundle holds (a county has about a hundred units). */
export const BUNDLE_LIMIT = 500;
/** The most units one combined Word or PDF file holds. */
export const COMBINED_LIMIT = 100;
/** Bundles written at once; more wait their turn (503 with Retry-After). */
const CONCURRENT_BUNDLES = 2;

const Format = Type.Unsafe<FileFormat>({
  type: 'string',
  enum: [...FILE_FORMATS],
  description:
    'docx, pdf: the published layout; xlsx: the fill-in workbook; json: the exchange format; opendata: CSV + datapackage.json + JSON as a ZIP',
});

const BundleQuery = {
  year: Type.Integer({ minimum: 1990, maximum: 2100 }),
  format: Format,
  combined: Type.Optional(Type.Boolean({ description: 'docx, pdf: all units in one file instead of a ZIP of one file per unit' })),
  offset: Type.Optional(Type.Integer({ minimum: 0, description: 'skip this many documents (by unit code)' })),
  limit: Type.Optional(
    Type.Integer({
      minimum: 1,
      maximum: BUNDLE_LIMIT,
      description: `at most this many documents (default and largest ${BUNDLE_LIMIT}; ${COMBINED_LIMIT} combined)`,
    }),
  ),
};

const fileResponses = { 200: FileResponse, 304: Type.Null(), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

/**
 * Content-Disposition for a download with a Chinese name (RFC 6266): `filename*` in UTF-8 (RFC 5987),
 * and an ASCII `filename` for clients that read only that.
 */
export function attachment(name: string, fallback: string): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters cannot stand in a file name
  const safe = name.replace(/[\\/:*?"<>|\u0000-\u001f]+/g, '_');
  const encoded = encodeURIComponent(safe).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback.replace(/[^A-Za-z0-9._-]+/g, '_')}"; filename*=UTF-8''${encoded}`;
}

/** Answers 304 when the client has this ETag; otherwise sets it. */
function notModified(req: FastifyRequest, reply: FastifyReply, etag: string, shared: boolean): boolean {
  reply.header('etag', etag).header('cache-control', `${shared ? 'public' : 'private'}, no-cache`);
  return (req.headers['if-none-match'] ?? '').split(',').some((t) => t.trim() === etag);
}

export function sendBytes(reply: FastifyReply, bytes: Uint8Array, mediaType: string, disposition: string) {
  return reply
    .type(mediaType)
    .header('content-disposition', disposition)
    .send(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
}

export async function exportRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const files = new FileCache();
  const deps = (req: FastifyRequest): ExportDeps => ({ db: ctx.reader(req), renderer, files, locale: localeOf(req) });
  fastify.addHook('onClose', () => renderer.close());
  let bundlesWriting = 0;

  // The browser's download buttons follow this list (the OpenAPI description says the same, at 500 KB).
  app.get(
    '/api/export-formats',
    {
      schema: {
        tags: ['export'],
        summary: '列出 /api/documents/:id/export 可用的格式（按显示顺序）',
        response: { 200: Type.Object({ formats: Type.Array(Format) }) },
      },
    },
    async () => ({ formats: [...FILE_FORMATS] }),
  );

  app.get(
    '/api/documents/:id/export',
    {
      schema: {
        tags: ['export'],
        summary: '下载文件（已公开的任何人可下载）；ETag 为版本号',
        params: IdParams,
        querystring: Type.Object({ format: Format }),
        response: fileResponses,
      },
    },
    async (req, reply) => {
      const meta = await metaOr404(ctx, req.params.id, ctx.reader(req));
      await assertRead(ctx, req, meta);
      const format = req.query.format;
      // A Word or PDF file changes with the profile its bureau picks, as well as with the document.
      const [profile] = await profileIdsOf(ctx.reader(req), [meta], format);
      // And with the history its 上年/前年 columns print.
      const [history] = await historyTagsOf(ctx.reader(req), [meta.id], format);
      const historyPart = history === undefined ? '' : `-h${createHash('sha256').update(history).digest('base64url').slice(0, 12)}`;
      const etag = `"${meta.version}-${format}${profile === undefined ? '' : `-${profile}`}${historyPart}"`;
      if (notModified(req, reply, etag, meta.status === 'published')) return reply.status(304).send(null);
      const bytes = await documentFile(deps(req), meta, format);
      const f = messagesFor(localeOf(req)).publication;
      const title = f.form.documentTitle(meta.unitName, meta.year);
      const name = format === 'opendata' ? f.files.openData(title) : title;
      const type = FILE_TYPES[format];
      return sendBytes(
        reply,
        bytes,
        type.mediaType,
        attachment(`${name}.${type.extension}`, `${meta.unitCode}-${meta.year}.${type.extension}`),
      );
    },
  );

  app.get(
    '/api/templates/targets.xlsx',
    {
      schema: {
        tags: ['export'],
        summary: '下载空白 Excel 填报模板，填好后导入（下拉列表为该年度的指标体系；列按表样，默认为该年度的）',
        querystring: Type.Object({
          year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
          profile: Type.Optional(
            Type.Union(
              FORM_PROFILES.map((p) => Type.Literal(p.id)),
              { description: 'a form profile (表样) id' },
            ),
          ),
        }),
        response: { 200: FileResponse, 304: Type.Null() },
      },
    },
    async (req, reply) => {
      const { year, profile } = req.query;
      const locale = localeOf(req);
      const bytes = await files.get(`template:${year ?? ''}:${profile ?? ''}:${locale}`, () =>
        renderer.render({ kind: 'template', year, profile, locale }),
      );
      // By content: a jixiao with another template answers with another ETag.
      const etag = `"t-${createHash('sha256').update(bytes).digest('base64url').slice(0, 27)}"`;
      if (notModified(req, reply, etag, true)) return reply.status(304).send(null);
      const name = messagesFor(locale).publication.files.template(year);
      return sendBytes(
        reply,
        bytes,
        FILE_TYPES.xlsx.mediaType,
        attachment(`${name}.xlsx`, `jixiao-template${year === undefined ? '' : `-${year}`}.xlsx`),
      );
    },
  );

  type BundleRequest = FastifyRequest<{
    Params: { id: number };
    Querystring: { year: number; format: FileFormat; combined?: boolean; offset?: number; limit?: number; status?: DocumentStatus[] };
  }>;

  /** A bureau's documents of the year (with its sub-bureaus'), as one download. */
  const bundle = async (req: BundleRequest, reply: FastifyReply, publishedOnly: boolean) => {
    const db = ctx.reader(req);
    const b = await bureauById(db, req.params.id);
    if (b === undefined) throw notFound('bureau', req.params.id);
    const q = req.query;
    const combined = PER_UNIT_FORMATS.has(q.format) && q.combined === true;
    const zipOfFiles = PER_UNIT_FORMATS.has(q.format) && !combined;
    const cap = combined ? COMBINED_LIMIT : BUNDLE_LIMIT;
    const offset = q.offset ?? 0;
    const { items, total } = await selectDocuments(
      db,
      { bureauId: b.id, year: q.year, statuses: q.status, publishedOnly },
      { offset, limit: Math.min(q.limit ?? cap, cap) },
    );
    // Without a limit the bundle is everything: more than fit is refused, not cut short unseen.
    if ((q.limit === undefined || q.limit > cap) && total - offset > cap) {
      throw new ApiError(422, 'too_many_documents', (m) => m.tooManyDocuments(total, cap), { total, limit: cap });
    }
    if (items.length === 0) throw new ApiError(404, 'no_documents', (m) => m.noDocuments);
    reply.header('x-total-count', String(total));
    const tag = bundleTag(
      items,
      q.format,
      combined,
      await profileIdsOf(db, items, q.format),
      await historyTagsOf(
        db,
        items.map((i) => i.id),
        q.format,
      ),
    );
    if (notModified(req, reply, tag, publishedOnly)) return reply.status(304).send(null);
    if (bundlesWriting >= CONCURRENT_BUNDLES) {
      reply.header('retry-after', '30');
      throw new ApiError(503, 'export_busy', (m) => m.exportBusy);
    }

    const f = messagesFor(localeOf(req)).publication;
    const title = f.form.documentTitle(b.name, q.year);
    const kind = zipOfFiles ? f.files.unitFiles(q.format === 'docx' ? 'Word' : 'PDF') : combined ? f.files.combined : '';
    const part = offset > 0 || items.length < total ? f.files.part(offset + 1, offset + items.length, total) : '';
    const extension = zipOfFiles ? 'zip' : FILE_TYPES[q.format].extension;
    const name = `${q.format === 'opendata' ? f.files.openData(title) : title}${kind}${part}.${extension}`;
    const fallback = `${b.code}-${q.year}-${q.format}${combined ? '-combined' : ''}${part === '' ? '' : `-${offset + 1}-${offset + items.length}`}.${extension}`;
    const disposition = attachment(name, fallback);

    bundlesWriting++;
    if (!zipOfFiles) {
      try {
        return sendBytes(reply, await documentsFile(deps(req), items, q.format), FILE_TYPES[q.format].mediaType, disposition);
      } finally {
        bundlesWriting--;
      }
    }
    const stream = new PassThrough();
    writeZip(unitFiles(deps(req), items, q.format), streamSink(stream))
      .then(
        () => stream.end(),
        // The download fails rather than end as a ZIP short of some units.
        (e: Error) => {
          if (!stream.destroyed) req.log.error(e);
          stream.destroy(e);
        },
      )
      .finally(() => bundlesWriting--);
    return reply.type('application/zip').header('content-disposition', disposition).send(stream);
  };

  app.get(
    '/api/bureaus/:id/export',
    {
      exposeHeadRoute: false,
      schema: {
        tags: ['export'],
        summary: '打包下载财政部门某一年度的文件（含下级财政部门的），供本部门审核人员和管理员使用；X-Total-Count 给出符合条件的文件数',
        params: IdParams,
        querystring: Type.Object({
          ...BundleQuery,
          status: Type.Optional(Type.Array(Status, { description: 'only these statuses (repeat for several); default all' })),
        }),
        response: { ...fileResponses, 422: ErrorBody, 503: ErrorBody },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const allowed = user.role === 'admin' || (user.role === 'reviewer' && (await reviewerBureaus(ctx, user.bureauId)).has(req.params.id));
      if (!allowed) throw forbidden();
      return bundle(req, reply, false);
    },
  );

  app.get(
    '/api/public/bureaus/:id/export',
    {
      exposeHeadRoute: false,
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['public'],
        summary: '打包下载财政部门某一年度已公开的文件（format=opendata 为开放数据包）；X-Total-Count 给出符合条件的文件数',
        params: IdParams,
        querystring: Type.Object(BundleQuery),
        response: { ...fileResponses, 422: ErrorBody, 429: ErrorBody, 503: ErrorBody },
      },
    },
    async (req, reply) => bundle(req, reply, true),
  );
}
