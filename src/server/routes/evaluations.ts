/**
 * 绩效评价 over HTTP (docs/evaluations.md). Reviewers plan evaluations of their bureau's projects
 * and policies, assign them to third-party evaluator accounts (which they may create for their
 * bureau), and accept or return the results; whoever records (the assigned evaluators, or the
 * bureau's reviewers where none is assigned) saves the score, findings and report and submits. An
 * evaluator sees only what it is assigned, a unit only accepted evaluations of its own projects;
 * anything else is a 404, so ids leak nothing. Writes name the evaluation's version in If-Match.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { MAX_EVALUATION_REPORT_BYTES } from '../../formats/limits.ts';
import { messagesFor } from '../../i18n/index.ts';
import { createUser, type User } from '../../store/accounts.ts';
import { EvaluationError, type EvaluationErrorKind } from '../../store/evaluations/errors.ts';
import { listEvaluators } from '../../store/evaluations/evaluators.ts';
import { listEvaluations, readEvaluation, readReport, type Evaluation } from '../../store/evaluations/read.ts';
import type { EvaluationScope } from '../../store/evaluations/scope.ts';
import {
  acceptEvaluation,
  addFinding,
  createEvaluation,
  deleteFinding,
  editFinding,
  recordResult,
  returnEvaluation,
  saveReport,
  submitEvaluation,
  updatePlan,
} from '../../store/evaluations/write.ts';
import { generatePassword } from '../../store/password.ts';
import { effectiveSettings } from '../../store/settings.ts';
import { actorOf, requireRole, requireUser, reviewerBureaus } from '../access.ts';
import { localeOf } from '../actuals-access.ts';
import type { AppContext } from '../context.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import {
  EvaluationListQuery,
  EvaluationSummary,
  EvaluationView,
  EvaluatorAccount,
  FindingBody,
  NewEvaluationBody,
  NewEvaluatorBody,
  PlanBody,
  ResultBody,
} from '../evaluations-schemas.ts';
import { expectedVersion } from '../http.ts';
import { ErrorBody, IdParams, IfMatch, PageOf, User as UserSchema, VersionResult } from '../schemas.ts';
import { attachment } from './exports.ts';
import { uploadedFile } from './import.ts';
import { FileResponse } from './monitoring.ts';

const STATUS: Record<EvaluationErrorKind, number> = { notFound: 404, invalid: 422, stale: 409, state: 409 };

/** The store's refusals as API errors in the caller's language. */
async function refusals<T>(req: FastifyRequest, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (e instanceof RangeError && e.message === 'score')
      throw new ApiError(422, 'invalid_evaluation', () => messagesFor(localeOf(req)).evaluations.store.score, { field: 'score' });
    if (!(e instanceof EvaluationError)) throw e;
    const text = e.describe(messagesFor(localeOf(req)).evaluations.store);
    throw new ApiError(STATUS[e.kind], e.code, () => text, e.details);
  }
}

/** What a report file is, from its first bytes and name: PDF or Word (.docx); anything else is refused. */
function reportType(bytes: Uint8Array, fileName: string): string | null {
  const head = Buffer.from(bytes.subarray(0, 5)).toString('latin1');
  if (head === '%PDF-') return 'application/pdf';
  if (head.startsWith('PK\u0003\u0004') && /\.docx$/i.test(fileName))
    return 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
  return null;
}

const denied = { 401: ErrorBody, 403: ErrorBody };
const readErrors = { ...denied, 404: ErrorBody };
const writeErrors = { ...denied, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 428: ErrorBody };
const Params = IdParams;
const FindingParams = Type.Object({ id: Type.Integer({ minimum: 1 }), findingId: Type.Integer({ minimum: 1 }) });

