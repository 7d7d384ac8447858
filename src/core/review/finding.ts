/** What the review engine (审核) reports. */

export type Severity = 'error' | 'warning' | 'info';

/**
 * The field a finding is about, as a path in the model: "budget.total", "spendingPlan",
 * "useOfFunds", "goals", "indicators.target", "indicators.basis", "department.subGoals", "unit.code", …
 */
export type FindingField = string;

export interface Finding {
  ruleId: string;
  severity: Severity;
  /** The project the finding is about; null for the department part or the whole document. */
  projectCode: string | null;
  /** 1-based row within the project's indicator table, when the finding is about a row. */
  indicatorIndex: number | null;
  field: FindingField;
  /** Chinese (or the chosen locale) message naming the place. */
  message: string;
  suggestion: string;
  /** The regulation the rule rests on, e.g. "财预〔2015〕88号". */
  source: string;
}
