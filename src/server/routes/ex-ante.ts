/**
 * 事前绩效评估 of new projects (docs/ex-ante.md): what the review of a document needs to know about them
 * (for the browser's live review), one project's assessment to read and save, and its report as Word.
 * The unit's staff save their own draft's assessments (If-Match: the assessment's version, "0" before
 * the first save; a stale one is 409); the unit, the reviewers over it and admins read them; the
 * public reads nothing, the targets' publication does not publish the assessment.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ExAnteAssessment, SECTION_POINTS } from '../../core/ex-ante/assessment.ts';
import { needsAssessment, previousIndex } from '../../core/ex-ante/required.ts';
import { writeExAnteDocx } from '../../formats/ex-ante/write-docx.ts';
import { messagesFor } from '../../i18n/index.ts';
import { projectDocument, readProject, type DocumentMeta } from '../../store/documents/read.ts';
import { readAssessment, saveAssessment } from '../../store/ex-ante/assessments.ts';
import { exAnteContext } from '../../store/ex-ante/context.ts';
import { effectiveSettings } from '../../store/settings.ts';
import { toModelProject } from '../../store/documents/content.ts';
import { actorOf, assertInsider, assertOwnUnit } from '../access.ts';
import { localeOf, refusals } from '../actuals-access.ts';
import type { AppContext } from '../context.ts';
import { ApiError, notFound } from '../errors.ts';
import { expectedVersion, metaOr404 } from '../http.ts';
import { ErrorBody, IdParams, IfMatch, Nullable, VersionResult } from '../schemas.ts';
import { attachment } from './exports.ts';
import { FileResponse } from './monitoring.ts';

const AssessmentState = Type.Union([Type.Literal('complete'), Type.Literal('rejected'), Type.Literal('incomplete')], {
  description: 'complete 已完成 / rejected 已完成但结论为不予支持 / incomplete 未完成',
});

const ExAnteReview = Type.Object({
  threshold: Type.String({ description: '事前绩效评估金额标准（万元），"0" 为不要求' }),
  previous: Nullable(
    Type.Object(
      { codes: Type.Array(Type.String()), names: Type.Array(Type.String()) },
      { description: '单位上一年度文件的项目编码和名称；系统中没有上年文件时为 null' },
    ),
  ),
  assessments: Type.Record(Type.String(), AssessmentState, { description: '项目编码 → 已保存评估的状态' }),
});

const ProjectExAnte = Type.Object({
  projectId: Type.Integer(),
  required: Type.Boolean({ description: '是否为须作事前绩效评估的新增项目（按当前内容与金额标准）' }),
  threshold: Type.String({ description: '金额标准（万元）' }),
  sectionPoints: Type.String({ description: '每个方面的满分' }),
  assessment: Nullable(ExAnteAssessment),
  version: Type.Integer({ description: '评估的版本，尚未保存时为 0；保存时放在 If-Match 中' }),
  updatedAt: Nullable(Type.String({ format: 'date-time' })),
  updatedByName: Nullable(Type.String()),
});

const readResponses = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export async function exAnteRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  async function projectMeta(projectId: number, db = ctx.store.db): Promise<DocumentMeta> {
    const documentId = await ctx.cache.get(`project-doc:${projectId}`, () => projectDocument(db, projectId));
    if (documentId === undefined) throw notFound('project', projectId);
    return metaOr404(ctx, documentId, db);
  }

  const thresholdOf = async (db: Parameters<typeof effectiveSettings>[0], bureauId: number) =>
    (await effectiveSettings(db, bureauId)).review.settings.exAnteThreshold ?? '0';

  app.get(
    '/api/documents/:id/ex-ante',
    {
      schema: {
        tags: ['ex-ante'],
        summary: '文件的事前绩效评估情况：金额标准、上年项目（判断新增项目）和各项目已保存评估的状态，供浏览器即时审核',
        params: IdParams,
        response: { 200: ExAnteReview, ...readResponses },
      },
    },
    async (req) => {
      const meta = await metaOr404(ctx, req.params.id, ctx.reader(req));
      await assertInsider(ctx, req, meta);
      return ctx.cache.get(`ex-ante:${meta.id}`, async () => ({
        threshold: await thresholdOf(ctx.reader(req), meta.bureauId),
        ...(await exAnteContext(ctx.reader(req), { unitId: meta.unitId, year: meta.year, documentId: meta.id })),
      }));
    },
  );

  app.get(
    '/api/projects/:id/ex-ante',
    {
      schema: {
        tags: ['ex-ante'],
        summary: '项目的事前绩效评估（version 为评估的版本）及该项目是否须作评估',
        params: IdParams,
        response: { 200: ProjectExAnte, ...readResponses },
      },
    },
    async (req) => {
      const db = ctx.reader(req);
      const meta = await projectMeta(req.params.id, db);
      await assertInsider(ctx, req, meta);
      const [stored, project, threshold, context] = await Promise.all([
        readAssessment(db, req.params.id),
        readProject(db, meta.id, req.params.id),
        thresholdOf(db, meta.bureauId),
        exAnteContext(db, { unitId: meta.unitId, year: meta.year, documentId: meta.id }),
      ]);
      if (!project) throw notFound('project', req.params.id);
      return {
        projectId: req.params.id,
        required: needsAssessment(toModelProject(project), previousIndex(context.previous), threshold),
        threshold,
        sectionPoints: SECTION_POINTS,
        assessment: stored?.assessment ?? null,
        version: stored?.version ?? 0,
        updatedAt: stored?.updatedAt.toISOString() ?? null,
        updatedByName: stored?.updatedByName ?? null,
      };
    },
  );

  app.put(
    '/api/projects/:id/ex-ante',
    {
      schema: {
        tags: ['ex-ante'],
        summary: '保存项目的事前绩效评估（单位填报，仅草稿或已退回的文件；If-Match 为评估的版本，首次保存为 "0"；版本过期为 409）',
        params: IdParams,
        headers: IfMatch,
        body: Type.Object({ assessment: ExAnteAssessment }),
        response: { 200: VersionResult, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 428: ErrorBody },
      },
    },
    async (req, reply) => {
      const meta = await projectMeta(req.params.id);
      const user = assertOwnUnit(req, meta);
      const m = messagesFor(localeOf(req)).exAnte;
      try {
        const version = await refusals(req, () =>
          saveAssessment(ctx.store.db, actorOf(user), req.params.id, expectedVersion(req), req.body.assessment),
        );
        reply.header('etag', `"${version}"`);
        return { version };
      } catch (e) {
        if (!(e instanceof RangeError)) throw e;
        const field = e.message;
        const text = field === 'date' ? m.errors.date : m.errors.score(m.sections[field as keyof typeof m.sections], SECTION_POINTS);
        throw new ApiError(422, 'invalid_ex_ante', () => text, { field });
      }
    },
  );

  app.get(
    '/api/projects/:id/ex-ante/report.docx',
    {
      schema: {
        tags: ['ex-ante', 'export'],
        summary: '项目的事前绩效评估报告（Word）',
        params: IdParams,
        response: { 200: FileResponse, ...readResponses },
      },
    },
    async (req, reply) => {
      const db = ctx.reader(req);
      const meta = await projectMeta(req.params.id, db);
      await assertInsider(ctx, req, meta);
      const [stored, project] = await Promise.all([readAssessment(db, req.params.id), readProject(db, meta.id, req.params.id)]);
      if (!project || !stored) throw notFound('exAnteAssessment', req.params.id);
      const locale = localeOf(req);
      const bytes = await writeExAnteDocx(
        { project: toModelProject(project), unitName: meta.unitName, assessment: stored.assessment },
        locale,
      );
      const title = messagesFor(locale).exAnte.report.title;
      return reply
        .type('application/vnd.openxmlformats-officedocument.wordprocessingml.document')
        .header('content-disposition', attachment(`${title}-${project.name}.docx`, `ex-ante-${req.params.id}.docx`))
        .send(Buffer.from(bytes));
    },
  );
}
