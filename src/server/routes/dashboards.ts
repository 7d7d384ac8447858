/**
 * Dashboard data, each chart ECharts-ready and as a table (`?format=csv&chart=ID` downloads one):
 *
 * - a unit's document: `execution` (plan against actual cumulative spending at each month end),
 *   `indicators` (each row's completion on the date), `scores` (each project's self-evaluation);
 * - a bureau: `groupExecution` and `lights` per sub-bureau and per unit directly under it on the
 *   date, `grades` and `scoreBands` of its projects' self-evaluations, `findings` (the review rules
 *   that fire most in the year's documents). Read from the aggregates maintained on write
 *   (src/store/aggregates/), so a province reads a few rows per bureau, whatever its size.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import type { FastifyInstance, FastifyReply } from 'fastify';
import Type from 'typebox';
import { endOfMonth, type IsoDate } from '../../core/actuals/calendar.ts';
import { GRADES } from '../../core/evaluation/settings.ts';
import { Decimal, fixed } from '../../core/model/decimal.ts';
import { monitorDocument } from '../../core/monitoring/monitor.ts';
import { LIGHT_ORDER } from '../../core/monitoring/settings.ts';
import { messagesFor, type Locale } from '../../i18n/index.ts';
import { frequentFindings, groupFigures, SCORE_BANDS, scoreFigures } from '../../store/actuals/lists.ts';
import { coreActuals } from '../../store/actuals/records.ts';
import { evaluateStored, monitorStored, storedActuals, type StoredActuals } from '../../store/actuals/results.ts';
import { bureau } from '../../store/organisation.ts';
import { requireUser, reviewerBureaus } from '../access.ts';
import { assertActualsReader, dateInYear, localeOf } from '../actuals-access.ts';
import { chart, chartCsv, type Chart, type Dimension } from '../charts.ts';
import type { AppContext } from '../context.ts';
import { BureauDashboard, Dashboard } from '../dashboard-schemas.ts';
import { forbidden, notFound } from '../errors.ts';
import { IdParams } from '../schemas.ts';
import { metaOr404 } from '../http.ts';
import { actualsResponses, pendingFor } from './monitoring.ts';

const HUNDRED = new Decimal(100);
const percentOf = (part: Decimal, whole: Decimal) => (whole.isZero() ? null : fixed(part.div(whole).times(HUNDRED)));

type Columns = ReturnType<typeof messagesFor>['server']['dashboards']['columns'];
const dims = (c: Columns, spec: Array<[keyof Columns | string, 'ordinal' | 'number', string?]>): Dimension[] =>
  spec.map(([name, type, label]) => ({ name, type, displayName: label ?? c[name as keyof Columns] }));

/** A unit's charts: the document (or one of its projects) on a date. */
function documentCharts(s: StoredActuals, date: IsoDate, projectId: number | undefined, locale: Locale): Chart[] {
  const m = messagesFor(locale);
  const d = m.server.dashboards;
  const c = d.columns;
  const k = projectId === undefined ? -1 : s.projectIds.indexOf(projectId);
  const stored = k < 0 ? s : { ...s, model: { ...s.model, projects: [s.model.projects[k]!] } };
  const actuals = coreActuals(stored.records);
  const year = s.meta.year;

  // Plan against actual, month by month; the actual stops at the date.
  const execution = Array.from({ length: 12 }, (_, i) => {
    const monthEnd = endOfMonth(year, i + 1);
    const planAt = monitorDocument(stored.model, actuals, monthEnd, { settings: s.settings.monitoring.settings, locale });
    const spentAt =
      monthEnd <= date
        ? planAt
        : monthEnd.slice(0, 7) === date.slice(0, 7)
          ? monitorDocument(stored.model, actuals, date, { settings: s.settings.monitoring.settings, locale })
          : null;
    let budget = new Decimal(0);
    let planned = new Decimal(0);
    let spent = new Decimal(0);
    for (const [k, p] of planAt.projects.entries()) {
      if (p.execution.budget === null) continue;
      budget = budget.plus(p.execution.budget);
      planned = planned.plus(new Decimal(p.execution.budget).times(p.execution.planned).div(HUNDRED));
      if (spentAt) spent = spent.plus(spentAt.projects[k]!.execution.spent);
    }
    return [
      d.monthLabel(i + 1),
      fixed(planned),
      spentAt ? fixed(spent) : null,
      percentOf(planned, budget),
      spentAt ? percentOf(spent, budget) : null,
    ];
  });

  const monitoring = monitorStored(stored, date, locale);
  const indicators = monitoring.projects.flatMap((p) =>
    p.indicators.map((row) => [
      `${p.projectCode} #${row.index}`,
      p.projectCode,
      p.projectName,
      row.index,
      row.description,
      row.target,
      row.actual?.value ?? m.monitoring.noData,
      row.progress,
      row.completion.kind === 'qualitative'
        ? m.monitoring.bands[row.completion.band]
        : row.completion.kind === 'notComparable'
          ? d.notComparable
          : '',
    ]),
  );

  const evaluation = evaluateStored(stored, null, locale);
  const scores = evaluation.projects.map((p) => [p.projectCode, p.projectName, p.total, p.grade, p.budget.rate]);

  return [
    chart(
      'execution',
      d.charts.execution,
      dims(c, [
        ['month', 'ordinal'],
        ['plannedAmount', 'number'],
        ['spentAmount', 'number'],
        ['plannedPercent', 'number'],
        ['ratePercent', 'number'],
      ]),
      execution,
      [
        { type: 'line', name: c.plannedPercent, encode: { x: 'month', y: 'plannedPercent' }, step: 'end' },
        { type: 'line', name: c.ratePercent, encode: { x: 'month', y: 'ratePercent' } },
      ],
    ),
    chart(
      'indicators',
      d.charts.indicators,
      dims(c, [
        ['label', 'ordinal'],
        ['projectCode', 'ordinal'],
        ['projectName', 'ordinal'],
        ['index', 'number'],
        ['description', 'ordinal'],
        ['target', 'ordinal'],
        ['actual', 'ordinal'],
        ['progress', 'number'],
        ['band', 'ordinal'],
      ]),
      indicators,
      [{ type: 'bar', name: c.progress, encode: { x: 'label', y: 'progress' } }],
    ),
    chart(
      'scores',
      d.charts.scores,
      dims(c, [
        ['projectCode', 'ordinal'],
        ['projectName', 'ordinal'],
        ['score', 'number'],
        ['grade', 'ordinal'],
        ['ratePercent', 'number'],
      ]),
      scores,
      [{ type: 'bar', name: c.score, encode: { x: 'projectName', y: 'score' } }],
    ),
  ];
}

