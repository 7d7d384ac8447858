/** What the review engine (审核) reports. */
import Type from 'typebox';

export const Severity = Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]);
export type Severity = Type.Static<typeof Severity>;

/** In the order a list shows them, most serious first. */
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info'];

/**
 * The field a finding is about, as a path in the model: "budget.total", "spendingPlan",
 * "useOfFunds", "goals", "indicators.target", "indicators.basis", "department.subGoals", "unit.code", …
 */
export type FindingField = string;

export const Finding = Type.Object({
  ruleId: Type.String(),
  severity: Severity,
  /** The project the finding is about; null for the department part or the whole document. */
  projectCode: Type.Union([Type.String(), Type.Null()]),
  indicatorIndex: Type.Union([Type.Integer({ description: '1-based row within the project' }), Type.Null()]),
  field: Type.String(),
  /** Chinese (or the chosen locale) message naming the place. */
  message: Type.String(),
  suggestion: Type.String(),
  /** The regulation the rule rests on, e.g. "财预〔2015〕88号". */
  source: Type.String(),
});
export type Finding = Type.Static<typeof Finding>;
