/**
 * 绩效目标批复 over HTTP (docs/approval-notices.md). Reviewers draft, fill, issue and withdraw their
 * bureau's notices (and those of bureaus under it); a unit's staff read the issued notices covering
 * their unit — their own documents in them — and download their 批复表; admins read all. Writes name
 * the notice's version in If-Match (409 stale_version when it moved on). Files are written in the
 * export worker, in the notice bureau's form profile.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { FILE_TYPES } from '../../formats/publication/export.ts';
import { messagesFor } from '../../i18n/index.ts';
import type { User } from '../../store/accounts.ts';
import type { Actor } from '../../store/audit.ts';
import { NoticeError, type NoticeErrorKind } from '../../store/notices/errors.ts';
import {
  addDocuments,
  createNotice,
  deleteNotice,
  editNotice,
  issueNotice,
  removeDocument,
  withdrawNotice,
  type NoticeFields as Fields,
} from '../../store/notices/notices.ts';
import {
  candidateDocuments,
  documentNotices,
  listNotices,
  noticeDocuments,
  printedNotice,
  readNotice,
  unitInNotice,
  type NoticeScope,
  type NoticeView as View,
} from '../../store/notices/read.ts';
import { actorOf, assertInsider, requireRole, requireUser, reviewerBureaus } from '../access.ts';
import { localeOf } from '../actuals-access.ts';
import type { AppContext } from '../context.ts';
import { ApiError, forbidden } from '../errors.ts';
import { profileIdsOf } from '../export/bundle.ts';
import { renderer } from '../export/render.ts';
import { expectedVersion, metaOr404 } from '../http.ts';
import {
  DocumentNotice,
  NoticeCreate,
  NoticeDocument,
  NoticeFields,
  NoticeFormat,
  NoticeListQuery,
  NoticeView,
} from '../notice-schemas.ts';
import { CursorPage, ErrorBody, IdParams, IfMatch, PageOf } from '../schemas.ts';
import { attachment, sendBytes } from './exports.ts';
import { FileResponse } from './monitoring.ts';

const STATUS: Record<NoticeErrorKind, number> = { notFound: 404, invalid: 422, conflict: 409, stale: 409, state: 409 };

/** The store's refusals as API errors in the caller's language. */
async function refusals<T>(req: FastifyRequest, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof NoticeError)) throw e;
    const text = e.describe(messagesFor(localeOf(req)));
    throw new ApiError(STATUS[e.kind], e.code, () => text, e.details);
  }
}

/** A real calendar date (the schema checks the shape only). */
function checkDate(req: FastifyRequest, date: string): void {
  const d = new Date(`${date}T00:00:00Z`);
  if (Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== date) {
    const text =
      localeOf(req) === 'en' ? `date: "${date}" is not a date (YYYY-MM-DD).` : `发文日期（date）“${date}”不是有效日期，应为 YYYY-MM-DD。`;
    throw new ApiError(422, 'invalid_date', () => text, { field: 'date' });
  }
}

const fieldsOf = (b: Type.Static<typeof NoticeFields>): Fields => ({
  number: b.number.trim(),
  title: b.title.trim(),
  date: b.date,
  body: b.body.replace(/\r\n?/g, '\n'),
});

const denied = { 401: ErrorBody, 403: ErrorBody };
const readErrors = { ...denied, 404: ErrorBody };
const writeErrors = { ...readErrors, 409: ErrorBody, 422: ErrorBody, 428: ErrorBody };