/** A bureau's charts for a year, on a date. */
async function bureauCharts(db: Kysely<Database>, bureauId: number, year: number, date: IsoDate, locale: Locale): Promise<Chart[]> {
  const m = messagesFor(locale);
  const d = m.server.dashboards;
  const c = d.columns;
  const [groups, scores, findings] = await Promise.all([
    groupFigures(db, bureauId, year, date),
    scoreFigures(db, bureauId, year),
    frequentFindings(db, bureauId, year, 10),
  ]);
  const lightNames = m.monitoring.lights;
  const rules = m.review.rules as Record<string, { title: string } | undefined>;
  const bandLabels = SCORE_BANDS.map((lo, i) =>
    i === SCORE_BANDS.length - 1 ? `≥${lo}` : i === 0 ? `<${SCORE_BANDS[1]}` : `${lo}–${SCORE_BANDS[i + 1]}`,
  );
  return [
    chart(
      'groupExecution',
      d.charts.groupExecution,
      dims(c, [
        ['group', 'ordinal'],
        ['budget', 'number'],
        ['spent', 'number'],
        ['plannedPercent', 'number'],
        ['ratePercent', 'number'],
      ]),
      groups.map((g) => [
        g.name,
        g.budget,
        g.spent,
        percentOf(new Decimal(g.plannedAmount), new Decimal(g.budget)),
        percentOf(new Decimal(g.spent), new Decimal(g.budget)),
      ]),
      [
        { type: 'bar', name: c.ratePercent, encode: { x: 'group', y: 'ratePercent' } },
        { type: 'line', name: c.plannedPercent, encode: { x: 'group', y: 'plannedPercent' } },
      ],
    ),
    chart(
      'lights',
      d.charts.lights,
      dims(c, [
        ['group', 'ordinal'],
        ['green', 'number', lightNames.green],
        ['yellow', 'number', lightNames.yellow],
        ['red', 'number', lightNames.red],
        ['unreported', 'number'],
      ]),
      groups.map((g) => [g.name, g.lights.green, g.lights.yellow, g.lights.red, g.unreported]),
      [
        ...LIGHT_ORDER.map((l) => ({ type: 'bar' as const, name: lightNames[l], encode: { x: 'group', y: l }, stack: 'lights' })),
        // Beside the stack, not in it: these projects are counted in their light too.
        { type: 'bar' as const, name: c.unreported, encode: { x: 'group', y: 'unreported' } },
      ],
    ),
    chart(
      'grades',
      d.charts.grades,
      dims(c, [
        ['grade', 'ordinal'],
        ['projects', 'number'],
      ]),
      GRADES.map((g) => [g, scores.grades[g]]),
      [{ type: 'pie', name: c.projects, encode: { itemName: 'grade', value: 'projects' } }],
    ),
    chart(
      'scoreBands',
      d.charts.scoreBands,
      dims(c, [
        ['scoreBand', 'ordinal'],
        ['projects', 'number'],
      ]),
      scores.bands.map((n, i) => [bandLabels[i]!, n]),
      [{ type: 'bar', name: c.projects, encode: { x: 'scoreBand', y: 'projects' } }],
    ),
    chart(
      'findings',
      d.charts.findings,
      dims(c, [
        ['title', 'ordinal', c.rule],
        ['rule', 'ordinal', 'ID'],
        ['severity', 'ordinal'],
        ['findings', 'number'],
        ['documents', 'number'],
      ]),
      findings.map((f) => [rules[f.ruleId]?.title ?? f.ruleId, f.ruleId, m.review.severity[f.severity], f.findings, f.documents]),
      [{ type: 'bar', name: c.findings, encode: { x: 'title', y: 'findings' } }],
    ),
  ];
}

