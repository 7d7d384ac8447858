/**
 * What a finance bureau may set for its own review (saved with the bureau as plain JSON).
 */
import Type from 'typebox';
import { DEFAULT_FORM_2021_FROM_YEAR } from '../framework/framework.ts';
import { NonNegativeDecimalText } from '../model/document.ts';
import { DEFAULT_RESULT_ACTIONS, ResultActions } from '../results/actions.ts';
import { Severity, SEVERITIES } from './finding.ts';

export const ReviewSettings = Type.Object(
  {
    form2021FromYear: Type.Integer({
      minimum: 1990,
      maximum: 2100,
      description: 'first budget year reviewed against the 2021 form (成本指标 as a 一级)',
    }),
    disabledRules: Type.Array(Type.String(), { description: 'rule ids not applied' }),
    /** E.g. ['info']. */
    disabledSeverities: Type.Array(Severity, { description: 'severities not reported' }),
    /** A bureau may weigh a rule differently, e.g. make an empty basis an error. */
    severityOverrides: Type.Record(Type.String(), Severity, { description: 'rule id → severity' }),
    /**
     * The default reads codes like 315-0105-JBN-2D9U: unit prefix digits, a four-digit class, a
     * three-letter type, a short id.
     */
    projectCodePattern: Type.String({ maxLength: 500, description: 'the project-code rule as a regular expression' }),
    /**
     * 事前绩效评估: a new project whose 预算数 reaches this many 万元 needs an assessment before it is
     * submitted; "0" (the default, as the 办法 read set no national amount) asks for none. Optional so
     * that settings saved before it keep their meaning.
     */
    exAnteThreshold: Type.Optional(NonNegativeDecimalText),
    /** 结果应用: the budget action each evaluation grade recommends (src/core/results/actions.ts); optional as above. */
    resultActions: Type.Optional(ResultActions),
  },
  { additionalProperties: false, description: 'the review engine’s settings (src/core/review/settings.ts)' },
);
export type ReviewSettings = Type.Static<typeof ReviewSettings>;

export const DEFAULT_REVIEW_SETTINGS: ReviewSettings = {
  form2021FromYear: DEFAULT_FORM_2021_FROM_YEAR,
  disabledRules: [],
  disabledSeverities: [],
  severityOverrides: {},
  projectCodePattern: '^\\d{3,9}-\\d{4}-[A-Z]{3}-[0-9A-Z]{2,8}$',
  exAnteThreshold: '0',
  resultActions: DEFAULT_RESULT_ACTIONS,
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
