/**
 * 自评任务, 自评审核 and 抽评 over HTTP (docs/self-evaluation-tasks.md). A reviewer assigns the
 * year's self-evaluation to the units under their bureau and tracks it; the unit's staff see their
 * assignments and reminders, start and submit; a reviewer over the unit accepts or returns it; a
 * reviewer over the task's bureau draws the 抽评 sample and records the re-checks. Admins read the
 * tasks but neither assign nor review. Every write names the version it is based on (If-Match).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { isLate, reminderOf, daysLeft } from '../../core/evaluation-tasks/state.ts';
import { messagesFor } from '../../i18n/index.ts';
import type { User } from '../../store/accounts.ts';
import { TaskError } from '../../store/evaluation-tasks/errors.ts';
import { reviewAssignment, startAssignment, submitAssignment } from '../../store/evaluation-tasks/review.ts';
import { drawTaskSample, listRechecks, readRecheck, readSample, saveRecheck } from '../../store/evaluation-tasks/samples.ts';
import {
  createTask,
  listAssignments,
  listTasks,
  openUnitAssignments,
  readAssignment,
  taskCounts,
  taskOr404,
  unitAssignments,
  type Assignment as StoredAssignment,
  type Task as StoredTask,
} from '../../store/evaluation-tasks/tasks.ts';
import { unit } from '../../store/organisation.ts';
import { actorOf, requireRole, requireUser, reviewerBureaus } from '../access.ts';
import { localeOf, refusals, today } from '../actuals-access.ts';
import type { AppContext } from '../context.ts';
import {
  Assignment,
  AssignmentState,
  DrawRequest,
  NewTask,
  Recheck,
  RecheckInput,
  Reminders,
  ReviewDecision,
  Sample,
  Task,
  TaskDetail,
  UnitAssignment,
} from '../evaluation-task-schemas.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import { expectedVersion } from '../http.ts';
import { CursorPage, ErrorBody, IdParams, PageOf } from '../schemas.ts';

const denied = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };
const writeAnswers = { ...denied, 409: ErrorBody, 422: ErrorBody, 428: ErrorBody };
const VersionOf = Type.Object({ 'if-match': Type.String({ description: '所据的版本，如 "1"；版本过期为 409' }) });

/** Runs a store write, turning its refusals (TaskError, and the stale versions ActualsError carries) into the API's answers. */
async function taskRefusals<T>(req: FastifyRequest, run: () => Promise<T>): Promise<T> {
  try {
    return await refusals(req, run);
  } catch (e) {
    if (!(e instanceof TaskError)) throw e;
    const text = e.describe(messagesFor(localeOf(req)).evaluationTasks);
    throw new ApiError(e.status, e.code, () => text, e.details);
  }
}