export async function evaluationsRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.store.db;

  function scopeOf(user: User): EvaluationScope {
    switch (user.role) {
      case 'admin':
        return { all: true };
      case 'reviewer':
        return { reviewerBureauId: user.bureauId };
      case 'evaluator':
        return { evaluatorId: user.id };
      case 'unit':
        return { unitId: user.unitId };
    }
  }

  /** The evaluation as the caller may see it, or 404. */
  async function visible(req: FastifyRequest, id: number, reader = db): Promise<{ user: User; evaluation: Evaluation }> {
    const user = requireUser(req);
    const evaluation = await readEvaluation(reader, id, scopeOf(user));
    if (!evaluation) throw notFound('evaluation', id);
    return { user, evaluation };
  }

  /** Accepting, returning, changing the plan: a reviewer over the evaluation's bureau. */
  async function assertBureau(req: FastifyRequest, id: number): Promise<User> {
    const { user, evaluation } = await visible(req, id);
    if (user.role !== 'reviewer' || !(await reviewerBureaus(ctx, user.bureauId)).has(evaluation.bureauId)) throw forbidden();
    return user;
  }

  /** Recording: the assigned evaluators; where none is assigned, the bureau's reviewers carry it out themselves. */
  async function assertRecorder(req: FastifyRequest, id: number): Promise<{ user: User; evaluation: Evaluation }> {
    const { user, evaluation } = await visible(req, id);
    const assigned = evaluation.evaluators.length > 0;
    if (user.role === 'evaluator' && assigned) return { user, evaluation };
    if (user.role === 'reviewer' && !assigned && (await reviewerBureaus(ctx, user.bureauId)).has(evaluation.bureauId))
      return { user, evaluation };
    throw forbidden();
  }

  const versioned = (reply: { header: (k: string, v: string) => unknown }, version: number) => {
    reply.header('etag', `"${version}"`);
    return { version };
  };

  app.get(
    '/api/evaluations',
    {
      schema: {
        tags: ['evaluations'],
        summary: '绩效评价列表（财政部门：本级及下级；第三方机构：委托给它的；单位：本单位项目已验收的）；按游标分页，新的在前',
        querystring: EvaluationListQuery,
        response: { 200: PageOf(EvaluationSummary), 400: ErrorBody, ...denied },
      },
    },
    async (req) => {
      const { year, state, limit, cursor } = req.query;
      return listEvaluations(ctx.reader(req), scopeOf(requireUser(req)), { year, state }, { limit, cursor });
    },
  );

  app.post(
    '/api/evaluations',
    {
      schema: {
        tags: ['evaluations'],
        summary: '布置一项绩效评价（财政部门审核人员）：评价对象为项目或政策，可委托第三方机构账号',
        body: NewEvaluationBody,
        response: { 201: EvaluationView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const user = requireRole(req, 'reviewer');
      if (user.role !== 'reviewer') throw forbidden();
      const bureauId = req.body.bureauId ?? user.bureauId;
      if (!(await reviewerBureaus(ctx, user.bureauId)).has(bureauId)) throw forbidden();
      const id = await refusals(req, () =>
        createEvaluation(db, actorOf(user), { ...req.body, bureauId, evaluatorIds: req.body.evaluatorIds ?? [] }),
      );
      return reply.status(201).send((await readEvaluation(db, id, { all: true }))!);
    },
  );

  app.get(
    '/api/evaluations/evaluators',
    {
      schema: {
        tags: ['evaluations'],
        summary: '可委托的第三方机构账号（本级或上级财政部门建立的）；按用户名、游标分页',
        querystring: Type.Object({
          q: Type.Optional(Type.String({ maxLength: 100 })),
          limit: EvaluationListQuery.properties.limit,
          cursor: EvaluationListQuery.properties.cursor,
        }),
        response: { 200: PageOf(EvaluatorAccount), 400: ErrorBody, ...denied },
      },
    },
    async (req) => {
      const user = requireRole(req, 'reviewer', 'admin');
      const scope = user.role === 'reviewer' ? { forBureauId: user.bureauId } : ({ all: true } as const);
      return listEvaluators(
        ctx.reader(req),
        scope,
        { q: req.query.q?.trim() || undefined },
        { limit: req.query.limit, cursor: req.query.cursor },
      );
    },
  );

  app.post(
    '/api/evaluations/evaluators',
    {
      schema: {
        tags: ['evaluations'],
        summary: '为本级财政部门建立第三方机构账号（审核人员）；一次性密码只返回这一次',
        body: NewEvaluatorBody,
        response: { 201: Type.Object({ user: UserSchema, password: Type.String() }), ...denied, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      const user = requireRole(req, 'reviewer');
      if (user.role !== 'reviewer') throw forbidden();
      const password = generatePassword();
      const created = await createUser(db, actorOf(user), {
        ...req.body,
        role: 'evaluator',
        bureauId: user.bureauId,
        password,
        oneTimePassword: true,
      });
      return reply.status(201).send({ user: created, password });
    },
  );

  app.get(
    '/api/evaluations/:id',
    {
      schema: {
        tags: ['evaluations'],
        summary: '一项绩效评价：得分、等级、结论、发现的问题（各有固定编号）、委托的机构与评价报告的信息',
        params: Params,
        response: { 200: EvaluationView, ...readErrors },
      },
    },
    async (req, reply) => {
      const { evaluation } = await visible(req, req.params.id, ctx.reader(req));
      reply.header('etag', `"${evaluation.version}"`);
      return evaluation;
    },
  );

  app.put(
    '/api/evaluations/:id',
    {
      schema: {
        tags: ['evaluations'],
        summary: '修改评价安排：名称、评价主体、委托的第三方机构账号（财政部门，提交前；If-Match 为评价版本）',
        params: Params,
        headers: IfMatch,
        body: PlanBody,
        response: { 200: VersionResult, ...writeErrors },
      },
    },
    async (req, reply) => {
      const user = await assertBureau(req, req.params.id);
      return versioned(reply, await refusals(req, () => updatePlan(db, actorOf(user), req.params.id, expectedVersion(req), req.body)));
    },
  );

  app.put(
    '/api/evaluations/:id/result',
    {
      schema: {
        tags: ['evaluations'],
        summary: '录入评价得分（百分制，等级按优良中差的分档得出）和评价结论（评价方，提交前）',
        params: Params,
        headers: IfMatch,
        body: ResultBody,
        response: { 200: VersionResult, ...writeErrors },
      },
    },
    async (req, reply) => {
      const { user, evaluation } = await assertRecorder(req, req.params.id);
      const settings = (await effectiveSettings(db, evaluation.bureauId)).evaluation.settings;
      return versioned(
        reply,
        await refusals(req, () => recordResult(db, actorOf(user), req.params.id, expectedVersion(req), req.body, settings)),
      );
    },
  );

  app.post(
    '/api/evaluations/:id/findings',
    {
      schema: {
        tags: ['evaluations'],
        summary: '添加一条评价发现的问题（评价方，提交前）；返回评价的新版本和问题的编号',
        params: Params,
        headers: IfMatch,
        body: FindingBody,
        response: { 201: Type.Object({ version: Type.Integer(), findingId: Type.Integer() }), ...writeErrors },
      },
    },
    async (req, reply) => {
      const { user } = await assertRecorder(req, req.params.id);
      const r = await refusals(req, () => addFinding(db, actorOf(user), req.params.id, expectedVersion(req), req.body));
      reply.header('etag', `"${r.version}"`);
      return reply.status(201).send(r);
    },
  );

  app.put(
    '/api/evaluations/:id/findings/:findingId',
    {
      schema: {
        tags: ['evaluations'],
        summary: '修改一条评价发现的问题，编号不变（评价方，提交前）',
        params: FindingParams,
        headers: IfMatch,
        body: FindingBody,
        response: { 200: VersionResult, ...writeErrors },
      },
    },
    async (req, reply) => {
      const { user } = await assertRecorder(req, req.params.id);
      return versioned(
        reply,
        await refusals(req, () => editFinding(db, actorOf(user), req.params.id, expectedVersion(req), req.params.findingId, req.body)),
      );
    },
  );

  app.delete(
    '/api/evaluations/:id/findings/:findingId',
    {
      schema: {
        tags: ['evaluations'],
        summary: '删除一条评价发现的问题（评价方，提交前；验收后的问题永久保留）',
        params: FindingParams,
        headers: IfMatch,
        response: { 200: VersionResult, ...writeErrors },
      },
    },
    async (req, reply) => {
      const { user } = await assertRecorder(req, req.params.id);
      return versioned(
        reply,
        await refusals(req, () => deleteFinding(db, actorOf(user), req.params.id, expectedVersion(req), req.params.findingId)),
      );
    },
  );

  app.put(
    '/api/evaluations/:id/report',
    {
      schema: {
        tags: ['evaluations'],
        summary: '上传评价报告（PDF 或 Word .docx，最大 20 MB；multipart 或原始字节加 ?fileName=；评价方，提交前）',
        params: Params,
        headers: IfMatch,
        response: { 200: VersionResult, ...writeErrors, 413: ErrorBody },
      },
    },
    async (req, reply) => {
      const { user } = await assertRecorder(req, req.params.id);
      const expected = expectedVersion(req);
      const { bytes, fileName } = await uploadedFile(req);
      const m = messagesFor(localeOf(req)).evaluations.store;
      if (bytes.byteLength > MAX_EVALUATION_REPORT_BYTES)
        throw new ApiError(413, 'too_large', () => m.reportTooLarge(MAX_EVALUATION_REPORT_BYTES / 1048576), { field: 'report' });
      const contentType = reportType(bytes, fileName);
      if (!contentType) throw new ApiError(422, 'invalid_evaluation', () => m.reportType, { field: 'report' });
      return versioned(
        reply,
        await refusals(req, () => saveReport(db, actorOf(user), req.params.id, expected, { fileName, contentType, bytes })),
      );
    },
  );

  app.get(
    '/api/evaluations/:id/report',
    {
      schema: {
        tags: ['evaluations', 'export'],
        summary: '下载评价报告（原文件，PDF 或 Word）',
        params: Params,
        response: { 200: FileResponse, ...readErrors },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const file = await readReport(ctx.reader(req), req.params.id, scopeOf(user));
      if (!file) throw notFound('evaluationReport', req.params.id);
      return reply
        .type(file.contentType)
        .header(
          'content-disposition',
          attachment(file.fileName, `evaluation-${req.params.id}${file.contentType === 'application/pdf' ? '.pdf' : '.docx'}`),
        )
        .send(file.bytes);
    },
  );

  for (const [path, summary, who, run] of [
    ['submit', '提交评价结果，等待财政部门验收（评价方；须已录入得分）', 'recorder', submitEvaluation],
    ['accept', '验收评价结果（财政部门）；验收后评价及其问题不再改动，单位可见', 'bureau', acceptEvaluation],
  ] as const)
    app.post(
      `/api/evaluations/:id/${path}`,
      {
        schema: { tags: ['evaluations'], summary, params: Params, headers: IfMatch, response: { 200: VersionResult, ...writeErrors } },
      },
      async (req, reply) => {
        const user = who === 'recorder' ? (await assertRecorder(req, req.params.id)).user : await assertBureau(req, req.params.id);
        return versioned(reply, await refusals(req, () => run(db, actorOf(user), req.params.id, expectedVersion(req))));
      },
    );

  app.post(
    '/api/evaluations/:id/return',
    {
      schema: {
        tags: ['evaluations'],
        summary: '退回评价结果并写明意见（财政部门）；评价方修改后再提交',
        params: Params,
        headers: IfMatch,
        body: Type.Object({ comment: Type.String({ maxLength: 2000 }) }),
        response: { 200: VersionResult, ...writeErrors },
      },
    },
    async (req, reply) => {
      const user = await assertBureau(req, req.params.id);
      return versioned(
        reply,
        await refusals(req, () => returnEvaluation(db, actorOf(user), req.params.id, expectedVersion(req), req.body.comment)),
      );
    },
  );
}
