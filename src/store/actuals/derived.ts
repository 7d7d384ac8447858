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
 * The rows are rewritten, for the whole document, inside every actuals write (under the document's
 * actuals lock); a document whose targets or status changed since (its version moved on) or whose
 * bureau's settings changed is stale, and `refreshStale` brings it up to date before a list reads.
 * Only approved and published documents are monitored.
 */
import type { Kysely } from 'kysely';
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
import type { Database, Db, DocumentStatus, ProjectMonitoringTable, Trx } from '../schema.ts';
import { documentProfile, effectiveSettings } from '../settings.ts';
import { reanchor } from './anchors.ts';
import { coreActuals, documentRecords } from './records.ts';

/** Monitoring checks spending and indicators against approved targets only. */
export const MONITORED: readonly DocumentStatus[] = ['approved', 'published'];

type Span = Omit<ProjectMonitoringTable, 'project_id' | 'document_id' | 'project_code' | 'project_name' | 'position'>;
type State = Omit<Span, 'valid_from' | 'valid_to'>;

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

/** A project's monitoring over its year as spans of equal state. */
export function monitoringSpans(project: Project, actuals: ProjectActuals, year: number, settings: MonitoringSettings): Span[] {
  const dates = breakpoints(project, actuals, year);
  const spans: Span[] = [];
  let previous = '';
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
    const valid_to = dates[i + 1] ?? isoDate(year + 1, 1, 1)!;
    const key = JSON.stringify(state);
    if (key === previous) spans.at(-1)!.valid_to = valid_to;
    else spans.push({ ...state, valid_from: date, valid_to });
    previous = key;
  });
  return spans;
}

/** Takes the document's actuals lock (the state row), creating the row on first use. */
export async function lockActuals(trx: Trx, documentId: number) {
  await trx
    .insertInto('document_actuals_state')
    .values({ document_id: documentId, evaluation_snapshot: null, derived_version: null })
    .onConflict((oc) => oc.column('document_id').doNothing())
    .execute();
  return trx.selectFrom('document_actuals_state').selectAll().where('document_id', '=', documentId).forUpdate().executeTakeFirstOrThrow();
}

/**
 * Recomputes a document's derived rows (and re-anchors its records). Unless `force`, a document
 * already up to date (another process refreshed it meanwhile) is left alone. A write that has just
 * read and re-anchored the document under the lock passes it as `current`.
 */
export async function refreshDocument(trx: Trx, documentId: number, force: boolean, current?: StoredDocument): Promise<void> {
  const state = await lockActuals(trx, documentId);
  const meta = current?.meta ?? (await documentMeta(trx, documentId))!;
  if (!force && !state.derived_stale && state.derived_version === meta.version) return;
  await trx.deleteFrom('project_monitoring').where('document_id', '=', documentId).execute();
  await trx.deleteFrom('project_evaluation').where('document_id', '=', documentId).execute();
  if (MONITORED.includes(meta.status)) {
    const doc = current ?? (await readDocument(trx, documentId))!;
    if (!current) await reanchor(trx, documentId, doc.projects);
    const lookup = actualsLookup(coreActuals(await documentRecords(trx, documentId, doc.projects)));
    const settings = await effectiveSettings(trx, meta.bureauId);
    const evaluation: EvaluationSettings = checkEvaluationSettings(settings.evaluation.settings);
    const profile = documentProfile(settings, meta.year);
    const spans = [];
    const scores = [];
    for (const [position, stored] of doc.projects.entries()) {
      const project = toModelProject(stored);
      const actuals = lookup(project.code);
      const ids = { project_id: stored.id, document_id: documentId, project_code: project.code, project_name: project.name, position };
      for (const s of monitoringSpans(project, actuals, meta.year, settings.monitoring.settings)) spans.push({ ...ids, ...s });
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
  await trx
    .updateTable('document_actuals_state')
    .set({ derived_version: meta.version, derived_stale: false })
    .where('document_id', '=', documentId)
    .execute();
}

/** Which documents a refresh (or a list) covers. */
export interface DerivedScope {
  year?: number;
  /** This bureau and those under it. */
  bureauId?: number;
  unitId?: number;
}

/** Monitored documents in the scope whose derived rows are missing or out of date. */
function staleQuery(db: Db, scope: DerivedScope) {
  return db
    .selectFrom('documents as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .leftJoin('document_actuals_state as s', 's.document_id', 'd.id')
    .where('d.status', 'in', [...MONITORED])
    .$if(scope.year !== undefined, (q) => q.where('d.year', '=', scope.year!))
    .$if(scope.unitId !== undefined, (q) => q.where('d.unit_id', '=', scope.unitId!))
    .$if(scope.bureauId !== undefined, (q) =>
      q.where('u.bureau_id', 'in', (eb) => eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', scope.bureauId!)),
    )
    .where((eb) =>
      eb.or([
        eb('s.document_id', 'is', null),
        eb('s.derived_stale', '=', true),
        eb('s.derived_version', 'is distinct from', eb.ref('d.version')),
      ]),
    );
}

/**
 * Refreshes the stale documents of a scope, one transaction each, at most `limit` of them;
 * returns how many it refreshed and how many are still stale.
 */
export async function refreshStale(
  db: Kysely<Database>,
  scope: DerivedScope,
  limit: number,
): Promise<{ refreshed: number; pending: number }> {
  const ids = await staleQuery(db, scope).select('d.id').orderBy('d.id').limit(limit).execute();
  for (const { id } of ids) await db.transaction().execute((trx) => refreshDocument(trx, id, false));
  if (ids.length < limit) return { refreshed: ids.length, pending: 0 };
  const { n } = await staleQuery(db, scope)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { refreshed: ids.length, pending: Number(n) };
}
