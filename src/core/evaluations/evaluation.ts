/**
 * 绩效评价 of a project or a policy (财预〔2020〕10号《项目支出绩效评价管理办法》): a department's
 * (部门评价) or the finance bureau's (财政评价), carried out by the body itself or by a third party it
 * commissions (财预〔2021〕6号). Its result is a score out of 100, the grade that score falls in, the
 * findings (存在问题) and a report. See docs/evaluations.md.
 */
import Type from 'typebox';
import { gradeOf, type EvaluationSettings, type Grade } from '../evaluation/settings.ts';
import { dec, fixed } from '../model/decimal.ts';
import type { DecimalText } from '../model/document.ts';

/** 部门评价 (a department evaluates its units' spending) or 财政评价 (the finance bureau's own, 重点评价). */
export const EvaluationKind = Type.Union([Type.Literal('department'), Type.Literal('finance')]);
export type EvaluationKind = Type.Static<typeof EvaluationKind>;

/** planned 已布置 → inProgress 评价中 → submitted 已提交 → accepted 已验收 (a return goes back to inProgress). */
export const EvaluationState = Type.Union([
  Type.Literal('planned'),
  Type.Literal('inProgress'),
  Type.Literal('submitted'),
  Type.Literal('accepted'),
]);
export type EvaluationState = Type.Static<typeof EvaluationState>;

/** How much a finding weighs: 重大 / 一般 / 轻微. */
export const FindingSeverity = Type.Union([Type.Literal('major'), Type.Literal('moderate'), Type.Literal('minor')]);
export type FindingSeverity = Type.Static<typeof FindingSeverity>;

/** A score as the evaluator writes it: 0 to 100, at most two decimals (the bands need no finer); checked by `scored`. */
export const Score = Type.String({ maxLength: 10, description: '0–100，最多两位小数，如 "86.50"' });

const SCORE = /^\d{1,3}(\.\d{1,2})?$/;

/** The score kept as two decimals and its grade in the bureau's bands (default 优 ≥ 90, 良 ≥ 80, 中 ≥ 60). */
export function scored(score: DecimalText, settings: EvaluationSettings): { score: DecimalText; grade: Grade } {
  if (!SCORE.test(score.trim())) throw new RangeError('score');
  const d = dec(score.trim());
  if (d.gt(100)) throw new RangeError('score');
  return { score: fixed(d), grade: gradeOf(d.toString(), settings) };
}

/** What each step needs the evaluation to be in. */
export type EvaluationStep = 'record' | 'plan' | 'submit' | 'accept' | 'return';

const FROM: Record<EvaluationStep, readonly EvaluationState[]> = {
  // Recording (score, findings, report) and changing the plan stay open until it is handed in.
  record: ['planned', 'inProgress'],
  plan: ['planned', 'inProgress'],
  submit: ['planned', 'inProgress'],
  accept: ['submitted'],
  return: ['submitted'],
};

const TO: Record<EvaluationStep, (from: EvaluationState) => EvaluationState> = {
  record: () => 'inProgress',
  plan: (from) => from,
  submit: () => 'submitted',
  accept: () => 'accepted',
  return: () => 'inProgress',
};

/** The state after the step, or null when the step is not allowed in `from`. */
export function stateAfter(from: EvaluationState, step: EvaluationStep): EvaluationState | null {
  return FROM[step].includes(from) ? TO[step](from) : null;
}
