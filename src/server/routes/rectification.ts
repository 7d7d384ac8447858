/**
 * 整改 and 结果应用 over HTTP (docs/rectification-and-results.md).
 *
 * Rectification items: a reviewer over a document's unit opens one from a finding; the unit's staff
 * answer it (response, evidence files); the reviewer closes or reopens it. The unit, the reviewers
 * over it and admins read its items; lists page by cursor within the caller's scope. Every write
 * takes If-Match (the item's version; stale: 409) and is audited.
 *
 * Results applied: a bureau's projects of a year with their results, next year's request and the
 * recommended action (the bureau's `resultActions`), paged, and as XLSX.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { RectificationState, type RectificationStep } from '../../core/rectification/item.ts';
import { DEFAULT_RESULT_ACTIONS } from '../../core/results/actions.ts';
import { writeResultsXlsx, type ResultsReportRow } from '../../formats/results-report/write.ts';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from '../../formats/limits.ts';
import { messages, messagesFor } from '../../i18n/index.ts';
import type { User } from '../../store/accounts.ts';
import { MAX_PAGE } from '../../store/keyset.ts';
import { bureau } from '../../store/organisation.ts';
import { RectificationError } from '../../store/rectification/errors.ts';
import {
  addEvidence,
  evidenceFiles,
  listRectifications,
  openRectification,
  overdueCount,
  readEvidence,
  readRectification,
  stepRectification,
  type Rectification as StoredItem,
  type RectificationScope,
} from '../../store/rectification/items.ts';
import { carriedFromLastYear } from '../../store/results/carried.ts';
import { resultsReport } from '../../store/results/report.ts';
import { effectiveSettings } from '../../store/settings.ts';
import { actorOf, assertInsider, assertReviewer, editsContent, requireUser, reviewerBureaus } from '../access.ts';
import { localeOf, today } from '../actuals-access.ts';
import type { AppContext } from '../context.ts';
import { ApiError, forbidden, notFound } from '../errors.ts';
import { expectedVersion, metaOr404 } from '../http.ts';
import { CursorPage, ErrorBody, IdParams, IfMatch, PageOf } from '../schemas.ts';
import {
  Carried,
  DateText,
  EvidenceFile,
  Item,
  ItemWithFiles,
  NewItem,
  ResultRow,
  ResultsQuery,
  StepBody,
} from '../rectification-schemas.ts';
import { attachment } from './exports.ts';
import { FileResponse } from './monitoring.ts';
import { uploadedFile } from './import.ts';

const writeResponses = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 428: ErrorBody };
const readResponses = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

const iso = (d: Date | null) => d?.toISOString() ?? null;
const shown = (item: StoredItem, on: string) => ({
  ...item,
  overdue: (item.state === 'open' || item.state === 'reopened') && item.deadline < on,
  respondedAt: iso(item.respondedAt),
  closedAt: iso(item.closedAt),
  createdAt: item.createdAt.toISOString(),
});

/** The store's refusal as the API's answer, in the caller's language. */
async function refused<T>(req: FastifyRequest, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof RectificationError)) throw e;
    const m = messagesFor(localeOf(req)).rectification;
    const r = e.refusal;
    const MB = 1024 * 1024;
    switch (r.code) {
      case 'stale_version':
        throw new ApiError(409, r.code, () => m.errors.staleVersion(r.current, r.expected), { currentVersion: r.current });
      case 'invalid_step':
        throw new ApiError(409, r.code, () => m.errors.invalidStep(m.states[r.state as keyof typeof m.states], m.errors.steps[r.step]!), {
          state: r.state,
        });
      case 'unknown_project':
        throw new ApiError(422, r.code, () => m.errors.unknownProject(r.projectCode), { field: 'projectCode' });
      case 'unknown_finding':
        throw new ApiError(422, r.code, () => m.errors.unknownFinding(r.evaluationId, r.findingId), { field: 'source.findingId' });
      case 'bad_deadline':
        throw new ApiError(422, r.code, () => m.errors.badDeadline(r.deadline), { field: 'deadline' });
      case 'too_many_files':
        throw new ApiError(422, r.code, () => m.errors.tooManyFiles(r.limit), { field: 'file' });
      case 'file_too_large':
        throw new ApiError(413, r.code, () => m.errors.fileTooLarge(r.limitBytes / MB), { field: 'file' });
      case 'empty_file':
        throw new ApiError(422, r.code, () => m.errors.emptyFile, { field: 'file' });
    }
  }
}

