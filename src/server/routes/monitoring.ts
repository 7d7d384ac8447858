/**
 * In-year monitoring over HTTP: a document's 监控 on a date (the core's `monitorDocument` with its
 * bureau's settings), its 监控表 as XLSX or DOCX, and the bureau-wide list of projects by warning
 * light on a date, read from the derived rows (src/store/actuals/derived.ts).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type from 'typebox';
import { IsoDateText } from '../../core/actuals/actuals.ts';
import { Light } from '../../core/monitoring/settings.ts';
import { writeMonitoringDocx, writeMonitoringXlsx } from '../../formats/monitoring-report/write.ts';
import { messages } from '../../i18n/index.ts';
import { warningList } from '../../store/actuals/lists.ts';
import { monitorStored, storedActuals } from '../../store/actuals/results.ts';
import { pendingWork } from '../../store/aggregates/queue.ts';
import type { User } from '../../store/accounts.ts';
import { listScope, requireUser } from '../access.ts';
import { assertActualsReader, dateInYear, judgedActuals, localeOf } from '../actuals-access.ts';
import type { AppContext } from '../context.ts';
import { DocumentMonitoring, WarningList } from '../monitoring-schemas.ts';
import { CursorPage, ErrorBody, IdParams, Nullable } from '../schemas.ts';
import { metaOr404 } from '../http.ts';

const FILE_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
} as const;

export const ExportFormat = Type.Union([Type.Literal('xlsx'), Type.Literal('docx')]);
export const FileResponse = Type.Unsafe<Uint8Array>({ type: 'string', format: 'binary' });

/** What a route reading actuals answers: `ok`, or not signed in, not allowed, no such document or bureau, a date outside its year. */
export const actualsResponses = <T extends Type.TSchema>(ok: T) => ({
  200: ok,
  401: ErrorBody,
  403: ErrorBody,
  404: ErrorBody,
  422: ErrorBody,
});

/** Writes a report in the format asked for and sends it with its Chinese name (RFC 6266 / 5987). */
export async function sendReport<R>(
  reply: FastifyReply,
  format: keyof typeof FILE_TYPES,
  write: Record<keyof typeof FILE_TYPES, (results: R[]) => Promise<Uint8Array>>,
  results: R[],
  name: string,
) {
  const bytes = await write[format](results);
  const file = `${name}.${format}`;
  return reply
    .type(FILE_TYPES[format])
    .header(
      'content-disposition',
      `attachment; filename="${format === 'xlsx' ? 'report.xlsx' : 'report.docx'}"; filename*=UTF-8''${encodeURIComponent(file)}`,
    )
    .send(Buffer.from(bytes));
}

/**
 * How many queued rebuilds touch what a user's list covers (src/store/aggregates/queue.ts): the
 * list says so, and the background worker does them; a read never does.
 */
export function pendingFor(
  ctx: AppContext,
  db: Kysely<Database>,
  user: User,
  filter: { bureauId?: number; unitId?: number },
): Promise<number> {
  const scope =
    user.role === 'unit'
      ? { unitId: user.unitId }
      : user.role === 'reviewer'
        ? { bureauId: filter.bureauId ?? user.bureauId, ...(filter.unitId !== undefined ? { unitId: filter.unitId } : {}) }
        : filter;
  return ctx.cache.get(`pending:${JSON.stringify(scope)}`, () => pendingWork(db, scope));
}

export async function monitoringRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.store.db;
  const DateQuery = Type.Object({ date: Type.Optional(IsoDateText) });

  app.get(
    '/api/documents/:id/monitoring',
    {
      schema: {
        tags: ['monitoring'],
        summary: '读取文件在某日的运行监控（默认今天，限在预算年度内），对照当日有效的绩效目标：预算执行、指标进度、预警、发现的问题',
        params: IdParams,
        querystring: Type.Object({ date: Type.Optional(Type.String({ description: 'YYYY-MM-DD within the budget year; default today' })) }),
        response: actualsResponses(DocumentMonitoring),
      },
    },
    async (req) => {
      const meta = await metaOr404(ctx, req.params.id);
      await assertActualsReader(ctx, req, meta);
      const date = dateInYear(req, req.query.date, meta.year);
      const locale = localeOf(req);
      return judgedActuals(
        ctx,
        meta,
        `monitoring:${meta.id}:${date}:${locale}`,
        (stored) => monitorStored(stored, date, locale),
        ctx.reader(req),
        date,
      );
    },
  );

  app.get(
    '/api/documents/:id/monitoring/export',
    {
      schema: {
        tags: ['monitoring'],
        summary: '导出文件在某日的监控表（XLSX 或 DOCX）',
        params: IdParams,
        querystring: Type.Object({ format: ExportFormat, ...DateQuery.properties }),
        response: actualsResponses(FileResponse),
      },
    },
    async (req, reply) => {
      const meta = await metaOr404(ctx, req.params.id);
      await assertActualsReader(ctx, req, meta);
      const date = dateInYear(req, req.query.date, meta.year);
      const result = monitorStored(await storedActuals(ctx.reader(req), meta.id, date), date, 'zh-CN');
      const name = messages().server.actuals.fileNames.monitoring(meta.unitName, meta.year, date);
      return sendReport(reply, req.query.format, { xlsx: writeMonitoringXlsx, docx: writeMonitoringDocx }, [result], name);
    },
  );

  app.get(
    '/api/monitoring/projects',
    {
      schema: {
        tags: ['monitoring'],
        summary:
          '预警清单：本人可见的被监控项目（已审核和已公开的文件）在某日的预警，红灯在前，其次按落后计划排列，按游标分页；附整个筛选结果中各预警灯的项目数，及仍在排队、涉及本清单的重算数（pending）',
        querystring: Type.Object({
          year: Type.Integer({ minimum: 1990, maximum: 2100 }),
          date: Type.Optional(IsoDateText),
          bureauId: Type.Optional(Type.Integer({ description: 'this bureau and its sub-bureaus' })),
          unitId: Type.Optional(Type.Integer()),
          light: Type.Optional(Type.Array(Light, { description: 'repeat for several' })),
          ...CursorPage.properties,
        }),
        response: {
          200: Type.Object({
            ...WarningList.properties,
            nextCursor: Nullable(Type.String({ description: 'give it back as `cursor` for the next page; null on the last page' })),
            pending: Type.Integer({ description: 'queued rebuilds still touching this list (its figures may lag until done)' }),
          }),
          400: ErrorBody,
          401: ErrorBody,
          422: ErrorBody,
        },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const q = req.query;
      const date = dateInYear(req, q.date, q.year);
      const filter = {
        ...(q.bureauId !== undefined ? { bureauId: q.bureauId } : {}),
        ...(q.unitId !== undefined ? { unitId: q.unitId } : {}),
      };
      const reader = ctx.reader(req);
      const pending = await pendingFor(ctx, reader, user, filter);
      const f = { year: q.year, date, ...filter, light: q.light, limit: q.limit ?? 50, cursor: q.cursor };
      const scope = listScope(user);
      const list = await ctx.cache.get(`warnings:${JSON.stringify(scope)}:${JSON.stringify(f)}`, () => warningList(reader, scope, f));
      return { year: q.year, date, ...list, pending };
    },
  );
}
