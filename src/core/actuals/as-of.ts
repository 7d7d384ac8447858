/**
 * Reading the actuals as of a date: the latest record on or before the date counts, so the same
 * record answers every monitoring round and the year end. A null date means "everything recorded".
 */
import type { IsoDate } from './calendar.ts';
import type { DeviationCause, EvaluationNote, IndicatorValue, Likelihood, ProjectActuals, SpendingEntry } from './actuals.ts';

const onOrBefore = (date: IsoDate | null) => (d: { date: IsoDate }) => date === null || d.date <= date;

function latest<T extends { date: IsoDate }>(entries: readonly T[], date: IsoDate | null): T | null {
  let best: T | null = null;
  for (const e of entries) if (onOrBefore(date)(e) && (best === null || e.date >= best.date)) best = e;
  return best;
}

/** The cumulative spending recorded last on or before the date. */
export const spendingAsOf = (actuals: ProjectActuals, date: IsoDate | null): SpendingEntry | null => latest(actuals.spending, date);

/** An indicator row's actual value recorded last on or before the date. */
export const valueAsOf = (actuals: ProjectActuals, index: number, date: IsoDate | null): IndicatorValue | null =>
  latest(
    actuals.values.filter((v) => v.index === index),
    date,
  );

/** Whether any value of the row was recorded after the date (to tell "missing" from "recorded too late"). */
export const valueAfter = (actuals: ProjectActuals, index: number, date: IsoDate): boolean =>
  actuals.values.some((v) => v.index === index && v.date > date);

/** The explanation of a deviation as it stands on a date: each field at its latest recorded value. */
export interface MonitoringExplanation {
  cause: DeviationCause | null;
  likelihood: Likelihood | null;
  measure: string;
  expectedYearEnd: string;
}

export function explanationAsOf(actuals: ProjectActuals, index: number | null, date: IsoDate | null): MonitoringExplanation {
  const notes = actuals.monitoring
    .filter((n) => n.index === index && onOrBefore(date)(n))
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const result: MonitoringExplanation = { cause: null, likelihood: null, measure: '', expectedYearEnd: '' };
  for (const n of notes) {
    if (n.cause !== null) result.cause = n.cause;
    if (n.likelihood !== null) result.likelihood = n.likelihood;
    if (n.measure.trim() !== '') result.measure = n.measure;
    if (n.expectedYearEnd.trim() !== '') result.expectedYearEnd = n.expectedYearEnd;
  }
  return result;
}

/**
 * The self-evaluation inputs for the budget line (null) or an indicator row: later notes override
 * earlier ones field by field, and a row is not applicable once any note says so.
 */
export function evaluationNoteOf(actuals: ProjectActuals, index: number | null): EvaluationNote {
  const result: EvaluationNote = { index, notApplicable: false, notApplicableReason: '', analysis: '', points: null, gradePercent: null };
  for (const n of actuals.evaluation) {
    if (n.index !== index) continue;
    if (n.notApplicable) result.notApplicable = true;
    if (n.notApplicableReason.trim() !== '') result.notApplicableReason = n.notApplicableReason;
    if (n.analysis.trim() !== '') result.analysis = n.analysis;
    if (n.points !== null) result.points = n.points;
    if (n.gradePercent !== null) result.gradePercent = n.gradePercent;
  }
  return result;
}
