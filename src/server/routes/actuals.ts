/**
 * Recording actuals (实际执行情况) over HTTP: a document's or a project's records, and one record
 * at a time — created, changed (If-Match: the record's version), deleted — of four kinds:
 *
 *   spending          累计支出 by a date (万元)
 *   values            an indicator row's 实际值 by a date
 *   monitoring-notes  偏差原因, 完成可能性, 纠偏措施, 全年预计完成值 (project or row, by date)
 *   evaluation-notes  全年预算数, 实际完成情况, 偏差原因分析及改进措施, 不适用, 分值, 得分比例
 *
 * and a file of them (CSV or XLSX with the header 项目编码,指标序号,实际值,日期,说明 — see
 * docs/self-evaluation.md): preview, then commit, all or nothing. Only the unit's own staff record,
 * on approved or published documents; see ../actuals-access.ts for who reads.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import type { Actuals as CoreActuals } from '../../core/actuals/actuals.ts';
import { MAX_UPLOAD_BYTES } from '../../formats/limits.ts';
import { commitImport, previewImport } from '../../store/actuals/import.ts';
import { recordingState } from '../../store/actuals/publication.ts';
import { ACTUALS_KINDS, documentRecords, type ActualsKind } from '../../store/actuals/records.ts';
import { createRecord, deleteRecord, recordDocument, updateRecord, type Inputs } from '../../store/actuals/write.ts';
import { modelOf, projectDocument, readDocument } from '../../store/documents/read.ts';
import { actorOf, assertOwnUnit } from '../access.ts';
import { assertActualsReader, refusals } from '../actuals-access.ts';
import { Actuals, DocumentRecords, ImportPlan, INPUT_SCHEMAS, RECORD_SCHEMAS, UPDATE_SCHEMAS } from '../actuals-schemas.ts';
import type { AppContext } from '../context.ts';
import { ApiError, notFound } from '../errors.ts';
import { ErrorBody, IdParams, IfMatch, Page } from '../schemas.ts';
import { expectedVersion, metaOr404 } from '../http.ts';
import { uploadedFile } from './import.ts';

/** The kinds as they appear in paths. */
const KIND_SLUGS: Record<ActualsKind, string> = {
  spending: 'spending',
  values: 'values',
  monitoringNotes: 'monitoring-notes',
  evaluationNotes: 'evaluation-notes',
};

const SUMMARY: Record<ActualsKind, string> = {
  spending: '项目截至某日的累计支出（万元）',
  values: '指标行截至某日的实际值',
  monitoringNotes: '项目（index 为 null）或指标行的监控说明（偏差原因、完成可能性、纠偏措施、全年预计完成值）',
  evaluationNotes:
    '项目（index 为 null：全年预算数、实际完成情况、偏差原因分析及改进措施）或指标行（偏差原因分析及改进措施、不适用、分值、得分比例）的自评说明',
};

/** A body with its optional fields filled in, as the store takes it. */
function inputOf<K extends ActualsKind>(kind: K, body: Record<string, unknown>): Inputs[K] {
  const text = (k: string) => (body[k] as string | undefined) ?? '';
  const orNull = (k: string) => (body[k] as unknown) ?? null;
  switch (kind) {
    case 'spending':
      return { date: body.date, cumulative: body.cumulative, note: text('note') } as Inputs[K];
    case 'values':
      return { index: body.index, date: body.date, value: body.value, note: text('note') } as Inputs[K];
    case 'monitoringNotes':
      return {
        index: orNull('index'),
        date: body.date,
        cause: orNull('cause'),
        likelihood: orNull('likelihood'),
        measure: text('measure'),
        expectedYearEnd: text('expectedYearEnd'),
      } as Inputs[K];
    default:
      return {
        index: orNull('index'),
        notApplicable: body.notApplicable === true,
        notApplicableReason: text('notApplicableReason'),
        analysis: text('analysis'),
        points: orNull('points'),
        gradePercent: orNull('gradePercent'),
        adjustedBudget: orNull('adjustedBudget'),
        results: text('results'),
      } as Inputs[K];
  }
}

