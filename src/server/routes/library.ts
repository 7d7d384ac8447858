/**
 * The indicator library (指标库) over HTTP. Internal: every route needs a signed-in user (the
 * public gets 401). Units apply (申请入库) and see their bureau's approved entries and their own
 * applications; reviewers decide on the entries of their bureau and those under it, add approved
 * entries to their own bureau's library, edit, retire and reinstate them, and import a library file into it;
 * admins read. Writes name the entry's version in If-Match (409 stale_version when it moved on).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { EntryStatus, LibraryEntry } from '../../core/library/entry.ts';
import { MAX_UPLOAD_BYTES } from '../../formats/limits.ts';
import { writeLibraryJson } from '../../formats/library/json.ts';
import { readLibrary } from '../../formats/library/read-library.ts';
import { writeLibraryXlsx } from '../../formats/library/xlsx.ts';
import { FILE_TYPES } from '../../formats/publication/export.ts';
import type { User } from '../../store/accounts.ts';
import { exportableEntries, libraryEntry, listLibrary, type LibraryFilter } from '../../store/library/entries.ts';
import { LibraryError, type LibraryErrorKind } from '../../store/library/errors.ts';
import { importLibrary } from '../../store/library/import.ts';
import type { LibraryScope } from '../../store/library/scope.ts';
import {
  addEntry,
  decideEntry,
  editEntry,
  type EntryContent as StoredContent,
  entryOwnership,
  proposeEntry,
  reinstateEntry,
  retireEntry,
  withdrawEntry,
} from '../../store/library/workflow.ts';
import { messagesFor } from '../../i18n/index.ts';
import { actorOf, requireRole, requireUser, reviewerBureaus } from '../access.ts';
import { localeOf } from '../actuals-access.ts';
import type { AppContext } from '../context.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import { expectedVersion } from '../http.ts';
import { EntryContent, type EntryContentBody, LibraryEntryView, LibraryListQuery } from '../library-schemas.ts';
import { ErrorBody, IdParams, IfMatch, Nullable, PageOf } from '../schemas.ts';
import { attachment, sendBytes } from './exports.ts';
import { uploadedFile } from './import.ts';

/** Left-out optional texts are empty (null), the description ''. */
const contentOf = (b: EntryContentBody): StoredContent => ({
  level1: b.level1,
  level2: b.level2,
  level3: b.level3,
  description: b.description ?? '',
  unit: b.unit?.trim() || null,
  direction: b.direction ?? null,
  target: b.target?.trim() || null,
  explanation: b.explanation?.trim() || null,
  method: b.method?.trim() || null,
  dataSource: b.dataSource?.trim() || null,
  field: b.field,
});

const STATUS: Record<LibraryErrorKind, number> = { notFound: 404, invalid: 422, conflict: 409, stale: 409, state: 409 };

/** The store's refusals as API errors in the caller's language. */
async function refusals<T>(req: FastifyRequest, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof LibraryError)) throw e;
    const text = e.describe(messagesFor(localeOf(req)).library.store);
    throw new ApiError(STATUS[e.kind], e.code, () => text, e.details);
  }
}

const denied = { 401: ErrorBody, 403: ErrorBody };
const writeErrors = { ...denied, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 428: ErrorBody };