const DashboardQuery = {
  date: Type.Optional(Type.String({ description: 'YYYY-MM-DD within the year; default today held to the year' })),
  format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')], { description: 'csv: one chart’s table (with chart=ID)' })),
  chart: Type.Optional(Type.String({ description: 'with format=csv: the chart id' })),
};

/** One chart's table as a CSV download. */
function sendCsv(reply: FastifyReply, charts: Chart[], id: string | undefined, fileName: string) {
  const c = charts.find((x) => x.id === id);
  if (!c) throw notFound('chart', id ?? '');
  return reply
    .type('text/csv; charset=utf-8')
    .header(
      'content-disposition',
      `attachment; filename="${c.id}.csv"; filename*=UTF-8''${encodeURIComponent(`${fileName}-${c.title}.csv`)}`,
    )
    .send(chartCsv(c));
}

export async function dashboardRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.store.db;

  app.get(
    '/api/documents/:id/dashboard',
    {
      schema: {
        tags: ['dashboards'],
        summary: '读取单位的绩效看板：逐月预算执行与计划对比、指标完成情况、项目得分（可只看一个项目）',
        params: IdParams,
        querystring: Type.Object({ ...DashboardQuery, projectId: Type.Optional(Type.Integer()) }),
        response: actualsResponses(Dashboard),
      },
    },
    async (req, reply) => {
      const meta = await metaOr404(ctx, req.params.id);
      await assertActualsReader(ctx, req, meta);
      const date = dateInYear(req, req.query.date, meta.year);
      const locale = localeOf(req);
      const { projectId } = req.query;
      const body = await ctx.cache.get(`dashboard:${meta.id}:${date}:${projectId}:${locale}`, async () => {
        const stored = await storedActuals(ctx.reader(req), meta.id);
        if (projectId !== undefined && !stored.projectIds.includes(projectId)) throw notFound('project', projectId);
        return { date, year: meta.year, charts: documentCharts(stored, date, projectId, locale) };
      });
      return req.query.format === 'csv' ? sendCsv(reply, body.charts, req.query.chart, `${meta.unitName}${meta.year}`) : body;
    },
  );

  app.get(
    '/api/bureaus/:id/dashboard',
    {
      schema: {
        tags: ['dashboards'],
        summary: '读取财政部门某一年度的绩效看板：各下级财政部门或单位在某日的执行和预警、等级和得分分布、最常见的审核意见',
        params: IdParams,
        querystring: Type.Object({ year: Type.Integer({ minimum: 1990, maximum: 2100 }), ...DashboardQuery }),
        response: actualsResponses(BureauDashboard),
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const bureauId = req.params.id;
      const allowed = user.role === 'admin' || (user.role === 'reviewer' && (await reviewerBureaus(ctx, user.bureauId)).has(bureauId));
      if (!allowed) throw forbidden();
      const reader = ctx.reader(req);
      const b = await bureau(reader, bureauId);
      if (!b) throw notFound('bureau', bureauId);
      const { year } = req.query;
      const date = dateInYear(req, req.query.date, year);
      const locale = localeOf(req);
      const pending = await pendingFor(ctx, reader, user, { bureauId });
      const body = await ctx.cache.get(`bureau-dashboard:${bureauId}:${year}:${date}:${locale}`, async () => ({
        date,
        year,
        bureau: { id: b.id, name: b.name },
        pending,
        charts: await bureauCharts(reader, bureauId, year, date, locale),
      }));
      return req.query.format === 'csv' ? sendCsv(reply, body.charts, req.query.chart, `${b.name}${year}`) : body;
    },
  );
}
