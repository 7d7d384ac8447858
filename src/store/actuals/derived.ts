/**
 * What bureau lists and dashboards read instead of recomputing a province: each monitored project's
 * monitoring over the year and its year-end self-evaluation, as rows.
 *
 * A project's monitoring on a date depends only on the records on or before it and the plan's
 * checkpoints passed by it, so over the year it is piecewise constant: it can change only on
 * 1月1日, on a checkpoint's date and on a record's date. Computing it at those dates gives spans
 * [valid_from, valid_to) that answer "the light on any date" exactly, with no recomputation as
 * the calendar moves (a unit that records nothing turns yellow on 3月31日 all the same).
 *
 * The rows are rewritten, for the whole document, in the transaction of every write they depend on
 * (an actuals write, a change of status, a move of the unit), under the document's actuals lock,
 * together with the document's aggregates (../aggregates/document.ts); a change of a bureau's
 * settings queues its documents for the background worker (../aggregates/queue.ts). Lists never
 * rebuild them. Only approved and published documents are monitored. Each date is judged by the
 * targets in force on it: before an approved 目标调整's effective date, by the former ones.
 */
import type { ProjectActuals } from '../../core/actuals/actuals.ts';
import { actualsLookup } from '../../core/actuals/actuals.ts';
import { isoDate, type IsoDate } from '../../core/actuals/calendar.ts';
import { evaluateProject } from '../../core/evaluation/evaluate.ts';
import type { EvaluationSettings } from '../../core/evaluation/settings.ts';
import { checkEvaluationSettings } from '../../core/evaluation/settings.ts';
import type { Project } from '../../core/model/document.ts';
import { datedPlan } from '../../core/monitoring/checkpoint.ts';
import { monitorProject } from '../../core/monitoring/monitor.ts';
import { LIGHT_ORDER, type MonitoringSettings } from '../../core/monitoring/settings.ts';
import { toModelProject } from '../documents/content.ts';
import { documentMeta, readDocument, type StoredDocument } from '../documents/read.ts';
import { refreshAggregates } from '../aggregates/document.ts';
import type { ProjectMonitoringTable, Trx } from '../schema.ts';
import { MONITORED } from './monitored.ts';
import { documentProfile, effectiveSettings } from '../settings.ts';
import { reanchor } from './anchors.ts';
import { coreActuals, documentRecords } from './records.ts';
import { formerProjects, targetEras } from '../adjustments/in-force.ts';

export { MONITORED } from './monitored.ts';

type Span = Pick<
  ProjectMonitoringTable,
  | 'valid_from'
  | 'valid_to'
  | 'light'
  | 'light_rank'
  | 'execution_light'
  | 'budget'
  | 'spent'
  | 'rate'
  | 'planned'
  | 'shortfall'
  | 'flagged_indicators'
  | 'unreported_indicators'
  | 'missing_explanations'
>;
type State = Omit<Span, 'valid_from' | 'valid_to'>;

/** The warning list's sort key of a project without a shortfall: after every one with one. */
const NO_SHORTFALL = '1000000';

/** The dates a project's monitoring can change on within the year, in order. */
export function breakpoints(project: Project, actuals: ProjectActuals, year: number): IsoDate[] {
  const first = isoDate(year, 1, 1)!;
  const last = isoDate(year, 12, 31)!;
  const dates = new Set<IsoDate>([first]);
  const add = (d: IsoDate | null) => {
    if (d !== null && d > first && d <= last) dates.add(d);
  };
  for (const c of datedPlan(project.spendingPlan, year)) add(c.date);
  for (const r of [...actuals.spending, ...actuals.values, ...actuals.monitoring]) add(r.date);
  return [...dates].sort();
}

/** Days [from, to) of a year: the part of it a project's targets were in force for (../adjustments/in-force.ts). */
export interface Era {
  from: IsoDate;
  to: IsoDate;
}

/** Spans next to each other in the same state made one. */
export function joinSpans(spans: readonly Span[]): Span[] {
  const joined: Span[] = [];
  for (const s of spans) {
    const last = joined.at(-1);
    const { valid_from: _f, valid_to: _t, ...state } = s;
    if (last && last.valid_to === s.valid_from) {
      const { valid_from: _lf, valid_to: _lt, ...previous } = last;
      if (JSON.stringify(previous) === JSON.stringify(state)) {
        last.valid_to = s.valid_to;
        continue;
      }
    }
    joined.push({ ...s });
  }
  return joined;
}

