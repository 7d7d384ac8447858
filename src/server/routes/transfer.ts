/**
 * 转移支付区域绩效目标 (docs/transfer-payments.md): the upper bureau's reviewers set a fund's regional
 * targets and issue them to lower bureaus with the money (设定 → 下达); the receiving bureau's
 * reviewers accept and break them down to projects of their units; both read the roll-up and the
 * 区域绩效目标表. Acting on a fund or an allocation is for the reviewers of that very bureau (who
 * answers for it); reading is also for the reviewers above it and admins. Units read which funds their
 * projects spend. Every write carries If-Match (a stale one is 409) and is audited.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { rollUp } from '../../core/transfer/rollup.ts';
import { transferForms } from '../../formats/transfer/forms.ts';
import { formsDocument } from '../../formats/report-grid/docx.ts';
import { formsWorkbook } from '../../formats/report-grid/xlsx.ts';
import { messagesFor } from '../../i18n/index.ts';
import type { User } from '../../store/accounts.ts';
import { projectDocument } from '../../store/documents/read.ts';
import {
  acceptAllocation,
  addBreakdown,
  allocationOwner,
  breakdownAllocation,
  candidateProjects,
  deleteBreakdown,
  projectTransfers,
  readBreakdowns,
  updateBreakdown,
  type AllocationOwner,
} from '../../store/transfer/breakdowns.ts';
import { TransferError, type TransferErrorKind } from '../../store/transfer/errors.ts';
import { createFund, issueFund, listFunds, readFund, updateFund, type Fund } from '../../store/transfer/funds.ts';
import { rollupInput } from '../../store/transfer/rollup.ts';
import type { Db } from '../../store/schema.ts';
import { actorOf, assertInsider, requireRole, requireUser, reviewerBureaus } from '../access.ts';
import { localeOf } from '../actuals-access.ts';
import type { AppContext } from '../context.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import { expectedVersion, metaOr404 } from '../http.ts';
import { ErrorBody, IdParams, IfMatch, PageOf, VersionResult } from '../schemas.ts';
import {
  BreakdownContent,
  BreakdownCreate,
  BreakdownCreated,
  CandidateProject,
  CandidateQuery,
  FundListQuery,
  FundRollup,
  FundSummary,
  FundUpdate,
  FundView,
  ProjectTransfer,
} from '../transfer-schemas.ts';
import { FundContent } from '../../core/transfer/fund.ts';
import { attachment, sendBytes } from './exports.ts';
import { FileResponse } from './monitoring.ts';

const STATUS: Record<TransferErrorKind, number> = { notFound: 404, invalid: 422, conflict: 409, stale: 409, state: 409 };

/** The store's refusals as API errors in the caller's language. */
async function refusals<T>(req: FastifyRequest, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof TransferError)) throw e;
    const text = e.describe(messagesFor(localeOf(req)).transfer.store);
    throw new ApiError(STATUS[e.kind], e.code, () => text, e.details);
  }
}

const denied = { 401: ErrorBody, 403: ErrorBody };
const readErrors = { ...denied, 404: ErrorBody };
const writeErrors = { ...denied, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 428: ErrorBody };

/** What a caller sees of a fund: as its setter (all regions), as a receiver (its regions), or as an admin or a reviewer above. */
interface Sight {
  role: 'setter' | 'receiver' | 'reader';
  allocations: Fund['allocations'];
}