export async function libraryRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.store.db;

  /** A unit's bureau (a unit account carries its unit, not the bureau the library follows). */
  const unitBureau = (unitId: number) =>
    ctx.cache.get(`unit-bureau:${unitId}`, async () => {
      const r = await db.selectFrom('units').select('bureau_id').where('id', '=', unitId).executeTakeFirstOrThrow();
      return r.bureau_id;
    });

  async function scopeOf(user: User): Promise<LibraryScope> {
    if (user.role === 'admin') return { all: true };
    if (user.role === 'unit') return { unitId: user.unitId, bureauId: await unitBureau(user.unitId) };
    return { reviewerBureauId: user.bureauId };
  }

  const view = async (id: number) => (await libraryEntry(db, id, { all: true }))!;

  /** The entry's owner and proposer, or 404. */
  const ownership = async (id: number) => {
    const o = await entryOwnership(db, id);
    if (!o) throw notFound('libraryEntry', id);
    return o;
  };

  /** A reviewer of the entry's bureau or one above it; national entries are the command line's. */
  async function assertDecides(req: FastifyRequest, id: number): Promise<User> {
    const user = requireUser(req);
    const { bureauId } = await ownership(id);
    if (user.role !== 'reviewer' || bureauId === null || !(await reviewerBureaus(ctx, user.bureauId)).has(bureauId)) throw forbidden();
    return user;
  }

  app.get(
    '/api/library',
    {
      schema: {
        tags: ['library'],
        summary: '指标库条目列表（按行业/领域、状态、文字、所属财政部门筛选；按游标分页，新的在前；首页给出总数，最多数到 1000）',
        querystring: LibraryListQuery,
        response: { 200: PageOf(LibraryEntryView), 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (req) => {
      const q = req.query;
      const filter: LibraryFilter = {
        field: q.field,
        state: q.state,
        q: q.q?.trim() || undefined,
        owner: q.national ? 'national' : q.bureauId,
      };
      return listLibrary(ctx.reader(req), await scopeOf(requireUser(req)), filter, { limit: q.limit, cursor: q.cursor });
    },
  );

  app.get(
    '/api/library/export',
    {
      schema: {
        tags: ['library'],
        summary: '导出本人可见的指标库（JSON 或 XLSX 指标库文件）',
        querystring: Type.Object({
          format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('xlsx')], { description: 'json（默认）或 xlsx' })),
        }),
        response: { 200: Type.Unsafe({ description: '指标库文件' }), ...denied },
      },
    },
    async (req, reply) => {
      const entries = await exportableEntries(ctx.reader(req), await scopeOf(requireUser(req)));
      const format = req.query.format ?? 'json';
      const bytes = format === 'xlsx' ? await writeLibraryXlsx(entries) : new TextEncoder().encode(writeLibraryJson(entries));
      const type = FILE_TYPES[format];
      return sendBytes(reply, bytes, type.mediaType, attachment(`指标库.${type.extension}`, `jixiao-library.${type.extension}`));
    },
  );

  app.get(
    '/api/library/:id',
    {
      schema: {
        tags: ['library'],
        summary: '一条指标库条目',
        params: IdParams,
        response: { 200: LibraryEntryView, ...denied, 404: ErrorBody },
      },
    },
    async (req) => {
      const found = await libraryEntry(ctx.reader(req), req.params.id, await scopeOf(requireUser(req)));
      if (!found) throw notFound('libraryEntry', req.params.id);
      return found;
    },
  );

  app.post(
    '/api/library/applications',
    {
      schema: {
        tags: ['library'],
        summary: '申请入库：单位提出一条指标，进入本单位所属财政部门的指标库，待审核',
        body: Type.Object({ entry: EntryContent }),
        response: { 201: LibraryEntryView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const user = requireRole(req, 'unit');
      if (user.role !== 'unit') throw forbidden();
      const proposer = { unitId: user.unitId, bureauId: await unitBureau(user.unitId) };
      const id = await proposeEntry(db, actorOf(user), proposer, contentOf(req.body.entry));
      return reply.status(201).send(await view(id));
    },
  );

  app.post(
    '/api/library/entries',
    {
      schema: {
        tags: ['library'],
        summary: '审核人直接把一条指标加入本财政部门的指标库（已入库）；编号不给时自动生成',
        body: Type.Object({ code: Type.Optional(LibraryEntry.properties.id), entry: EntryContent }),
        response: { 201: LibraryEntryView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const user = requireRole(req, 'reviewer');
      if (user.role !== 'reviewer') throw forbidden();
      const id = await refusals(req, () => addEntry(db, actorOf(user), user.bureauId, contentOf(req.body.entry), req.body.code));
      return reply.status(201).send(await view(id));
    },
  );

  app.put(
    '/api/library/entries/:id',
    {
      schema: {
        tags: ['library'],
        summary: '修改指标库条目：审核人修改本级及下级的条目；申请单位在审核前修改自己的申请。If-Match 给出版本',
        params: IdParams,
        headers: IfMatch,
        body: Type.Object({ entry: EntryContent }),
        response: { 200: LibraryEntryView, ...writeErrors },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const { bureauId, proposedByUnitId } = await ownership(req.params.id);
      const reviews = user.role === 'reviewer' && bureauId !== null && (await reviewerBureaus(ctx, user.bureauId)).has(bureauId);
      const proposed = user.role === 'unit' && proposedByUnitId === user.unitId;
      if (!reviews && !proposed) throw forbidden();
      const expected = expectedVersion(req);
      const allowed = reviews ? (['proposed', 'approved', 'retired'] as const) : (['proposed'] as const);
      await refusals(req, () => editEntry(db, actorOf(user), req.params.id, expected, contentOf(req.body.entry), allowed));
      return view(req.params.id);
    },
  );

  app.post(
    '/api/library/entries/:id/decision',
    {
      schema: {
        tags: ['library'],
        summary: '审核入库申请：approve 批准入库，refuse 不予入库（须写明理由 reason）。If-Match 给出版本',
        params: IdParams,
        headers: IfMatch,
        body: Type.Object({
          decision: Type.Union([Type.Literal('approve'), Type.Literal('refuse')]),
          reason: Type.Optional(Nullable(EntryStatus.properties.reason.anyOf[0]!)),
        }),
        response: { 200: LibraryEntryView, ...writeErrors },
      },
    },
    async (req) => {
      const user = await assertDecides(req, req.params.id);
      const expected = expectedVersion(req);
      const { decision, reason } = req.body;
      await refusals(req, () => decideEntry(db, actorOf(user), req.params.id, expected, decision, reason ?? null));
      return view(req.params.id);
    },
  );

  // 停用 and 恢复启用: the same decision of the owning bureau's reviewers, back and forth.
  const switches = [
    { step: 'retire', summary: '停用已入库的指标：保留条目，不再推荐；用过它的指标行不受影响。If-Match 给出版本', write: retireEntry },
    { step: 'reinstate', summary: '恢复启用已停用的指标库条目：重新入库，再次推荐。If-Match 给出版本', write: reinstateEntry },
  ] as const;
  for (const { step, summary, write } of switches)
    app.post(
      `/api/library/entries/:id/${step}`,
      { schema: { tags: ['library'], summary, params: IdParams, headers: IfMatch, response: { 200: LibraryEntryView, ...writeErrors } } },
      async (req) => {
        const user = await assertDecides(req, req.params.id);
        const expected = expectedVersion(req);
        await refusals(req, () => write(db, actorOf(user), req.params.id, expected));
        return view(req.params.id);
      },
    );

  app.delete(
    '/api/library/entries/:id',
    {
      schema: {
        tags: ['library'],
        summary: '单位在审核前撤回自己的入库申请（条目删除，审计日志保留）。If-Match 给出版本',
        params: IdParams,
        headers: IfMatch,
        response: { 204: Type.Null(), ...writeErrors },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const { proposedByUnitId } = await ownership(req.params.id);
      if (user.role !== 'unit' || proposedByUnitId !== user.unitId) throw forbidden();
      const expected = expectedVersion(req);
      await refusals(req, () => withdrawEntry(db, actorOf(user), req.params.id, expected));
      return reply.status(204).send(null);
    },
  );

  app.post(
    '/api/library/import',
    {
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags: ['library'],
        summary:
          '把指标库文件（JSON 或 XLSX；原始内容加 ?fileName=，或 multipart 字段 file）导入审核人本财政部门的指标库：按编号新增或更新，全部成功或全部不导入；有误时 422 指明条目或单元格',
        consumes: ['application/octet-stream', 'multipart/form-data', 'application/json'],
        querystring: Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 255 })) }),
        response: { 200: Type.Object({ created: Type.Integer(), updated: Type.Integer() }), ...denied, 413: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => {
      const user = requireRole(req, 'reviewer');
      if (user.role !== 'reviewer') throw forbidden();
      // A JSON upload sent as application/json arrives parsed: the file's own text is what is read.
      const { bytes, fileName } =
        req.body !== null && typeof req.body === 'object' && !(req.body instanceof Uint8Array)
          ? { bytes: new TextEncoder().encode(JSON.stringify(req.body)), fileName: req.query.fileName ?? 'upload.json' }
          : await uploadedFile(req);
      const entries = await readLibrary(bytes ?? new Uint8Array(), fileName);
      return importLibrary(db, actorOf(user), user.bureauId, entries);
    },
  );
}