/** A project's monitoring over its year (or over `era` of it) as spans of equal state. */
export function monitoringSpans(
  project: Project,
  actuals: ProjectActuals,
  year: number,
  settings: MonitoringSettings,
  era: Era = { from: isoDate(year, 1, 1)!, to: isoDate(year + 1, 1, 1)! },
): Span[] {
  const dates = [era.from, ...breakpoints(project, actuals, year).filter((d) => d > era.from && d < era.to)];
  const spans: Span[] = [];
  dates.forEach((date, i) => {
    const m = monitorProject(project, actuals, date, year, { settings, locale: 'zh-CN' });
    const state: State = {
      light: m.light,
      light_rank: LIGHT_ORDER.indexOf(m.light),
      execution_light: m.execution.light,
      budget: m.execution.budget,
      spent: m.execution.spent,
      rate: m.execution.rate,
      planned: m.execution.planned,
      shortfall: m.execution.shortfall,
      flagged_indicators: m.indicators.filter((x) => x.light !== 'green' && x.light !== 'noData').length,
      unreported_indicators: m.unreported,
      missing_explanations: m.findings.filter((f) => f.ruleId === 'monitoring.missingExplanation').length,
    };
    spans.push({ ...state, valid_from: date, valid_to: dates[i + 1] ?? era.to });
  });
  return joinSpans(spans);
}

/** Takes the document's actuals lock (the state row), creating the row on first use. */
export async function lockActuals(trx: Trx, documentId: number) {
  await trx
    .insertInto('document_actuals_state')
    .values({ document_id: documentId, evaluation_snapshot: null })
    .onConflict((oc) => oc.column('document_id').doNothing())
    .execute();
  return trx.selectFrom('document_actuals_state').selectAll().where('document_id', '=', documentId).forUpdate().executeTakeFirstOrThrow();
}

/**
 * Recomputes a document's derived rows (and re-anchors its records) and its aggregates. A write
 * that has just read and re-anchored the document under the lock passes it as `current`.
 */
export async function refreshDocument(trx: Trx, documentId: number, current?: StoredDocument): Promise<void> {
  await lockActuals(trx, documentId);
  const meta = current?.meta ?? (await documentMeta(trx, documentId))!;
  await trx.deleteFrom('project_monitoring').where('document_id', '=', documentId).execute();
  await trx.deleteFrom('project_evaluation').where('document_id', '=', documentId).execute();
  if (MONITORED.includes(meta.status)) {
    const doc = current ?? (await readDocument(trx, documentId))!;
    if (!current) await reanchor(trx, documentId, doc.projects);
    const lookup = actualsLookup(coreActuals(await documentRecords(trx, documentId, doc.projects)));
    // Before an approved 目标调整 took effect, the former targets (and the actuals as recorded against them) were in force.
    const eras = await Promise.all(
      (await targetEras(trx, documentId, meta.year)).map(async ({ content, ...era }) => {
        if (content === null) return { ...era, projects: null, lookup };
        const live = formerProjects(content, doc.projects);
        return { ...era, projects: content.projects, lookup: actualsLookup(coreActuals(await documentRecords(trx, documentId, live))) };
      }),
    );
    const settings = await effectiveSettings(trx, meta.bureauId);
    const evaluation: EvaluationSettings = checkEvaluationSettings(settings.evaluation.settings);
    const profile = documentProfile(settings, meta.year);
    const keys = { unit_id: meta.unitId, bureau_id: meta.bureauId, year: meta.year, status: meta.status, unit_code: meta.unitCode };
    const spans = [];
    const scores = [];
    for (const [position, stored] of doc.projects.entries()) {
      const project = toModelProject(stored);
      const actuals = lookup(project.code);
      const ids = { project_id: stored.id, document_id: documentId, project_code: project.code, project_name: project.name, position };
      const inForce = eras.flatMap((era) => {
        const then = era.projects === null ? project : era.projects.find((p) => p.code === project.code);
        return then ? monitoringSpans(then, era.lookup(project.code), meta.year, settings.monitoring.settings, era) : [];
      });
      for (const s of joinSpans(inForce))
        spans.push({
          ...ids,
          ...s,
          ...keys,
          order_light: -s.light_rank,
          order_shortfall: s.shortfall === null ? NO_SHORTFALL : `-${s.shortfall}`.replace(/^--/, ''),
        });
      const e = evaluateProject(project, actuals, meta.year, { settings: evaluation, locale: 'zh-CN', profile });
      scores.push({
        ...ids,
        budget: e.budget.adjusted,
        spent: e.budget.spent,
        rate: e.budget.rate,
        points: e.points,
        total: e.total,
        grade: e.grade,
        error_count: e.findings.filter((f) => f.severity === 'error').length,
      });
    }
    for (let i = 0; i < spans.length; i += 1000)
      await trx
        .insertInto('project_monitoring')
        .values(spans.slice(i, i + 1000))
        .execute();
    for (let i = 0; i < scores.length; i += 1000)
      await trx
        .insertInto('project_evaluation')
        .values(scores.slice(i, i + 1000))
        .execute();
  }
  await refreshAggregates(trx, documentId);
}