export async function evaluationTaskRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.store.db;

  /** Reading a task: admins, and reviewers over the bureau that assigned it. */
  async function taskReader(req: FastifyRequest, id: number, source = db): Promise<{ user: User; task: StoredTask }> {
    const user = requireUser(req);
    const task = await taskOr404(source, id);
    if (user.role === 'admin') return { user, task };
    if (user.role === 'reviewer' && (await reviewerBureaus(ctx, user.bureauId)).has(task.bureauId)) return { user, task };
    throw forbidden();
  }

  /** Drawing and re-checking: a reviewer over the bureau that assigned the task. */
  async function taskReviewer(req: FastifyRequest, id: number): Promise<{ user: User; task: StoredTask }> {
    const found = await taskReader(req, id);
    if (found.user.role !== 'reviewer') throw forbidden();
    return found;
  }

  async function assignmentOr404(id: number, source = db): Promise<StoredAssignment> {
    const a = await readAssignment(source, id);
    if (!a) throw notFound('evaluationAssignment', id);
    return a;
  }

  const withLate = <A extends StoredAssignment>(a: A, deadline: string, day: string) => ({ ...a, late: isLate(a.state, deadline, day) });

  app.post(
    '/api/evaluation-tasks',
    {
      schema: {
        tags: ['evaluation-tasks'],
        summary: '布置自评任务（审核人员）：年度、任务名称、截止日期和范围（全部单位、某一下级财政部门的单位或指定项目）',
        body: NewTask,
        response: { 201: Task, 401: ErrorBody, 403: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      const user = requireRole(req, 'reviewer');
      const task = await taskRefusals(req, () => createTask(db, actorOf(user), user.bureauId!, req.body));
      return reply.status(201).send(task);
    },
  );

  app.get(
    '/api/evaluation-tasks',
    {
      schema: {
        tags: ['evaluation-tasks'],
        summary: '自评任务列表（审核人员：本级及下级布置的任务；管理员：全部），新任务在前，按游标分页',
        querystring: CursorPage,
        response: { 200: PageOf(Task), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      const user = requireRole(req, 'reviewer', 'admin');
      const bureaus = user.role === 'admin' ? null : [...(await reviewerBureaus(ctx, user.bureauId!))];
      return listTasks(ctx.reader(req), bureaus, req.query);
    },
  );

  app.get(
    '/api/evaluation-tasks/:id',
    {
      schema: {
        tags: ['evaluation-tasks'],
        summary: '自评任务的进度：各状态（未开始、填报中、已提交、已退回、已通过）和逾期的单位数，以及抽评样本',
        params: IdParams,
        response: { 200: TaskDetail, ...denied },
      },
    },
    async (req) => {
      const source = ctx.reader(req);
      const { task } = await taskReader(req, req.params.id, source);
      const [counts, sample] = await Promise.all([taskCounts(source, task, today()), readSample(source, task.id)]);
      return { task, counts, sample };
    },
  );

  app.get(
    '/api/evaluation-tasks/:id/assignments',
    {
      schema: {
        tags: ['evaluation-tasks'],
        summary: '自评任务布置到的单位及其状态，按单位编码排列、按游标分页；可只看某一状态或逾期的单位',
        params: IdParams,
        querystring: Type.Object({
          ...CursorPage.properties,
          state: Type.Optional(AssignmentState),
          late: Type.Optional(Type.Boolean({ description: 'true：只看截止日期已过仍未提交的单位' })),
        }),
        response: { 200: PageOf(Assignment), 400: ErrorBody, ...denied },
      },
    },
    async (req) => {
      const source = ctx.reader(req);
      const { task } = await taskReader(req, req.params.id, source);
      const day = today();
      const { state, late, ...page } = req.query;
      const listed = await listAssignments(source, task, { ...(state ? { state } : {}), ...(late ? { late } : {}) }, day, page);
      return { ...listed, items: listed.items.map((a) => withLate(a, task.deadline, day)) };
    },
  );

  app.post(
    '/api/evaluation-tasks/:id/sample',
    {
      schema: {
        tags: ['evaluation-tasks'],
        summary: '抽评：从已通过的自评中按数量或比例随机抽取样本（记录随机种子，可复现；每个任务抽取一次；If-Match 为任务版本）',
        params: IdParams,
        headers: VersionOf,
        body: DrawRequest,
        response: { 201: Sample, ...writeAnswers },
      },
    },
    async (req, reply) => {
      const { user } = await taskReviewer(req, req.params.id);
      const sample = await taskRefusals(req, () =>
        drawTaskSample(db, actorOf(user), req.params.id, expectedVersion(req), req.body.size, req.body.seed),
      );
      return reply.status(201).send(sample);
    },
  );

  app.get(
    '/api/evaluation-tasks/:id/sample/rechecks',
    {
      schema: {
        tags: ['evaluation-tasks'],
        summary: '抽评样本：抽中的自评按抽取顺序排列，单位自评得分与复核得分、复核发现并列，按游标分页',
        params: IdParams,
        querystring: CursorPage,
        response: { 200: PageOf(Recheck), 400: ErrorBody, ...denied },
      },
    },
    async (req) => {
      const source = ctx.reader(req);
      const { task } = await taskReader(req, req.params.id, source);
      return listRechecks(source, task.id, req.query);
    },
  );

  app.put(
    '/api/evaluation-rechecks/:id',
    {
      schema: {
        tags: ['evaluation-tasks'],
        summary: '记录抽评复核：复核得分（等级按本级等级分数线）和复核发现（审核人员；If-Match 为复核的版本）',
        params: IdParams,
        headers: VersionOf,
        body: RecheckInput,
        response: { 200: Recheck, ...writeAnswers },
      },
    },
    async (req) => {
      const found = await readRecheck(db, req.params.id);
      if (!found) throw notFound('evaluationRecheck', req.params.id);
      const { user } = await taskReviewer(req, found.taskId);
      return taskRefusals(req, () => saveRecheck(db, actorOf(user), req.params.id, expectedVersion(req), req.body));
    },
  );

  app.get(
    '/api/evaluation-assignments',
    {
      schema: {
        tags: ['evaluation-tasks'],
        summary: '本单位的自评任务（单位用户），新任务在前，按游标分页',
        querystring: CursorPage,
        response: { 200: PageOf(UnitAssignment), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req) => {
      const user = requireRole(req, 'unit');
      const day = today();
      const listed = await unitAssignments(ctx.reader(req), user.unitId!, req.query);
      return { ...listed, items: listed.items.map((a) => withLate(a, a.deadline, day)) };
    },
  );

  /** The unit's own assignment, for its start and submit. */
  async function ownAssignment(req: FastifyRequest, id: number): Promise<User> {
    const user = requireUser(req);
    const a = await assignmentOr404(id);
    if (user.role !== 'unit' || user.unitId !== a.unitId) throw forbidden();
    return user;
  }

  const withTask = async (a: StoredAssignment) => withLate(a, (await taskOr404(db, a.taskId)).deadline, today());

  for (const [action, summary] of [
    ['start', '开始自评（单位用户；If-Match 为分配的版本）：状态由未开始变为填报中'],
    [
      'submit',
      '提交自评（单位用户；If-Match 为分配的版本）：文件须已批复，自评没有错误（否则 422 evaluation_errors 附发现），记录提交时的得分和等级',
    ],
  ] as const)
    app.post(
      `/api/evaluation-assignments/:id/${action}`,
      {
        schema: {
          tags: ['evaluation-tasks'],
          summary,
          params: IdParams,
          headers: VersionOf,
          response: { 200: Assignment, ...writeAnswers },
        },
      },
      async (req) => {
        const user = await ownAssignment(req, req.params.id);
        const write = action === 'start' ? startAssignment : submitAssignment;
        return withTask(await taskRefusals(req, () => write(db, actorOf(user), req.params.id, expectedVersion(req))));
      },
    );

  app.post(
    '/api/evaluation-assignments/:id/review',
    {
      schema: {
        tags: ['evaluation-tasks'],
        summary: '审核已提交的自评（单位所属财政部门及上级的审核人员）：通过，或退回并填写意见；If-Match 为分配的版本',
        params: IdParams,
        headers: VersionOf,
        body: ReviewDecision,
        response: { 200: Assignment, ...writeAnswers },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const a = await assignmentOr404(req.params.id);
      const owner = await unit(db, a.unitId);
      if (user.role !== 'reviewer' || !owner || !(await reviewerBureaus(ctx, user.bureauId)).has(owner.bureauId)) throw forbidden();
      const { decision, comment = '' } = req.body;
      return withTask(
        await taskRefusals(req, () => reviewAssignment(db, actorOf(user), req.params.id, expectedVersion(req), decision, comment)),
      );
    },
  );

  app.get(
    '/api/evaluation-reminders',
    {
      schema: {
        tags: ['evaluation-tasks'],
        summary: '站内提醒（单位用户）：自评任务截止前 7 天、前 1 天和当天、逾期，以及被退回的自评；按截止日期计算，不发送邮件',
        response: { 200: Reminders, 401: ErrorBody },
      },
    },
    async (req) => {
      const user = requireUser(req);
      if (user.role !== 'unit') return { items: [], count: 0 };
      const day = today();
      const m = messagesFor(localeOf(req)).evaluationTasks.reminders;
      const items = (await openUnitAssignments(ctx.reader(req), user.unitId!)).flatMap((a) => {
        const kind = reminderOf(a.state, a.deadline, day);
        if (kind === null) return [];
        const left = daysLeft(a.deadline, day);
        return [
          {
            assignmentId: a.id,
            taskId: a.taskId,
            title: a.title,
            deadline: a.deadline,
            kind,
            daysLeft: left,
            message: m[kind](a.title, a.deadline, left),
          },
        ];
      });
      return { items, count: items.length };
    },
  );
}
