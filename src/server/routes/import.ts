/**
 * Importing a document file in two steps: preview (upload the file — raw body or multipart —
 * the format is decided by content; the parsed model and its findings come back, nothing is
 * written), then commit (post the previewed documents back; all of them are written in one
 * transaction, or none). Unit staff import into their own unit; admins load any unit by its code,
 * as a new draft only: importing over an existing document is editing it, which only its unit's
 * staff do (editsContent in ../access.ts, the rule of the editing routes too).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { TargetDocument as Model } from '../../core/model/document.ts';
import { documentStatementFindings } from '../../core/evaluation/statements.ts';
import { reviewDocument } from '../../core/review/engine.ts';
import { MAX_UPLOAD_BYTES } from '../../formats/limits.ts';
import type { User } from '../../store/accounts.ts';
import { createDocumentIn, replaceContentIn } from '../../store/documents/create.ts';
import { documentMeta, documentOf } from '../../store/documents/read.ts';
import { EDITABLE } from '../../store/documents/version.ts';
import { unit, unitByCode, type Unit } from '../../store/organisation.ts';
import { reviewContext } from '../../store/review/context.ts';
import { actorOf, editsContent, requireRole, requireUser } from '../access.ts';
import type { AppContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { ErrorBody, Finding, Nullable, Status, TargetDocument } from '../schemas.ts';

export async function uploadedFile(req: FastifyRequest): Promise<{ bytes: Uint8Array; fileName: string }> {
  if (req.isMultipart()) {
    const file = await req.file({ limits: { fileSize: MAX_UPLOAD_BYTES } });
    if (!file) throw new ApiError(400, 'no_file', (m) => m.importNoDocument);
    return { bytes: await file.toBuffer(), fileName: file.filename };
  }
  const query = req.query as { fileName?: string };
  return { bytes: req.body as Buffer, fileName: query.fileName ?? 'upload' };
}

/** The unit a document goes to: the unit staff's own, or (admins) the one its code names. */
async function targetUnit(ctx: AppContext, user: User, doc: Model): Promise<Unit> {
  if (user.role === 'unit') {
    const own = (await unit(ctx.store.db, user.unitId))!;
    if (doc.unit.code !== null && doc.unit.code !== own.code) {
      const code = doc.unit.code;
      throw new ApiError(422, 'unit_mismatch', (m) => m.importUnitMismatch(code));
    }
    return own;
  }
  const code = doc.unit.code ?? '';
  const found = code ? await unitByCode(ctx.store.db, code) : undefined;
  if (!found) throw new ApiError(422, 'unknown_unit', (m) => m.importUnknownUnit(code));
  return found;
}

const Existing = Nullable(
  Type.Object({
    id: Type.Integer(),
    status: Status,
    version: Type.Integer(),
    replaceable: Type.Boolean({ description: 'whether the caller may import over it: its unit’s staff, while it is a draft or returned' }),
  }),
);