export async function transferRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.store.db;

  async function fundOr404(id: number, from: Db = db): Promise<Fund> {
    const fund = await readFund(from, id);
    if (!fund) throw notFound('transferFund', id);
    return fund;
  }

  async function sightOf(user: User, fund: Fund): Promise<Sight> {
    if (user.role === 'admin') return { role: 'reader', allocations: fund.allocations };
    if (user.role !== 'reviewer') throw forbidden();
    const mine = await reviewerBureaus(ctx, user.bureauId);
    if (fund.bureau.id === user.bureauId) return { role: 'setter', allocations: fund.allocations };
    if (mine.has(fund.bureau.id)) return { role: 'reader', allocations: fund.allocations };
    const received = fund.state === 'issued' ? fund.allocations.filter((a) => mine.has(a.bureau.id)) : [];
    if (received.length === 0) throw forbidden();
    return { role: received.some((a) => a.bureau.id === user.bureauId) ? 'receiver' : 'reader', allocations: received };
  }

  async function readable(req: FastifyRequest, id: number) {
    const user = requireUser(req);
    const from = ctx.reader(req);
    const fund = await fundOr404(id, from);
    return { fund, sight: await sightOf(user, fund), from };
  }

  /** The setting bureau's reviewer, before anything about the fund is told. */
  async function assertSetter(req: FastifyRequest, id: number): Promise<User> {
    const user = requireUser(req);
    const fund = await readFund(db, id);
    if (!fund) throw notFound('transferFund', id);
    if (user.role !== 'reviewer' || user.bureauId !== fund.bureau.id) throw forbidden();
    return user;
  }

  async function allocationOr404(id: number, from: Db = db): Promise<AllocationOwner> {
    const a = await allocationOwner(from, id);
    if (!a) throw notFound('transferAllocation', id);
    return a;
  }

  /** The receiving bureau's reviewer, once the fund is issued (a draft's allocations are the setter's). */
  async function assertReceiver(req: FastifyRequest, allocationId: number): Promise<{ user: User; allocation: AllocationOwner }> {
    const user = requireUser(req);
    const allocation = await allocationOr404(allocationId);
    if (user.role !== 'reviewer' || user.bureauId !== allocation.bureauId || allocation.fundState !== 'issued') throw forbidden();
    return { user, allocation };
  }

  const view = async (fund: Fund, sight: Sight, from: Db) => {
    const breakdowns = await readBreakdowns(
      from,
      sight.allocations.map((a) => a.id),
    );
    return {
      ...fund,
      role: sight.role,
      allocations: sight.allocations.map((a) => ({ ...a, breakdowns: breakdowns.filter((b) => b.allocationId === a.id) })),
    };
  };

  app.get(
    '/api/transfer-funds',
    {
      schema: {
        tags: ['transfer'],
        summary: '转移支付专项列表：本部门（及下级）设定的，和已下达给本部门（及下级）的；按游标分页，新年度在前',
        querystring: FundListQuery,
        response: { 200: PageOf(FundSummary), 400: ErrorBody, ...denied },
      },
    },
    async (req) => {
      const user = requireRole(req, 'reviewer', 'admin');
      const scope = user.role === 'reviewer' ? { bureauId: user.bureauId } : ({ all: true } as const);
      const { limit, cursor, year } = req.query;
      return listFunds(ctx.reader(req), scope, { year }, { limit, cursor });
    },
  );

  app.post(
    '/api/transfer-funds',
    {
      schema: {
        tags: ['transfer'],
        summary: '设定转移支付专项的区域绩效目标（财政审核人员，为本部门新建草稿）',
        body: FundContent,
        response: { 201: FundView, ...writeErrors },
      },
    },
    async (req, reply) => {
      const user = requireRole(req, 'reviewer');
      if (user.role !== 'reviewer') throw forbidden();
      const bureauId = user.bureauId;
      const { id } = await refusals(req, () => createFund(db, actorOf(user), bureauId, req.body));
      const fund = await fundOr404(id);
      reply.code(201).header('etag', `"${fund.version}"`);
      return view(fund, { role: 'setter', allocations: [] }, db);
    },
  );

  app.get(
    '/api/transfer-funds/:id',
    {
      schema: {
        tags: ['transfer'],
        summary: '转移支付专项：区域绩效目标、下达给各地区的金额和指标值、各地区分解到的项目',
        params: IdParams,
        response: { 200: FundView, ...readErrors },
      },
    },
    async (req, reply) => {
      const { fund, sight, from } = await readable(req, req.params.id);
      reply.header('etag', `"${fund.version}"`);
      return view(fund, sight, from);
    },
  );

  app.put(
    '/api/transfer-funds/:id',
    {
      schema: {
        tags: ['transfer'],
        summary: '修改草稿专项的区域绩效目标和下达方案（设定部门的审核人员；If-Match 为专项版本）',
        params: IdParams,
        headers: IfMatch,
        body: FundUpdate,
        response: { 200: VersionResult, ...writeErrors },
      },
    },
    async (req, reply) => {
      const user = await assertSetter(req, req.params.id);
      const version = await refusals(req, () =>
        updateFund(db, actorOf(user), req.params.id, expectedVersion(req), req.body.fund, req.body.allocations),
      );
      reply.header('etag', `"${version}"`);
      return { version };
    },
  );

  app.post(
    '/api/transfer-funds/:id/issue',
    {
      schema: {
        tags: ['transfer'],
        summary: '下达：把区域绩效目标随资金下达给各地区（设定部门的审核人员；If-Match 为专项版本）',
        params: IdParams,
        headers: IfMatch,
        response: { 200: VersionResult, ...writeErrors },
      },
    },
    async (req, reply) => {
      const user = await assertSetter(req, req.params.id);
      const version = await refusals(req, () => issueFund(db, actorOf(user), req.params.id, expectedVersion(req)));
      reply.header('etag', `"${version}"`);
      return { version };
    },
  );

  app.get(
    '/api/transfer-funds/:id/rollup',
    {
      schema: {
        tags: ['transfer'],
        summary: '转移支付专项汇总：下达的指标值对各地区、各地区对其项目（数量求和、比率取最弱处），未分解的标出',
        params: IdParams,
        response: { 200: FundRollup, ...readErrors },
      },
    },
    async (req) => {
      const { fund, sight, from } = await readable(req, req.params.id);
      return rollUp(await rollupInput(from, fund, sight.allocations));
    },
  );

  for (const format of ['xlsx', 'docx'] as const)
    app.get(
      `/api/transfer-funds/:id/table.${format}`,
      {
        schema: {
          tags: ['transfer', 'export'],
          summary:
            format === 'xlsx'
              ? '转移支付区域绩效目标表（Excel）：专项的、各地区下达的，及分解汇总表'
              : '转移支付区域绩效目标表（Word）：专项的、各地区下达的，及分解汇总表',
          params: IdParams,
          response: { 200: FileResponse, ...readErrors },
        },
      },
      async (req, reply) => {
        const { fund, sight, from } = await readable(req, req.params.id);
        const m = messagesFor(localeOf(req)).transfer;
        const sheet = { ...fund, issuerName: fund.bureau.name };
        const regions = sight.allocations.map((a) => ({ bureauName: a.bureau.name, amount: a.amount, targets: a.targets }));
        const forms = transferForms(m, sheet, regions, rollUp(await rollupInput(from, fund, sight.allocations)));
        const bytes = format === 'xlsx' ? await formsWorkbook(forms) : await formsDocument(forms, m.table.title);
        const type =
          format === 'xlsx'
            ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
            : 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
        return sendBytes(reply, bytes, type, attachment(`${m.table.title}-${fund.name}.${format}`, `transfer-${fund.id}.${format}`));
      },
    );

  app.post(
    '/api/transfer-allocations/:id/accept',
    {
      schema: {
        tags: ['transfer'],
        summary: '接收下达的区域绩效目标（接收地区的审核人员；If-Match 为下达记录的版本）',
        params: IdParams,
        headers: IfMatch,
        response: { 200: VersionResult, ...writeErrors },
      },
    },
    async (req, reply) => {
      const { user } = await assertReceiver(req, req.params.id);
      const version = await refusals(req, () => acceptAllocation(db, actorOf(user), req.params.id, expectedVersion(req)));
      reply.header('etag', `"${version}"`);
      return { version };
    },
  );

  app.get(
    '/api/transfer-allocations/:id/projects',
    {
      schema: {
        tags: ['transfer'],
        summary: '可分解到的项目：接收地区所属单位在专项年度的项目（按项目名称筛选；按游标分页）',
        params: IdParams,
        querystring: CandidateQuery,
        response: { 200: PageOf(CandidateProject), 400: ErrorBody, ...readErrors },
      },
    },
    async (req) => {
      const { allocation } = await assertReceiver(req, req.params.id);
      const { q, limit, cursor } = req.query;
      return candidateProjects(ctx.reader(req), allocation, q, { limit, cursor });
    },
  );

  app.post(
    '/api/transfer-allocations/:id/breakdowns',
    {
      schema: {
        tags: ['transfer'],
        summary: '分解到项目：金额和项目承接各绩效指标的指标行（接收地区的审核人员；If-Match 为下达记录的版本）',
        params: IdParams,
        headers: IfMatch,
        body: BreakdownCreate,
        response: { 201: BreakdownCreated, ...writeErrors },
      },
    },
    async (req, reply) => {
      const { user } = await assertReceiver(req, req.params.id);
      const { projectId, ...content } = req.body;
      const created = await refusals(req, () => addBreakdown(db, actorOf(user), req.params.id, expectedVersion(req), projectId, content));
      reply.code(201).header('etag', `"${created.version}"`);
      return created;
    },
  );

  async function breakdownReceiver(req: FastifyRequest, id: number) {
    requireUser(req);
    const allocationId = await breakdownAllocation(db, id);
    if (allocationId === undefined) throw notFound('transferBreakdown', id);
    return assertReceiver(req, allocationId);
  }

  app.put(
    '/api/transfer-breakdowns/:id',
    {
      schema: {
        tags: ['transfer'],
        summary: '修改分解到项目的金额和指标对应（接收地区的审核人员；If-Match 为分解记录的版本）',
        params: IdParams,
        headers: IfMatch,
        body: BreakdownContent,
        response: { 200: VersionResult, ...writeErrors },
      },
    },
    async (req, reply) => {
      const { user } = await breakdownReceiver(req, req.params.id);
      const version = await refusals(req, () => updateBreakdown(db, actorOf(user), req.params.id, expectedVersion(req), req.body));
      reply.header('etag', `"${version}"`);
      return { version };
    },
  );

  app.delete(
    '/api/transfer-breakdowns/:id',
    {
      schema: {
        tags: ['transfer'],
        summary: '删除一项分解（接收地区的审核人员；If-Match 为分解记录的版本）',
        params: IdParams,
        headers: IfMatch,
        response: { 204: Type.Null(), ...writeErrors },
      },
    },
    async (req, reply) => {
      const { user } = await breakdownReceiver(req, req.params.id);
      await refusals(req, () => deleteBreakdown(db, actorOf(user), req.params.id, expectedVersion(req)));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/projects/:id/transfers',
    {
      schema: {
        tags: ['transfer'],
        summary: '项目使用的转移支付资金：分解到本项目的专项、金额和下达部门',
        params: IdParams,
        response: { 200: Type.Array(ProjectTransfer), ...readErrors },
      },
    },
    async (req) => {
      const from = ctx.reader(req);
      const documentId = await projectDocument(from, req.params.id);
      if (documentId === undefined) throw notFound('project', req.params.id);
      await assertInsider(ctx, req, await metaOr404(ctx, documentId, from));
      return projectTransfers(from, req.params.id);
    },
  );
}
