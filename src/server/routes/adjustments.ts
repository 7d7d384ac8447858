/**
 * 目标调整 over HTTP: the unit drafts a request from its approved (or published) document, edits,
 * submits or withdraws it; a reviewer over the unit's bureau reads the queue, returns (with a
 * comment) or approves. Reading a request gives both contents, what changed (the core's
 * diffDocuments) and the review findings of the adjusted targets. The public reads the approved
 * adjustments of a published document with what each changed and from when.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { IsoDateText } from '../../core/actuals/actuals.ts';
import { diffDocuments } from '../../core/model/diff.ts';
import { adjustmentQueue, listAdjustments, readAdjustment, type AdjustmentWithContent } from '../../store/adjustments/adjustments.ts';
import { draftAdjustment, saveAdjustment, stepAdjustment, type AdjustmentStep } from '../../store/adjustments/steps.ts';
import { reviewStored } from '../../store/review/counts.ts';
import { actorOf, assertInsider, assertOwnUnit, assertReviewer, listScope, requireUser } from '../access.ts';
import type { AppContext } from '../context.ts';
import { ApiError, notFound } from '../errors.ts';
import { expectedVersion, metaOr404 } from '../http.ts';
import { localeOf } from '../actuals-access.ts';
import { CursorPage, ErrorBody, Finding, Id, IdParams, IfMatch, Nullable, TargetDocument, Timestamp } from '../schemas.ts';

const State = Type.Union([
  Type.Literal('draft'),
  Type.Literal('submitted'),
  Type.Literal('returned'),
  Type.Literal('approved'),
  Type.Literal('withdrawn'),
]);

const Adjustment = Type.Object({
  id: Type.Integer(),
  documentId: Type.Integer(),
  number: Type.Integer({ description: '第几次调整（文件内从 1 起）' }),
  state: State,
  reason: Type.String(),
  effectiveDate: Type.String({ description: '生效日期 YYYY-MM-DD：自此日起监控与自评按调整后的目标' }),
  baseVersion: Type.Integer({ description: '申请所依据的文件版本' }),
  version: Type.Integer({ description: '申请自身的版本（If-Match）' }),
  reviewComment: Nullable(Type.String()),
  createdByName: Type.String(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  submittedAt: Nullable(Timestamp),
  decidedAt: Nullable(Timestamp),
  decidedByName: Nullable(Type.String()),
  approvedVersion: Nullable(Type.Integer({ description: '批准后载有调整后目标的文件版本' })),
});

const Change = Type.Object({
  kind: Type.Union([Type.Literal('changed'), Type.Literal('added'), Type.Literal('removed'), Type.Literal('moved')]),
  place: Type.String(),
  location: Type.String(),
  field: Type.String(),
  row: Nullable(Type.Integer()),
  before: Nullable(Type.String()),
  after: Nullable(Type.String()),
});
const PartChanges = Type.Object({
  projectCode: Nullable(Type.String()),
  title: Type.String(),
  kind: Type.Union([Type.Literal('changed'), Type.Literal('added'), Type.Literal('removed')]),
  changes: Type.Array(Change),
});

const AdjustmentView = Type.Object({
  ...Adjustment.properties,
  baseContent: TargetDocument,
  content: TargetDocument,
  changes: Type.Array(PartChanges, { description: '现行目标 → 调整后目标 的逐项差异' }),
  findings: Type.Array(Finding, { description: '调整后目标的审核意见' }),
});

const Page = <T extends Type.TSchema>(item: T) =>
  Type.Object({ items: Type.Array(item), nextCursor: Nullable(Type.String({ description: '下一页的 cursor；最后一页为 null' })) });

const StepBody = Type.Object({ comment: Type.Optional(Type.String({ minLength: 1, maxLength: 5000 })) });
const errors = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

const STEPS: AdjustmentStep[] = ['submit', 'withdraw', 'return', 'approve'];
const UNIT_STEPS: readonly AdjustmentStep[] = ['submit', 'withdraw'];

export async function adjustmentRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.store.db;

  /** A request with its document, or 404. */
  async function adjustmentOr404(id: number) {
    const a = await readAdjustment(db, id);
    if (!a) throw notFound('adjustment', id);
    return { a, meta: await metaOr404(ctx, a.documentId) };
  }

  async function view(req: FastifyRequest, a: AdjustmentWithContent) {
    const { baseContent, content } = a;
    const findings = await db.transaction().execute((trx) => reviewStored(trx, a.documentId, content));
    return { ...a, changes: diffDocuments(baseContent, content, localeOf(req)), findings: findings.findings };
  }

  app.get(
    '/api/documents/:id/adjustments',
    {
      schema: {
        tags: ['adjustments'],
        summary: '文件的目标调整申请（新的在前，按游标分页）',
        params: IdParams,
        querystring: CursorPage,
        response: { 200: Page(Adjustment), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      const meta = await metaOr404(ctx, req.params.id, ctx.reader(req));
      await assertInsider(ctx, req, meta);
      return listAdjustments(ctx.reader(req), meta.id, req.query);
    },
  );

  app.post(
    '/api/documents/:id/adjustments',
    {
      schema: {
        tags: ['adjustments'],
        summary: '单位申请目标调整：以现行（已审核或已公开）的目标为起点建立调整申请（每份文件同时只能有一项未办结的申请）',
        params: IdParams,
        body: Type.Object({ reason: Type.String({ minLength: 1, maxLength: 2000 }), effectiveDate: IsoDateText }),
        response: { 201: AdjustmentView, ...errors },
      },
    },
    async (req, reply) => {
      const meta = await metaOr404(ctx, req.params.id);
      const user = assertOwnUnit(req, meta);
      const a = await draftAdjustment(db, actorOf(user), meta.id, req.body);
      return reply
        .status(201)
        .header('etag', `"${a.version}"`)
        .send(await view(req, a));
    },
  );

  app.get(
    '/api/adjustments',
    {
      schema: {
        tags: ['adjustments'],
        summary: '本人可见的目标调整申请（默认待审核的；旧的在前，按游标分页）',
        querystring: Type.Object({ state: Type.Optional(State), ...CursorPage.properties }),
        response: {
          200: Page(Type.Object({ ...Adjustment.properties, unitName: Type.String(), year: Type.Integer() })),
          400: ErrorBody,
          401: ErrorBody,
        },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const { state, ...page } = req.query;
      return adjustmentQueue(ctx.reader(req), listScope(user), state ?? 'submitted', page);
    },
  );

  app.get(
    '/api/adjustments/:id',
    {
      schema: {
        tags: ['adjustments'],
        summary: '一项目标调整申请：现行目标、调整后目标、逐项差异与调整后目标的审核意见',
        params: IdParams,
        response: { 200: AdjustmentView, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req, reply) => {
      const { a, meta } = await adjustmentOr404(req.params.id);
      await assertInsider(ctx, req, meta);
      reply.header('etag', `"${a.version}"`);
      return view(req, a);
    },
  );

  app.put(
    '/api/adjustments/:id',
    {
      schema: {
        tags: ['adjustments'],
        summary: '修改草稿或已退回的调整申请（调整原因、生效日期、调整后的目标；If-Match 给出申请的版本）',
        params: IdParams,
        headers: IfMatch,
        body: Type.Object({
          reason: Type.Optional(Type.String({ minLength: 1, maxLength: 2000 })),
          effectiveDate: Type.Optional(IsoDateText),
          content: Type.Optional(TargetDocument),
        }),
        response: { 200: AdjustmentView, ...errors, 428: ErrorBody },
      },
    },
    async (req, reply) => {
      const { meta } = await adjustmentOr404(req.params.id);
      const user = assertOwnUnit(req, meta);
      const a = await saveAdjustment(db, actorOf(user), req.params.id, expectedVersion(req), req.body);
      reply.header('etag', `"${a.version}"`);
      return view(req, a);
    },
  );

  for (const step of STEPS)
    app.post(
      `/api/adjustments/:id/${step}`,
      {
        schema: {
          tags: ['adjustments'],
          summary: {
            submit: '单位提交调整申请（审核调整后的目标，仍有错误时 422 并列出）',
            withdraw: '单位撤销调整申请',
            return: '财政部门退回调整申请（须附审核意见）',
            approve: '财政部门批准调整申请：调整后的目标成为文件的新版本，自生效日期起用于监控与自评',
          }[step],
          params: IdParams,
          headers: IfMatch,
          body: StepBody,
          response: { 200: AdjustmentView, ...errors, 428: ErrorBody },
        },
      },
      async (req, reply) => {
        const { meta } = await adjustmentOr404(req.params.id);
        const user = UNIT_STEPS.includes(step) ? assertOwnUnit(req, meta) : await assertReviewer(ctx, req, meta);
        if (step === 'return' && !req.body.comment) throw new ApiError(422, 'comment_required', (m) => m.returnNeedsComment);
        const a = await stepAdjustment(db, actorOf(user), req.params.id, expectedVersion(req), step, req.body.comment);
        reply.header('etag', `"${a.version}"`);
        return view(req, a);
      },
    );

  app.get(
    '/api/public/documents/:id/adjustments',
    {
      schema: {
        tags: ['public'],
        summary: '已公开文件的已批准目标调整：生效日期、调整原因与调整内容（新的在前，按游标分页）',
        params: IdParams,
        querystring: CursorPage,
        response: {
          200: Page(
            Type.Object({
              number: Type.Integer(),
              reason: Type.String(),
              effectiveDate: Type.String(),
              decidedAt: Nullable(Timestamp),
              changes: Type.Array(PartChanges),
            }),
          ),
          400: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (req) => {
      const meta = await metaOr404(ctx, req.params.id, ctx.reader(req));
      if (meta.status !== 'published') throw notFound('document', req.params.id);
      const page = await listAdjustments(ctx.reader(req), meta.id, req.query, true);
      const items = await Promise.all(
        page.items.map(async ({ id, number, reason, effectiveDate, decidedAt }) => {
          const a = (await readAdjustment(ctx.reader(req), id))!;
          return { number, reason, effectiveDate, decidedAt, changes: diffDocuments(a.baseContent, a.content, localeOf(req)) };
        }),
      );
      return { items, nextCursor: page.nextCursor };
    },
  );
}