export async function rectificationRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.store.db;

  /** The item and its document's meta, or 404. */
  async function itemOr404(id: number, reader = db) {
    const item = await readRectification(reader, id);
    if (!item) throw notFound('rectification', id);
    return { item, meta: await metaOr404(ctx, item.documentId, reader) };
  }

  const scopeOf = (user: User): RectificationScope =>
    user.role === 'admin' ? { all: true } : user.role === 'unit' ? { unitId: user.unitId } : { bureauId: user.bureauId };

  /** The bureau a results request is about: a reviewer's own by default, never one outside theirs; an admin names it. */
  async function resultsBureau(user: User, given: number | undefined): Promise<number> {
    if (user.role === 'unit') throw forbidden();
    const bureauId = given ?? (user.role === 'reviewer' ? user.bureauId : undefined);
    if (bureauId === undefined) throw new ApiError(422, 'bureau_required', (m) => m.validation('bureauId'), { field: 'bureauId' });
    if (user.role === 'reviewer' && !(await reviewerBureaus(ctx, user.bureauId)).has(bureauId)) throw forbidden();
    return bureauId;
  }

  app.post(
    '/api/rectifications',
    {
      schema: {
        tags: ['rectification'],
        summary: '由审核意见、自评检查或评价发现下达整改事项（单位所属财政部门的审核员）',
        body: NewItem,
        response: { 201: Item, ...writeResponses },
      },
    },
    async (req, reply) => {
      const meta = await metaOr404(ctx, req.body.documentId);
      const user = await assertReviewer(ctx, req, meta);
      const item = await refused(req, () => openRectification(db, actorOf(user), req.body));
      return reply.status(201).send(shown(item, today()));
    },
  );

  app.get(
    '/api/rectifications',
    {
      schema: {
        tags: ['rectification'],
        summary: '整改事项列表（审核员：本部门及下级；单位：本单位；管理员：全部），新下达的在前，按游标分页',
        querystring: Type.Object({
          ...CursorPage.properties,
          state: Type.Optional(Type.Array(RectificationState)),
          overdue: Type.Optional(Type.Boolean({ description: 'true：只列逾期事项' })),
          year: Type.Optional(Type.Integer({ minimum: 1990, maximum: 2100 })),
          documentId: Type.Optional(Type.Integer({ minimum: 1 })),
        }),
        response: { 200: PageOf(Item), 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const on = today();
      const { limit, cursor, state, overdue, year, documentId } = req.query;
      const page = await listRectifications(
        ctx.reader(req),
        scopeOf(user),
        { state, year, documentId, ...(overdue ? { overdueOn: on } : {}) },
        { limit, cursor },
      );
      return { ...page, items: page.items.map((i) => shown(i, on)) };
    },
  );

  app.get(
    '/api/rectifications/summary',
    {
      schema: {
        tags: ['rectification', 'dashboards'],
        summary: '逾期整改事项数：审核员为本部门及下级（可指定下级部门），单位为本单位，管理员为全部或指定部门',
        querystring: Type.Object({ bureauId: Type.Optional(Type.Integer({ minimum: 1 })) }),
        response: { 200: Type.Object({ overdue: Type.Integer(), date: DateText }), ...readResponses },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const on = today();
      const reader = ctx.reader(req);
      if (user.role === 'unit') return { overdue: await overdueCount(reader, { unitId: user.unitId }, on), date: on };
      const bureauId = req.query.bureauId ?? (user.role === 'reviewer' ? user.bureauId : undefined);
      if (user.role === 'reviewer' && !(await reviewerBureaus(ctx, user.bureauId)).has(bureauId!)) throw forbidden();
      const owner = bureauId === undefined ? { all: true as const } : { bureauId };
      return { overdue: await overdueCount(reader, owner, on), date: on };
    },
  );

  app.get(
    '/api/rectifications/:id',
    {
      schema: {
        tags: ['rectification'],
        summary: '一项整改事项及其证明材料清单',
        params: IdParams,
        response: { 200: ItemWithFiles, ...readResponses },
      },
    },
    async (req) => {
      const reader = ctx.reader(req);
      const { item, meta } = await itemOr404(req.params.id, reader);
      await assertInsider(ctx, req, meta);
      const files = await evidenceFiles(reader, item.id);
      return {
        ...shown(item, today()),
        files: files.map((f) => ({ ...f, uploadedAt: f.uploadedAt.toISOString() })),
        evidenceLimit: { bytes: MAX_EVIDENCE_BYTES, files: MAX_EVIDENCE_FILES },
      };
    },
  );

  const step = (path: string, what: RectificationStep, summary: string) =>
    app.post(
      `/api/rectifications/:id/${path}`,
      {
        schema: {
          tags: ['rectification'],
          summary,
          params: IdParams,
          headers: IfMatch,
          body: StepBody,
          response: { 200: Item, ...writeResponses },
        },
      },
      async (req) => {
        const { item, meta } = await itemOr404(req.params.id);
        let user: User;
        if (what === 'respond') {
          user = requireUser(req);
          if (!editsContent(user, { unitId: item.unitId })) throw forbidden();
        } else user = await assertReviewer(ctx, req, meta);
        const text = req.body.text.trim();
        if (what !== 'close' && text === '') {
          const m = messagesFor(localeOf(req)).rectification;
          const field = what === 'respond' ? m.fields.response : m.fields.closingNote;
          throw new ApiError(422, 'empty_text', () => m.errors.emptyText(field), { field: 'text' });
        }
        const expected = expectedVersion(req);
        const after = await refused(req, () => stepRectification(db, actorOf(user), item.id, expected, what, text));
        return shown(after, today());
      },
    );
  step('respond', 'respond', '单位反馈整改情况（If-Match 为事项版本）');
  step('close', 'close', '审核员对已反馈的整改事项销号（If-Match 为事项版本）');
  step('reopen', 'reopen', '审核员退回整改事项重新整改（已反馈或已销号；If-Match 为事项版本）');

  app.post(
    '/api/rectifications/:id/files',
    {
      bodyLimit: MAX_EVIDENCE_BYTES + 64 * 1024,
      schema: {
        tags: ['rectification'],
        summary: `单位上传证明材料（原始字节加 ?fileName=，或 multipart 字段 file；单个不超过 ${MAX_EVIDENCE_BYTES / 1048576} MB，每项最多 ${MAX_EVIDENCE_FILES} 个；If-Match 为事项版本）`,
        consumes: ['application/octet-stream', 'multipart/form-data'],
        params: IdParams,
        headers: IfMatch,
        querystring: Type.Object({ fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })) }),
        response: { 201: Type.Object({ file: EvidenceFile, version: Type.Integer() }), 413: ErrorBody, ...writeResponses },
      },
    },
    async (req, reply) => {
      const { item } = await itemOr404(req.params.id);
      const user = requireUser(req);
      if (!editsContent(user, { unitId: item.unitId })) throw forbidden();
      const expected = expectedVersion(req);
      const { bytes, fileName } = await uploadedFile(req);
      const { file, version } = await refused(req, () => addEvidence(db, actorOf(user), item.id, expected, fileName, bytes));
      return reply.status(201).send({ file: { ...file, uploadedAt: file.uploadedAt.toISOString() }, version });
    },
  );

  app.get(
    '/api/rectification-files/:id',
    {
      schema: { tags: ['rectification'], summary: '下载一份证明材料', params: IdParams, response: { 200: FileResponse, ...readResponses } },
    },
    async (req, reply) => {
      const reader = ctx.reader(req);
      const file = await readEvidence(reader, req.params.id);
      if (!file) throw notFound('rectificationFile', req.params.id);
      const { meta } = await itemOr404(file.rectificationId, reader);
      await assertInsider(ctx, req, meta);
      return reply
        .type('application/octet-stream')
        .header('content-disposition', attachment(file.fileName, `evidence-${req.params.id}`))
        .send(file.bytes);
    },
  );

  app.get(
    '/api/documents/:id/carried',
    {
      schema: {
        tags: ['rectification', 'results'],
        summary: '复制到下一年度时带入的上年评价结果和未销号整改事项（编辑器中只读显示）',
        params: IdParams,
        response: { 200: Carried, ...readResponses },
      },
    },
    async (req) => {
      const reader = ctx.reader(req);
      const meta = await metaOr404(ctx, req.params.id, reader);
      await assertInsider(ctx, req, meta);
      const carried = await carriedFromLastYear(reader, meta.id);
      const on = today();
      return { ...carried, rectifications: carried.rectifications.map((i) => shown(i, on)) };
    },
  );

  const actionsOf = async (bureauId: number, reader = db) =>
    (await effectiveSettings(reader, bureauId)).review.settings.resultActions ?? DEFAULT_RESULT_ACTIONS;

  app.get(
    '/api/results',
    {
      schema: {
        tags: ['results'],
        summary: '评价结果应用表：本部门及下级各项目的自评和评价结果、下一年度预算申请数和预算安排建议，按游标分页',
        querystring: Type.Object({ ...ResultsQuery.properties, ...CursorPage.properties }),
        response: { 200: PageOf(ResultRow), 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const bureauId = await resultsBureau(user, req.query.bureauId);
      const reader = ctx.reader(req);
      if (!(await bureau(reader, bureauId))) throw notFound('bureau', bureauId);
      const { year, limit, cursor } = req.query;
      return resultsReport(reader, bureauId, year, await actionsOf(bureauId, reader), { limit, cursor });
    },
  );

  app.get(
    '/api/results/export.xlsx',
    {
      schema: {
        tags: ['results', 'export'],
        summary: '导出评价结果应用表（Excel）',
        querystring: ResultsQuery,
        response: { 200: FileResponse, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const bureauId = await resultsBureau(user, req.query.bureauId);
      const reader = ctx.reader(req);
      const b = await bureau(reader, bureauId);
      if (!b) throw notFound('bureau', bureauId);
      const { year } = req.query;
      const actions = await actionsOf(bureauId, reader);
      // Page by page, as the list does: the database never returns the whole set in one answer.
      const rows: ResultsReportRow[] = [];
      let cursor: string | undefined;
      do {
        const page = await resultsReport(reader, bureauId, year, actions, { limit: MAX_PAGE, cursor });
        rows.push(...page.items);
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      const bytes = await writeResultsXlsx(b.name, year, rows);
      const title = messages().rectification.results.pageTitle(year);
      return reply
        .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
        .header('content-length', bytes.byteLength)
        .header('content-disposition', attachment(`${b.name}${title}.xlsx`, `results-${bureauId}-${year}.xlsx`))
        .send(Buffer.from(bytes));
    },
  );
}