export async function noticeRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.store.db;

  const noticeOr404 = async (id: number, from = db): Promise<View> => {
    const n = await readNotice(from, id);
    if (!n) throw new NoticeError('notFound', 'not_found', (m) => m.notices.store.notFound(id), { entity: 'approvalNotice', id });
    return n;
  };
  const found = <T>(req: FastifyRequest, run: () => Promise<T>) => refusals(req, run);

  const reviews = async (user: User, bureauId: number) =>
    user.role === 'reviewer' && (await reviewerBureaus(ctx, user.bureauId)).has(bureauId);

  /** A reviewer over the notice's bureau. */
  async function assertWriter(req: FastifyRequest, notice: View): Promise<User> {
    const user = requireUser(req);
    if (!(await reviews(user, notice.bureauId))) throw forbidden();
    return user;
  }

  /**
   * A step on a notice by a reviewer over its bureau, at the version If-Match gives (404, 403, then
   * the store's refusals, in that order); answers the notice as it now is.
   */
  async function writeNotice(
    req: FastifyRequest<{ Params: { id: number } }>,
    write: (actor: Actor, id: number, expected: number) => Promise<unknown>,
  ) {
    const notice = await found(req, () => noticeOr404(req.params.id));
    const user = await assertWriter(req, notice);
    await refusals(req, () => write(actorOf(user), notice.id, expectedVersion(req)));
    return noticeOr404(notice.id);
  }

  /** Who reads a notice: its reviewers and admins; a unit's staff once it is issued to their unit (withdrawn too, with its reason). */
  async function assertReader(req: FastifyRequest, notice: View, from = db): Promise<User> {
    const user = requireUser(req);
    if (user.role === 'admin' || (await reviews(user, notice.bureauId))) return user;
    if (user.role === 'unit' && notice.state !== 'draft' && (await unitInNotice(from, notice.id, user.unitId))) return user;
    throw forbidden();
  }

  const scopeOf = (user: User): NoticeScope =>
    user.role === 'admin' ? { all: true } : user.role === 'unit' ? { unitId: user.unitId } : { bureauId: user.bureauId };

  app.get(
    '/api/notices',
    {
      schema: {
        tags: ['notices'],
        summary: '绩效目标批复通知列表（审核人：本级及下级财政部门的；单位：印发给本单位的；按年度、状态筛选；按游标分页，新的在前）',
        querystring: NoticeListQuery,
        response: { 200: PageOf(NoticeView), 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (req) => {
      const { year, state, limit, cursor } = req.query;
      return listNotices(ctx.reader(req), scopeOf(requireUser(req)), { year, state }, { limit, cursor });
    },
  );

  app.post(
    '/api/notices',
    {
      schema: {
        tags: ['notices'],
        summary: '新建绩效目标批复通知（草稿）：文号、标题、发文日期、正文、预算年度',
        body: NoticeCreate,
        response: { 201: NoticeView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const user = requireRole(req, 'reviewer');
      if (user.role !== 'reviewer') throw forbidden();
      const bureauId = req.body.bureauId ?? user.bureauId;
      if (!(await reviewerBureaus(ctx, user.bureauId)).has(bureauId)) throw forbidden();
      checkDate(req, req.body.date);
      const id = await refusals(req, () => createNotice(db, actorOf(user), bureauId, req.body.year, fieldsOf(req.body)));
      return reply.status(201).send(await noticeOr404(id));
    },
  );

  app.get(
    '/api/notices/:id',
    {
      schema: {
        tags: ['notices'],
        summary: '一份绩效目标批复通知（ETag 为版本号）',
        params: IdParams,
        response: { 200: NoticeView, ...readErrors },
      },
    },
    async (req, reply) => {
      const notice = await found(req, () => noticeOr404(req.params.id, ctx.reader(req)));
      await assertReader(req, notice, ctx.reader(req));
      reply.header('etag', `"${notice.version}"`);
      return notice;
    },
  );

  app.put(
    '/api/notices/:id',
    {
      schema: {
        tags: ['notices'],
        summary: '修改草稿批复通知的文号、标题、发文日期、正文（If-Match 给出版本；印发后不能修改）',
        params: IdParams,
        headers: IfMatch,
        body: NoticeFields,
        response: { 200: NoticeView, ...writeErrors },
      },
    },
    async (req) => {
      const notice = await found(req, () => noticeOr404(req.params.id));
      const user = await assertWriter(req, notice);
      checkDate(req, req.body.date);
      await refusals(req, () => editNotice(db, actorOf(user), notice.id, expectedVersion(req), fieldsOf(req.body)));
      return noticeOr404(notice.id);
    },
  );

  app.delete(
    '/api/notices/:id',
    {
      schema: {
        tags: ['notices'],
        summary: '删除草稿批复通知（审计日志保留；If-Match 给出版本）',
        params: IdParams,
        headers: IfMatch,
        response: { 204: Type.Null(), ...writeErrors },
      },
    },
    async (req, reply) => {
      const notice = await found(req, () => noticeOr404(req.params.id));
      const user = await assertWriter(req, notice);
      await refusals(req, () => deleteNotice(db, actorOf(user), notice.id, expectedVersion(req)));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/notices/:id/documents',
    {
      schema: {
        tags: ['notices'],
        summary: '批复通知覆盖的绩效目标（按单位编码，游标分页；单位只看到本单位的）',
        params: IdParams,
        querystring: CursorPage,
        response: { 200: PageOf(NoticeDocument), 400: ErrorBody, ...readErrors },
      },
    },
    async (req) => {
      const from = ctx.reader(req);
      const notice = await found(req, () => noticeOr404(req.params.id, from));
      const user = await assertReader(req, notice, from);
      return noticeDocuments(from, notice.id, req.query, user.role === 'unit' ? user.unitId : undefined);
    },
  );

  app.get(
    '/api/notices/:id/candidates',
    {
      schema: {
        tags: ['notices'],
        summary: '可加入草稿批复通知的绩效目标：本级及下级、本年度、已审核或已公开、尚未批复（q：单位名称或编码；游标分页）',
        params: IdParams,
        querystring: Type.Object({ ...CursorPage.properties, q: Type.Optional(Type.String({ maxLength: 100 })) }),
        response: { 200: PageOf(NoticeDocument), 400: ErrorBody, ...readErrors },
      },
    },
    async (req) => {
      const from = ctx.reader(req);
      const notice = await found(req, () => noticeOr404(req.params.id, from));
      await assertWriter(req, notice);
      return candidateDocuments(from, notice, req.query.q, { limit: req.query.limit, cursor: req.query.cursor });
    },
  );

  app.post(
    '/api/notices/:id/documents',
    {
      schema: {
        tags: ['notices'],
        summary: '把绩效目标（按当前版本）加入草稿批复通知：须为本级及下级、本年度、已审核或已公开（If-Match 给出通知版本）',
        params: IdParams,
        headers: IfMatch,
        body: Type.Object(
          { documentIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 200 }) },
          { additionalProperties: false },
        ),
        response: { 200: NoticeView, ...writeErrors },
      },
    },
    async (req) => writeNotice(req, (actor, id, expected) => addDocuments(db, actor, id, expected, req.body.documentIds)),
  );

  app.delete(
    '/api/notices/:id/documents/:documentId',
    {
      schema: {
        tags: ['notices'],
        summary: '从草稿批复通知中移除一份绩效目标（If-Match 给出通知版本）',
        params: Type.Object({ id: IdParams.properties.id, documentId: IdParams.properties.id }),
        headers: IfMatch,
        response: { 200: NoticeView, ...writeErrors },
      },
    },
    async (req) => writeNotice(req, (actor, id, expected) => removeDocument(db, actor, id, expected, req.params.documentId)),
  );

  app.post(
    '/api/notices/:id/issue',
    {
      schema: {
        tags: ['notices'],
        summary: '印发批复通知：所含绩效目标须仍为加入时的版本、已审核或已公开，且该版本未在其他批复通知中印发；印发后不能修改，只能撤回',
        params: IdParams,
        headers: IfMatch,
        response: { 200: NoticeView, ...writeErrors },
      },
    },
    async (req) => writeNotice(req, (actor, id, expected) => issueNotice(db, actor, id, expected)),
  );

  app.post(
    '/api/notices/:id/withdraw',
    {
      schema: {
        tags: ['notices'],
        summary: '撤回已印发的批复通知（须写明撤回理由 reason；其绩效目标可重新批复）',
        params: IdParams,
        headers: IfMatch,
        body: Type.Object({ reason: Type.String({ maxLength: 1000, description: '撤回理由（必填）' }) }, { additionalProperties: false }),
        response: { 200: NoticeView, ...writeErrors },
      },
    },
    async (req) => writeNotice(req, (actor, id, expected) => withdrawNotice(db, actor, id, expected, req.body.reason)),
  );

  async function sendNotice(
    req: FastifyRequest,
    reply: FastifyReply,
    notice: View,
    format: 'docx' | 'pdf',
    whole: boolean,
    documentIds?: readonly number[],
  ) {
    const from = ctx.reader(req);
    const { head, docs } = await printedNotice(from, notice, documentIds);
    if (docs.length === 0) throw new ApiError(404, 'no_documents', (m) => m.noDocuments);
    const [profile] = await profileIdsOf(from, [{ bureauId: notice.bureauId, year: notice.year }], format);
    const locale = localeOf(req);
    const bytes = await renderer.render({ kind: 'notice', head, docs, whole, format, profile, locale });
    const f = messagesFor(locale).notices.form;
    const name = whole ? f.fileName(head.number, head.title) : f.formFileName(head.number, docs[0]!.unitName);
    const type = FILE_TYPES[format];
    const fallback = `notice-${notice.id}${whole ? '' : `-${documentIds?.join('-')}`}.${type.extension}`;
    return sendBytes(reply, bytes, type.mediaType, attachment(`${name}.${type.extension}`, fallback));
  }

  app.get(
    '/api/notices/:id/export',
    {
      schema: {
        tags: ['notices'],
        summary: '下载批复通知（首页为通知正文与批复范围，其后为每个项目的批复表）；单位下载时只含本单位的绩效目标',
        params: IdParams,
        querystring: NoticeFormat,
        response: { 200: FileResponse, ...readErrors },
      },
    },
    async (req, reply) => {
      const from = ctx.reader(req);
      const notice = await found(req, () => noticeOr404(req.params.id, from));
      const user = await assertReader(req, notice, from);
      const own = user.role === 'unit' ? await ownDocuments(from, notice.id, user.unitId) : undefined;
      return sendNotice(req, reply, notice, req.query.format, true, own);
    },
  );

  app.get(
    '/api/notices/:id/documents/:documentId/export',
    {
      schema: {
        tags: ['notices'],
        summary: '下载一份绩效目标的批复表（文号、发文日期、预算单位，其后为批复的绩效目标表）',
        params: Type.Object({ id: IdParams.properties.id, documentId: IdParams.properties.id }),
        querystring: NoticeFormat,
        response: { 200: FileResponse, ...readErrors },
      },
    },
    async (req, reply) => {
      const from = ctx.reader(req);
      const notice = await found(req, () => noticeOr404(req.params.id, from));
      const user = await assertReader(req, notice, from);
      if (user.role === 'unit' && !(await ownDocuments(from, notice.id, user.unitId)).includes(req.params.documentId)) throw forbidden();
      return sendNotice(req, reply, notice, req.query.format, false, [req.params.documentId]);
    },
  );

  app.get(
    '/api/documents/:id/notices',
    {
      schema: {
        tags: ['notices'],
        summary: '批复这份绩效目标的通知（新的在前；草稿只对审核人和管理员可见）',
        params: IdParams,
        response: { 200: Type.Object({ items: Type.Array(DocumentNotice) }), ...readErrors },
      },
    },
    async (req) => {
      const from = ctx.reader(req);
      const meta = await metaOr404(ctx, req.params.id, from);
      const user = await assertInsider(ctx, req, meta);
      return { items: await documentNotices(from, meta.id, user.role !== 'unit') };
    },
  );
}

/** A unit's documents in a notice (one a year; a notice is of one year). */
async function ownDocuments(from: AppContext['store']['db'], noticeId: number, unitId: number): Promise<number[]> {
  const rows = await from
    .selectFrom('approval_notice_documents')
    .select('document_id')
    .where('notice_id', '=', noticeId)
    .where('unit_id', '=', unitId)
    .where('state', '<>', 'draft')
    .execute();
  return rows.map((r) => r.document_id);
}
