/**
 * Documents and their content: read (with ETag), create, start next year's draft, edit the
 * department goals, projects (whole-project PUT for autosave) and indicator rows (add, update,
 * delete, reorder), findings, comments and the audit trail.
 *
 * Every write names the document version it is based on in the If-Match header (the document's
 * ETag, e.g. "7"); a stale version gets 409 with `currentVersion`, and nothing is written.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type from 'typebox';
import { reviewDocument } from '../../core/review/engine.ts';
import { documentAudit } from '../../store/audit.ts';
import { documentAuditSummary } from '../../store/audit-summary.ts';
import { reviewContext } from '../../store/review/context.ts';
import { documentProfile, effectiveSettings } from '../../store/settings.ts';
import { commentDocument, createComment, documentComments, resolveComment } from '../../store/comments.ts';
import { copyToNextYear, createDocument } from '../../store/documents/create.ts';
import { updateDepartment } from '../../store/documents/department.ts';
import { addIndicator, deleteIndicator, reorderIndicators, updateIndicator } from '../../store/documents/indicators.ts';
import { addProject, deleteProject, replaceProject } from '../../store/documents/projects.ts';
import { indicatorProject, modelOf, projectDocument, readDocument, readProject, type DocumentMeta } from '../../store/documents/read.ts';
import { actorOf, assertCommenter, assertOwnUnit, assertRead, requireUser } from '../access.ts';
import type { AppContext } from '../context.ts';
import { ApiError, notFound } from '../errors.ts';
import { expectedVersion, metaOr404, notModified, sendJson } from '../http.ts';
import {
  AuditRecord,
  Comment,
  CommentAnchor,
  DepartmentGoals,
  DocumentMeta as DocumentMetaSchema,
  CursorPage,
  ErrorBody,
  Finding,
  Id,
  IdParams,
  IfMatch,
  Indicator,
  Nullable,
  Project,
  StoredDocument,
  StoredProject,
  VersionResult,
} from '../schemas.ts';

const writeResponses = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 428: ErrorBody };
const versioned = (reply: FastifyReply, version: number) => {
  reply.header('etag', `"${version}"`);
  return { version };
};

export async function documentRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.store.db;

  app.post(
    '/api/documents',
    {
      schema: {
        tags: ['documents'],
        summary: '为本单位新建某一年度的空白草稿',
        body: Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100 }) }),
        response: { 201: Type.Object({ id: Type.Integer(), version: Type.Integer() }), 403: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      if (user.role !== 'unit') throw new ApiError(403, 'forbidden', (m) => m.forbidden);
      const created = await createDocument(db, actorOf(user), { unitId: user.unitId, year: req.body.year, content: null });
      return reply.status(201).send(created);
    },
  );

  app.get(
    '/api/documents/:id',
    {
      schema: {
        tags: ['documents'],
        summary: '读取文件：部门整体绩效目标、项目和指标行（ETag 为版本号）',
        params: IdParams,
        response: { 200: StoredDocument, 304: Type.Null(), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req, reply) => {
      const meta = await metaOr404(ctx, req.params.id, ctx.reader(req));
      await assertRead(ctx, req, meta);
      if (notModified(req, reply, meta.version)) return reply.status(304).send(null);
      return sendJson(
        reply,
        await ctx.cache.get(`doc-json:${meta.id}:${meta.version}`, async () => {
          const profile = documentProfile(await effectiveSettings(ctx.reader(req), meta.bureauId), meta.year);
          return JSON.stringify({ ...(await readDocument(ctx.reader(req), meta.id)), formProfile: profile.id });
        }),
      );
    },
  );

  app.get(
    '/api/documents/:id/findings',
    {
      schema: {
        tags: ['documents'],
        summary: '审核已保存的文件：列出审核意见，附所属财政部门的审核设置',
        params: IdParams,
        response: {
          200: Type.Object({ version: Type.Integer(), findings: Type.Array(Finding) }),
          304: Type.Null(),
          403: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const meta = await metaOr404(ctx, req.params.id, ctx.reader(req));
      await assertRead(ctx, req, meta);
      if (notModified(req, reply, meta.version)) return reply.status(304).send(null);
      // Keyed by version too, though a saved 事前绩效评估 leaves the version: every write empties the cache.
      const findings = await ctx.cache.get(`findings:${meta.id}:${meta.version}`, async () => {
        const reader = ctx.reader(req);
        const model = modelOf((await readDocument(reader, meta.id))!);
        return reviewDocument(model, await reviewContext(reader, { unitId: meta.unitId, document: model, documentId: meta.id }));
      });
      return { version: meta.version, findings };
    },
  );

  app.post(
    '/api/documents/:id/next-year',
    {
      schema: {
        tags: ['documents'],
        summary: '复制本文件为下一年度草稿',
        params: IdParams,
        response: { 201: Type.Object({ id: Type.Integer(), version: Type.Integer() }), 403: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      const meta = await metaOr404(ctx, req.params.id);
      const user = assertOwnUnit(req, meta);
      return reply.status(201).send(await copyToNextYear(db, actorOf(user), meta.id));
    },
  );

  app.put(
    '/api/documents/:id/department',
    {
      schema: {
        tags: ['documents'],
        summary: '替换部门整体绩效目标',
        params: IdParams,
        headers: IfMatch,
        body: Type.Object({ department: Nullable(DepartmentGoals) }),
        response: { 200: VersionResult, ...writeResponses },
      },
    },
    async (req, reply) => {
      const meta = await metaOr404(ctx, req.params.id);
      const user = assertOwnUnit(req, meta);
      return versioned(reply, await updateDepartment(db, actorOf(user), meta.id, expectedVersion(req), req.body.department));
    },
  );

  app.post(
    '/api/documents/:id/projects',
    {
      schema: {
        tags: ['projects'],
        summary: '添加项目（位置从 0 起算，默认加在最后）',
        params: IdParams,
        headers: IfMatch,
        body: Type.Object({ project: Project, position: Type.Optional(Type.Integer({ minimum: 0 })) }),
        response: { 201: Type.Object({ version: Type.Integer(), projectId: Type.Integer() }), ...writeResponses },
      },
    },
    async (req, reply) => {
      const meta = await metaOr404(ctx, req.params.id);
      const user = assertOwnUnit(req, meta);
      const r = await addProject(db, actorOf(user), meta.id, expectedVersion(req), req.body.project, req.body.position);
      reply.header('etag', `"${r.version}"`);
      return reply.status(201).send(r);
    },
  );

  /** A project's document, checked for the caller. */
  async function projectMeta(projectId: number): Promise<DocumentMeta> {
    const documentId = await ctx.cache.get(`project-doc:${projectId}`, () => projectDocument(db, projectId));
    if (documentId === undefined) throw notFound('project', projectId);
    return metaOr404(ctx, documentId);
  }

  app.get(
    '/api/projects/:id',
    {
      schema: {
        tags: ['projects'],
        summary: '读取一张项目绩效目标表（ETag 为文件的版本号）',
        params: IdParams,
        response: {
          200: Type.Object({ document: DocumentMetaSchema, project: StoredProject }),
          304: Type.Null(),
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const meta = await projectMeta(req.params.id);
      await assertRead(ctx, req, meta);
      if (notModified(req, reply, meta.version)) return reply.status(304).send(null);
      return sendJson(
        reply,
        await ctx.cache.get(`project-json:${req.params.id}:${meta.version}`, async () =>
          JSON.stringify({ document: meta, project: await readProject(ctx.reader(req), meta.id, req.params.id) }),
        ),
      );
    },
  );

  app.put(
    '/api/projects/:id',
    {
      schema: {
        tags: ['projects'],
        summary: '整体替换一个项目（编辑器自动保存）',
        params: IdParams,
        headers: IfMatch,
        body: Type.Object({ project: Project }),
        response: { 200: VersionResult, ...writeResponses },
      },
    },
    async (req, reply) => {
      const meta = await projectMeta(req.params.id);
      const user = assertOwnUnit(req, meta);
      return versioned(reply, await replaceProject(db, actorOf(user), meta.id, req.params.id, expectedVersion(req), req.body.project));
    },
  );

  app.delete(
    '/api/projects/:id',
    {
      schema: {
        tags: ['projects'],
        summary: '删除项目',
        params: IdParams,
        headers: IfMatch,
        response: { 200: VersionResult, ...writeResponses },
      },
    },
    async (req, reply) => {
      const meta = await projectMeta(req.params.id);
      const user = assertOwnUnit(req, meta);
      return versioned(reply, await deleteProject(db, actorOf(user), meta.id, req.params.id, expectedVersion(req)));
    },
  );

  app.post(
    '/api/projects/:id/indicators',
    {
      schema: {
        tags: ['indicators'],
        summary: '添加指标行（位置从 0 起算，默认加在最后）',
        params: IdParams,
        headers: IfMatch,
        body: Type.Object({ indicator: Indicator, position: Type.Optional(Type.Integer({ minimum: 0 })) }),
        response: { 201: Type.Object({ version: Type.Integer(), indicatorId: Type.Integer() }), ...writeResponses },
      },
    },
    async (req, reply) => {
      const meta = await projectMeta(req.params.id);
      const user = assertOwnUnit(req, meta);
      const r = await addIndicator(db, actorOf(user), meta.id, req.params.id, expectedVersion(req), req.body.indicator, req.body.position);
      reply.header('etag', `"${r.version}"`);
      return reply.status(201).send(r);
    },
  );

  app.put(
    '/api/projects/:id/indicators/order',
    {
      schema: {
        tags: ['indicators'],
        summary: '调整项目指标行的顺序：按新顺序列出每个指标行的 id，各一次',
        params: IdParams,
        headers: IfMatch,
        body: Type.Object({ ids: Type.Array(Id) }),
        response: { 200: VersionResult, 422: ErrorBody, ...writeResponses },
      },
    },
    async (req, reply) => {
      const meta = await projectMeta(req.params.id);
      const user = assertOwnUnit(req, meta);
      const r = await reorderIndicators(db, actorOf(user), meta.id, req.params.id, expectedVersion(req), req.body.ids);
      if (r === 'mismatch') throw new ApiError(422, 'reorder_mismatch', (m) => m.reorderMismatch);
      return versioned(reply, r);
    },
  );

  async function indicatorMeta(indicatorId: number) {
    const projectId = await indicatorProject(db, indicatorId);
    if (projectId === undefined) throw notFound('indicator', indicatorId);
    return { projectId, meta: await projectMeta(projectId) };
  }

  app.put(
    '/api/indicators/:id',
    {
      schema: {
        tags: ['indicators'],
        summary: '替换一个指标行',
        params: IdParams,
        headers: IfMatch,
        body: Type.Object({ indicator: Indicator }),
        response: { 200: VersionResult, ...writeResponses },
      },
    },
    async (req, reply) => {
      const { projectId, meta } = await indicatorMeta(req.params.id);
      const user = assertOwnUnit(req, meta);
      return versioned(
        reply,
        await updateIndicator(db, actorOf(user), meta.id, projectId, req.params.id, expectedVersion(req), req.body.indicator),
      );
    },
  );

  app.delete(
    '/api/indicators/:id',
    {
      schema: {
        tags: ['indicators'],
        summary: '删除一个指标行',
        params: IdParams,
        headers: IfMatch,
        response: { 200: VersionResult, ...writeResponses },
      },
    },
    async (req, reply) => {
      const { projectId, meta } = await indicatorMeta(req.params.id);
      const user = assertOwnUnit(req, meta);
      return versioned(reply, await deleteIndicator(db, actorOf(user), meta.id, projectId, req.params.id, expectedVersion(req)));
    },
  );

  app.get(
    '/api/documents/:id/comments',
    {
      schema: {
        tags: ['comments'],
        summary: '列出文件的审核批注（新的在前，附总数；按游标分页；open=true 只列未解决的）',
        params: IdParams,
        querystring: Type.Object({
          ...CursorPage.properties,
          open: Type.Optional(Type.Boolean({ description: 'only comments not yet resolved' })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Comment),
            total: Type.Integer({ description: 'all the comments (open=true: the unresolved ones), not only this page' }),
            nextCursor: Nullable(Type.String({ description: 'give it back as `cursor` for the next page; null on the last' })),
          }),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (req) => {
      const meta = await metaOr404(ctx, req.params.id, ctx.reader(req));
      await assertRead(ctx, req, meta);
      if (meta.status === 'published' && !req.user) throw new ApiError(401, 'unauthenticated', (m) => m.unauthenticated);
      const page = { limit: req.query.limit, cursor: req.query.cursor, open: req.query.open === true };
      return ctx.cache.get(`comments:${meta.id}:${page.limit}:${page.cursor}:${page.open}`, () =>
        documentComments(ctx.reader(req), meta.id, page),
      );
    },
  );

  app.post(
    '/api/documents/:id/comments',
    {
      schema: {
        tags: ['comments'],
        summary: '添加审核批注：针对整份文件、一个项目、一个字段或一个指标行（序号从 1 起算）',
        params: IdParams,
        body: Type.Object({ body: Type.String({ minLength: 1, maxLength: 5000 }), ...CommentAnchor.properties }),
        response: { 201: Comment, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req, reply) => {
      const meta = await metaOr404(ctx, req.params.id);
      const user = await assertCommenter(ctx, req, meta);
      const { body, ...anchor } = req.body;
      return reply.status(201).send(await createComment(db, actorOf(user), meta.id, anchor, body));
    },
  );

  app.post(
    '/api/comments/:id/resolve',
    {
      schema: {
        tags: ['comments'],
        summary: '将审核批注标为已解决',
        params: IdParams,
        response: { 204: Type.Null(), 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req, reply) => {
      const documentId = await commentDocument(db, req.params.id);
      if (documentId === undefined) throw notFound('comment', req.params.id);
      const user = await assertCommenter(ctx, req, await metaOr404(ctx, documentId));
      await resolveComment(db, actorOf(user), req.params.id);
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/documents/:id/audit',
    {
      schema: {
        tags: ['documents'],
        summary:
          '读取文件的办理记录（新的在前，按游标分页）。detail=summary 时 before/after 只保留 {status, name, comment}，同一人 5 分钟内对同一对象的连续修改合为一条并计数（合并的一条不跨页）',
        params: IdParams,
        querystring: Type.Object({
          ...CursorPage.properties,
          detail: Type.Optional(Type.Union([Type.Literal('full'), Type.Literal('summary')], { description: 'full (default) or summary' })),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Object({
                ...AuditRecord.properties,
                count: Type.Optional(Type.Integer({ description: 'summary: log entries in this one (1 unless edits were coalesced)' })),
                firstId: Type.Optional(Type.Integer({ description: 'summary: the oldest entry coalesced' })),
                firstAt: Type.Optional(Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' })),
              }),
            ),
            nextCursor: Nullable(
              Type.String({ description: 'give it back as `cursor` for the next page; null at the start of the trail' }),
            ),
          }),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (req) => {
      const meta = await metaOr404(ctx, req.params.id, ctx.reader(req));
      requireUser(req);
      await assertRead(ctx, req, meta);
      const page = { limit: req.query.limit, cursor: req.query.cursor };
      return req.query.detail === 'summary'
        ? documentAuditSummary(ctx.reader(req), meta.id, page)
        : documentAudit(ctx.reader(req), meta.id, page);
    },
  );
}
