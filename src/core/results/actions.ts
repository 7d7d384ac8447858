/**
 * 结果应用: what an evaluation's grade recommends for the project's next-year budget (中发〔2018〕34号:
 * 评价结果与预算安排挂钩; 财预〔2020〕10号: 评价结果作为安排预算、调整政策、改进管理的重要依据). The
 * grade bands themselves are the bureau's evaluation settings (src/core/evaluation/settings.ts); the
 * action per grade is set in its review settings (`resultActions`), defaulting to the usual practice:
 * 优 keep or raise, 良 keep, 中 cut, 差 cut sharply or stop.
 */
import Type from 'typebox';
import type { Grade } from '../evaluation/settings.ts';

const Action = Type.String({ minLength: 1, maxLength: 100 });

export const ResultActions = Type.Object(
  { 优: Action, 良: Action, 中: Action, 差: Action },
  { additionalProperties: false, description: '评价等级对应的预算安排建议（结果应用）' },
);
export type ResultActions = Type.Static<typeof ResultActions>;

export const DEFAULT_RESULT_ACTIONS: ResultActions = { 优: '保持或增加', 良: '保持', 中: '压减', 差: '削减或取消' };

/**
 * The recommendation for a project: by its evaluation's grade where it has one (an evaluation by the
 * department or the bureau weighs more than the unit's own score), else by its self-evaluation's;
 * null with neither.
 */
export function recommendedAction(selfGrade: Grade | null, evaluationGrade: Grade | null, actions: ResultActions): string | null {
  const grade = evaluationGrade ?? selfGrade;
  return grade === null ? null : actions[grade];
}