export async function importRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  // The raw-body form: any non-JSON, non-multipart upload arrives as bytes (the content decides the format;
  // the XLSX type is taken by the actuals routes, which share this parser scope).
  app.addContentTypeParser(
    [
      'application/octet-stream',
      'text/plain',
      'text/html',
      'application/msword',
      'application/vnd.ms-excel',
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    ],
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
    (_req, body, done) => done(null, body),
  );

  app.post(
    '/api/import/preview',
    {
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags: ['import'],
        summary: '预览导入：读取上传的文件（原始字节加 ?fileName=，或 multipart 字段 file），不写入任何数据',
        consumes: ['application/octet-stream', 'multipart/form-data', 'text/plain', 'text/html'],
        querystring: Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 255 })) }),
        response: {
          200: Type.Object({
            profile: Nullable(
              Type.Object(
                {
                  id: Type.String(),
                  version: Type.Integer(),
                  title: Type.String(),
                  region: Type.String(),
                },
                { description: 'the form profile (表样) another province’s form was recognised as; null for jixiao’s own formats' },
              ),
            ),
            actualsLeftOut: Type.Boolean({
              description: 'the file is a 自评表 whose actual values, scores and conclusions are not imported (only its targets are)',
            }),
            documents: Type.Array(
              Type.Object({
                document: TargetDocument,
                findings: Type.Array(Finding),
                unitId: Nullable(Type.Integer()),
                existing: Existing,
              }),
            ),
          }),
          401: ErrorBody,
          403: ErrorBody,
          413: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (req) => {
      const user = requireRole(req, 'unit', 'admin');
      const { bytes, fileName } = await uploadedFile(req);
      const { documents, profile, actuals } = await ctx.parse.readDocuments(bytes, fileName);
      if (documents.length === 0) throw new ApiError(422, 'no_document', (m) => m.importNoDocument);
      const out = [];
      for (const document of documents) {
        const u = await targetUnit(ctx, user, document);
        const existingId = document.year === null ? undefined : await documentOf(ctx.store.db, u.id, document.year);
        const existing = existingId === undefined ? undefined : await documentMeta(ctx.store.db, existingId);
        const replaceable = existing !== undefined && editsContent(user, existing) && EDITABLE.includes(existing.status);
        // In the store context the stored document will be reviewed in (history, peers, 事前绩效评估 — the
        // draft's, which an import over it keeps), so the preview finds what the editor and the gate will.
        const context = await reviewContext(ctx.store.db, { unitId: u.id, document, documentId: replaceable ? existing.id : null });
        out.push({
          document,
          // Reviewed as the form the file is (another province's, where recognised), else as the bureau's profile;
          // a 自评表's statements left as the template's instructions are said too.
          findings: [
            ...reviewDocument(document, { ...context, profile: profile ?? context.profile }),
            ...documentStatementFindings(document, actuals, 'zh-CN'),
          ],
          unitId: u.id,
          existing: existing
            ? {
                id: existing.id,
                status: existing.status,
                version: existing.version,
                replaceable,
              }
            : null,
        });
      }
      return {
        profile: profile === null ? null : { id: profile.id, version: profile.version, title: profile.title, region: profile.region },
        actualsLeftOut: actuals !== null && actuals.projects.length > 0,
        documents: out,
      };
    },
  );

  app.post(
    '/api/import/commit',
    {
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags: ['import'],
        summary:
          '确认导入：在一个事务中写入预览过的文件，各建一份新草稿；replaceVersion 给出已有草稿的当前版本时覆盖该草稿（与编辑一样，仅限其单位的填报人员）',
        body: Type.Object({
          documents: Type.Array(
            Type.Object({
              document: TargetDocument,
              year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100, description: 'when the file names none' })),
              replaceVersion: Type.Optional(Type.Integer()),
            }),
            { minItems: 1, maxItems: 1000 },
          ),
        }),
        response: {
          201: Type.Object({ documents: Type.Array(Type.Object({ id: Type.Integer(), version: Type.Integer() })) }),
          401: ErrorBody,
          403: ErrorBody,
          409: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const user = requireRole(req, 'unit', 'admin');
      const targets: Array<{ item: (typeof req.body.documents)[number]; year: number; unit: Unit }> = [];
      for (const item of req.body.documents) {
        const year = item.document.year ?? item.year;
        if (year === null || year === undefined) throw new ApiError(422, 'no_year', (m) => m.importNoYear);
        targets.push({ item, year, unit: await targetUnit(ctx, user, item.document) });
      }
      const actor = actorOf(user);
      const written = await ctx.store.db.transaction().execute(async (trx) => {
        const out = [];
        for (const { item, year, unit: u } of targets) {
          const content = { ...item.document, year };
          const existing = await documentOf(trx, u.id, year);
          if (existing !== undefined && item.replaceVersion !== undefined) {
            if (!editsContent(user, { unitId: u.id })) throw new ApiError(403, 'forbidden', (m) => m.importReplaceOwnOnly(u.name));
            out.push({ id: existing, version: await replaceContentIn(trx, actor, existing, item.replaceVersion, content) });
          } else out.push(await createDocumentIn(trx, actor, { unitId: u.id, year, content, action: 'import' }));
        }
        return out;
      });
      return reply.status(201).send({ documents: written });
    },
  );

  app.post(
    '/api/check',
    {
      schema: {
        tags: ['import'],
        summary: '审核提交来的文件内容（JSON 格式的文件模型），不写入任何数据',
        body: TargetDocument,
        response: { 200: Type.Object({ findings: Type.Array(Finding) }), 401: ErrorBody },
      },
    },
    async (req) => {
      requireUser(req);
      return { findings: reviewDocument(req.body as Model) };
    },
  );
}
