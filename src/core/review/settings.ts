/**
 * What a finance bureau may set for its own review (saved with the bureau as plain JSON).
 */
import { DEFAULT_FORM_2021_FROM_YEAR } from '../framework/framework.ts';
import type { Severity } from './finding.ts';

export interface ReviewSettings {
  /** The first budget year reviewed against the 2021 form (成本指标 as a 一级). */
  form2021FromYear: number;
  /** Rule ids the bureau does not apply. */
  disabledRules: readonly string[];
  /** Severities the bureau does not report (e.g. ['info']). */
  disabledSeverities: readonly Severity[];
  /** A bureau may weigh a rule differently, e.g. make an empty basis an error. */
  severityOverrides: Readonly<Record<string, Severity>>;
  /**
   * The project-code rule as a regular expression source. The default reads codes like
   * 315-0105-JBN-2D9U: unit prefix digits, a four-digit class, a three-letter type, a short id.
   */
  projectCodePattern: string;
}

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  form2021FromYear: DEFAULT_FORM_2021_FROM_YEAR,
  disabledRules: [],
  disabledSeverities: [],
  severityOverrides: {},
  projectCodePattern: '^\\d{3,9}-\\d{4}-[A-Z]{3}-[0-9A-Z]{2,8}$',
};

const compiled = new Map<string, RegExp>();

/** The project-code pattern, compiled once per distinct source. */
export function projectCodeRegExp(source: string): RegExp {
  let re = compiled.get(source);
  if (!re) {
    re = new RegExp(source);
    compiled.set(source, re);
  }
  return re;
}

const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * Throws a RangeError for settings a bureau cannot mean: an unknown rule id or severity (a typo
 * would silently keep a rule on), a project-code pattern that does not compile, a year outside
 * the budget years. `ruleIds` are the catalog's ids (the engine's `rules`).
 */
export function checkReviewSettings(s: ReviewSettings, ruleIds: ReadonlySet<string>): ReviewSettings {
  if (!Number.isInteger(s.form2021FromYear) || s.form2021FromYear < 1990 || s.form2021FromYear > 2100)
    throw new RangeError(`review settings: form2021FromYear ${s.form2021FromYear} is not a budget year`);
  for (const id of [...s.disabledRules, ...Object.keys(s.severityOverrides)])
    if (!ruleIds.has(id)) throw new RangeError(`review settings: no rule ${id}`);
  for (const severity of [...s.disabledSeverities, ...Object.values(s.severityOverrides)])
    if (!SEVERITIES.includes(severity)) throw new RangeError(`review settings: no severity ${severity}`);
  try {
    new RegExp(s.projectCodePattern);
  } catch {
    throw new RangeError(`review settings: projectCodePattern ${s.projectCodePattern} is not a regular expression`);
  }
  return s;
}