const RecordingState = Type.Object({
  revision: Type.Integer({ description: 'changes with every actuals write to the document' }),
  open: Type.Boolean(),
  evaluationPublishedAt: Type.Union([Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' }), Type.Null()]),
});

export async function actualsRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.store.db;
  // Actuals files as raw bodies: CSV and XLSX (text/plain and octet-stream are taken by the import routes).
  app.addContentTypeParser(
    ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
    { parseAs: 'buffer', bodyLimit: MAX_UPLOAD_BYTES },
    (_req, body, done) => done(null, body),
  );

  const projectMeta = async (projectId: number) => {
    const documentId = await projectDocument(db, projectId);
    if (documentId === undefined) throw notFound('project', projectId);
    return metaOr404(ctx, documentId);
  };

  app.get(
    '/api/projects/:id/actuals',
    {
      schema: {
        tags: ['actuals'],
        summary: '读取一个项目的全部实际执行情况（含失去对应的记录，已标出）及录入状态',
        params: IdParams,
        response: {
          200: Type.Object({ ...DocumentRecords.properties, recording: RecordingState }),
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (req) => {
      const meta = await projectMeta(req.params.id);
      await assertActualsReader(ctx, req, meta);
      return ctx.cache.get(`project-actuals:${req.params.id}`, async () => {
        const doc = (await readDocument(ctx.reader(req), meta.id))!;
        const all = await documentRecords(ctx.reader(req), meta.id, doc.projects);
        const mine = <T extends { projectId: number | null }>(list: T[]) => list.filter((r) => r.projectId === req.params.id);
        return {
          spending: mine(all.spending),
          values: mine(all.values),
          monitoringNotes: mine(all.monitoringNotes),
          evaluationNotes: mine(all.evaluationNotes),
          recording: await recordingState(ctx.reader(req), meta.id, meta.status),
        };
      });
    },
  );

  const KindQuery = Type.Object({
    kind: Type.Union(
      ACTUALS_KINDS.map((k) => Type.Literal(k)),
      { description: 'which records' },
    ),
    orphaned: Type.Optional(Type.Boolean({ description: 'only orphans (true) or only records in place (false)' })),
    ...Page.properties,
  });

  app.get(
    '/api/documents/:id/actuals',
    {
      schema: {
        tags: ['actuals'],
        summary: '列出文件某一类实际执行情况记录（按项目、指标行、日期排列，分页）',
        params: IdParams,
        querystring: KindQuery,
        response: {
          200: Type.Object({
            items: Type.Array(
              Type.Union([RECORD_SCHEMAS.spending, RECORD_SCHEMAS.values, RECORD_SCHEMAS.monitoringNotes, RECORD_SCHEMAS.evaluationNotes]),
              { description: 'records of the kind' },
            ),
            total: Type.Integer(),
            recording: RecordingState,
          }),
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (req) => {
      const meta = await metaOr404(ctx, req.params.id, ctx.reader(req));
      await assertActualsReader(ctx, req, meta);
      const { kind, orphaned, limit = 50, offset = 0 } = req.query;
      return ctx.cache.get(`document-actuals:${meta.id}:${kind}:${orphaned}:${limit}:${offset}`, async () => {
        const doc = (await readDocument(ctx.reader(req), meta.id))!;
        const records = await documentRecords(ctx.reader(req), meta.id, doc.projects);
        const all: Array<(typeof records)[ActualsKind][number]> = records[kind];
        const chosen = orphaned === undefined ? all : all.filter((r) => r.orphaned === orphaned);
        return {
          items: chosen.slice(offset, offset + limit),
          total: chosen.length,
          recording: await recordingState(ctx.reader(req), meta.id, meta.status),
        };
      });
    },
  );

  for (const kind of ACTUALS_KINDS) {
    const slug = KIND_SLUGS[kind];
    const Written = Type.Object({ record: RECORD_SCHEMAS[kind], revision: Type.Integer() });
    const responses = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody };

    app.post(
      `/api/projects/:id/actuals/${slug}`,
      {
        schema: {
          tags: ['actuals'],
          summary: `录入${SUMMARY[kind]}（该位置和日期已有记录时 409 actual_exists，附已有记录）`,
          params: IdParams,
          body: INPUT_SCHEMAS[kind],
          response: { 201: Written, ...responses },
        },
      },
      async (req, reply) => {
        const meta = await projectMeta(req.params.id);
        const user = assertOwnUnit(req, meta);
        const written = await refusals(req, () =>
          createRecord(db, actorOf(user), kind, req.params.id, inputOf(kind, req.body as Record<string, unknown>)),
        );
        return reply.status(201).send(written);
      },
    );

    const recordMeta = async (id: number) => {
      const documentId = await recordDocument(db, kind, id);
      if (documentId === undefined) throw notFound(slug, id);
      return metaOr404(ctx, documentId);
    };

    app.put(
      `/api/actuals/${slug}/:id`,
      {
        schema: {
          tags: ['actuals'],
          summary: `修改${SUMMARY[kind]}；If-Match 为记录的版本（版本过期时 409 stale_version，附 currentVersion）`,
          params: IdParams,
          headers: IfMatch,
          body: UPDATE_SCHEMAS[kind],
          response: { 200: Written, 428: ErrorBody, ...responses },
        },
      },
      async (req) => {
        const meta = await recordMeta(req.params.id);
        const user = assertOwnUnit(req, meta);
        const expected = expectedVersion(req);
        const input = inputOf(kind, { ...(req.body as Record<string, unknown>), index: null });
        const { index: _index, ...change } = input as Inputs[typeof kind] & { index?: unknown };
        return refusals(req, () => updateRecord(db, actorOf(user), kind, req.params.id, expected, change));
      },
    );

    app.delete(
      `/api/actuals/${slug}/:id`,
      {
        schema: {
          tags: ['actuals'],
          summary: `删除${SUMMARY[kind]}；If-Match 为记录的版本`,
          params: IdParams,
          headers: IfMatch,
          response: { 200: Type.Object({ revision: Type.Integer() }), 428: ErrorBody, ...responses },
        },
      },
      async (req) => {
        const meta = await recordMeta(req.params.id);
        const user = assertOwnUnit(req, meta);
        const expected = expectedVersion(req);
        return { revision: await refusals(req, () => deleteRecord(db, actorOf(user), kind, req.params.id, expected)) };
      },
    );
  }

  app.post(
    '/api/documents/:id/actuals/import/preview',
    {
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags: ['actuals'],
        summary:
          '预览导入实际执行情况：对照文件的绩效目标读取 CSV 或 XLSX（原始字节加 ?fileName=，或 multipart 字段 file），不写入任何数据；422 时指明行（或工作表和单元格）和列',
        consumes: ['text/csv', 'application/octet-stream', 'multipart/form-data', 'text/plain'],
        params: IdParams,
        querystring: Type.Object({ fileName: Type.Optional(Type.String({ maxLength: 255 })) }),
        response: {
          200: Type.Object({ actuals: Actuals, plan: ImportPlan }),
          401: ErrorBody,
          403: ErrorBody,
          409: ErrorBody,
          413: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (req) => {
      const meta = await metaOr404(ctx, req.params.id);
      assertOwnUnit(req, meta);
      const { bytes, fileName } = await uploadedFile(req);
      const actuals = await ctx.parse.readActuals(bytes ?? new Uint8Array(), fileName, [modelOf((await readDocument(db, meta.id))!)]);
      return { actuals, plan: await refusals(req, () => previewImport(db, meta.id, actuals)) };
    },
  );

  app.post(
    '/api/documents/:id/actuals/import/commit',
    {
      bodyLimit: MAX_UPLOAD_BYTES,
      schema: {
        tags: ['actuals'],
        summary: '确认导入：在一个事务中写入预览过的实际执行情况（或全部不写，422 时指明项目、指标行和日期）',
        params: IdParams,
        body: Type.Object({ actuals: Actuals }),
        response: {
          201: Type.Object({ ...ImportPlan.properties, revision: Type.Integer() }),
          401: ErrorBody,
          403: ErrorBody,
          409: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (req, reply) => {
      const meta = await metaOr404(ctx, req.params.id);
      const user = assertOwnUnit(req, meta);
      const result = await refusals(req, () => commitImport(db, actorOf(user), meta.id, req.body.actuals as CoreActuals));
      return reply.status(201).send(result);
    },
  );
}
