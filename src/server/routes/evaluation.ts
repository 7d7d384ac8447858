/**
 * Year-end self-evaluation over HTTP: a document's 自评 (the core's `evaluateDocument` with its
 * bureau's settings), the 项目支出绩效自评表 and 部门整体 summary as XLSX or DOCX, and its
 * publication: a reviewer over the unit publishes it (a snapshot, readable by anyone at
 * /api/public/documents/:id/evaluation; the document's actuals close) or withdraws it.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { isoDate } from '../../core/actuals/calendar.ts';
import type { FormProfile } from '../../core/forms/profile.ts';
import { profileById, SELF_EVALUATION_PROFILES } from '../../core/forms/profiles.ts';
import { writeEvaluationDocx, writeEvaluationXlsx } from '../../formats/evaluation-report/write.ts';
import { messages } from '../../i18n/index.ts';
import { publishEvaluation, publishedEvaluation, withdrawEvaluation } from '../../store/actuals/publication.ts';
import { evaluateStored, storedActuals } from '../../store/actuals/results.ts';
import { actorOf, assertReviewer } from '../access.ts';
import { assertActualsReader, dateInYear, judgedActuals, localeOf, refusals } from '../actuals-access.ts';
import { DocumentEvaluation, PublishedEvaluation } from '../evaluation-schemas.ts';
import type { AppContext } from '../context.ts';
import { ApiError, notFound } from '../errors.ts';
import { ErrorBody, IdParams } from '../schemas.ts';
import { metaOr404 } from '../http.ts';
import { actualsResponses, ExportFormat, FileResponse, sendReport } from './monitoring.ts';

/** The 自评表 profile an export names; a 400 for one jixiao does not ship or of another kind of form. */
function selfEvaluationProfile(id: string): FormProfile {
  const profile = SELF_EVALUATION_PROFILES.find((p) => p.id === id);
  if (profile !== undefined) return profile;
  const ids = SELF_EVALUATION_PROFILES.map((p) => p.id).join(', ');
  throw new ApiError(400, 'invalid_profile', (m) => m.evaluationProfile(id, profileById(id) !== undefined, ids), { profile: id });
}

export async function evaluationRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.store.db;
  const AsOf = Type.Object({
    asOf: Type.Optional(Type.String({ description: 'evaluation date YYYY-MM-DD in the budget year; default 12月31日' })),
  });
  /** The self-evaluation judges by the targets in force on its date, 12月31日 by default. */
  const yearEnd = (year: number) => isoDate(year, 12, 31)!;
  const asOfIn = (req: Parameters<typeof dateInYear>[0], given: string | undefined, year: number) =>
    given === undefined ? null : dateInYear(req, given, year);

  app.get(
    '/api/documents/:id/evaluation',
    {
      schema: {
        tags: ['evaluation'],
        summary: '读取文件的绩效自评：预算执行及得分、各指标完成情况及得分、总分、等级、发现的问题',
        params: IdParams,
        querystring: AsOf,
        response: actualsResponses(DocumentEvaluation),
      },
    },
    async (req) => {
      const meta = await metaOr404(ctx, req.params.id, ctx.reader(req));
      await assertActualsReader(ctx, req, meta);
      const asOf = asOfIn(req, req.query.asOf, meta.year);
      const locale = localeOf(req);
      return judgedActuals(
        ctx,
        meta,
        `evaluation:${meta.id}:${asOf}:${locale}`,
        (stored) => evaluateStored(stored, asOf, locale),
        ctx.reader(req),
        asOf ?? yearEnd(meta.year),
      );
    },
  );

  app.get(
    '/api/documents/:id/evaluation/export',
    {
      schema: {
        tags: ['evaluation'],
        summary:
          '导出各项目的项目支出绩效自评表及部门整体自评（XLSX 或 DOCX）；给出 `profile`（自评表的表样，其他种类的为 400）时按该省的表样输出各项目的表，不含部门整体自评',
        params: IdParams,
        querystring: Type.Object({
          format: ExportFormat,
          ...AsOf.properties,
          profile: Type.Optional(
            Type.String({ maxLength: 100, description: 'a 自评表 form profile (表样) id, e.g. sichuan-self-evaluation' }),
          ),
        }),
        response: { ...actualsResponses(FileResponse), 400: ErrorBody },
      },
    },
    async (req, reply) => {
      const printed = req.query.profile === undefined ? {} : { profile: selfEvaluationProfile(req.query.profile) };
      const meta = await metaOr404(ctx, req.params.id, ctx.reader(req));
      await assertActualsReader(ctx, req, meta);
      const asOf = asOfIn(req, req.query.asOf, meta.year);
      const result = evaluateStored(await storedActuals(ctx.reader(req), meta.id, asOf ?? yearEnd(meta.year)), asOf, 'zh-CN');
      const name = messages().server.actuals.fileNames.evaluation(meta.unitName, meta.year);
      const write = {
        xlsx: (r: (typeof result)[]) => writeEvaluationXlsx(r, printed),
        docx: (r: (typeof result)[]) => writeEvaluationDocx(r, printed),
      };
      return sendReport(reply, req.query.format, write, [result], name);
    },
  );

  app.post(
    '/api/documents/:id/evaluation/publish',
    {
      schema: {
        tags: ['evaluation'],
        summary: '公开绩效自评（单位的上级审核人员）：仍有错误时 422 evaluation_errors 并列出发现的问题；公开后实际执行情况不再接受录入',
        params: IdParams,
        response: { 200: PublishedEvaluation, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody },
      },
    },
    async (req) => {
      const meta = await metaOr404(ctx, req.params.id);
      const user = await assertReviewer(ctx, req, meta);
      return refusals(req, () => publishEvaluation(db, actorOf(user), meta.id));
    },
  );

  app.post(
    '/api/documents/:id/evaluation/withdraw',
    {
      schema: {
        tags: ['evaluation'],
        summary: '撤回已公开的绩效自评（单位的上级审核人员）；实际执行情况重新开放录入',
        params: IdParams,
        response: { 204: Type.Null(), 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (req, reply) => {
      const meta = await metaOr404(ctx, req.params.id);
      const user = await assertReviewer(ctx, req, meta);
      await refusals(req, () => withdrawEvaluation(db, actorOf(user), meta.id));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/public/documents/:id/evaluation',
    {
      schema: {
        tags: ['public'],
        summary: '读取已公开的绩效自评，即公开时的内容（未公开时 404）',
        params: IdParams,
        response: { 200: PublishedEvaluation, 404: ErrorBody },
      },
    },
    async (req) => {
      const published = await ctx.cache.get(`published-evaluation:${req.params.id}`, () =>
        publishedEvaluation(ctx.reader(req), req.params.id),
      );
      if (!published) throw notFound('evaluation', req.params.id);
      return published;
    },
  );
}
