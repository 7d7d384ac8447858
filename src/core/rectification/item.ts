/**
 * 整改 (rectification): an item opened from a finding — of a target review, a self-evaluation check
 * or an evaluation — that the unit answers (its response and evidence files) and the bureau closes or
 * reopens (中发〔2018〕34号, 财预〔2020〕10号: 评价发现的问题督促整改). The item keeps the finding's text
 * as it was when opened: the finding itself may later change or vanish with an edit.
 */
import Type from 'typebox';

/**
 * Where the item comes from, beside the document (and project, indicator) it concerns. Review and
 * self-evaluation findings are computed, not stored, so the reference names the finding's rule (the
 * place is the item's own project and indicator); an evaluation's findings are rows of the evaluation
 * (issue 17 part 2, merged separately), named by their ids.
 */
export const RectificationSource = Type.Union([
  Type.Object(
    { kind: Type.Literal('review'), ruleId: Type.String({ minLength: 1, maxLength: 100 }) },
    { additionalProperties: false, description: '目标审核的审核意见（规则编号）' },
  ),
  Type.Object(
    { kind: Type.Literal('selfEvaluation'), ruleId: Type.String({ minLength: 1, maxLength: 100 }) },
    { additionalProperties: false, description: '绩效自评检查发现的问题（规则编号）' },
  ),
  Type.Object(
    {
      kind: Type.Literal('evaluation'),
      evaluationId: Type.Integer({ minimum: 1 }),
      // Required when the item is opened; null only were the finding later removed (0023-rectification).
      findingId: Type.Union([Type.Integer({ minimum: 1 }), Type.Null()], { description: '评价发现的编号（下达时必填）' }),
    },
    { additionalProperties: false, description: '部门评价、财政评价或第三方评价的评价发现（评价编号与发现编号）' },
  ),
]);
export type RectificationSource = Type.Static<typeof RectificationSource>;
export type SourceKind = RectificationSource['kind'];

export const RectificationState = Type.Union(
  [Type.Literal('open'), Type.Literal('responded'), Type.Literal('closed'), Type.Literal('reopened')],
  { description: 'open 待整改 / responded 已反馈 / closed 已销号 / reopened 重新整改' },
);
export type RectificationState = Type.Static<typeof RectificationState>;

export type RectificationStep = 'respond' | 'close' | 'reopen';

/**
 * What each step may follow: the unit responds to an item it still has to act on (again, to add
 * to an answer the bureau has not judged yet); the bureau closes an answered item, or reopens an
 * answered or closed one it finds wanting.
 */
const FROM: Record<RectificationStep, readonly RectificationState[]> = {
  respond: ['open', 'reopened', 'responded'],
  close: ['responded'],
  reopen: ['responded', 'closed'],
};
const TO: Record<RectificationStep, RectificationState> = { respond: 'responded', close: 'closed', reopen: 'reopened' };

/** The state after the step, or null when the step does not apply in this state. */
export function nextState(state: RectificationState, step: RectificationStep): RectificationState | null {
  return FROM[step].includes(state) ? TO[step] : null;
}

/** States in which the unit still owes an answer: past the deadline in one of them, the item is overdue. */
export const AWAITING_UNIT: readonly RectificationState[] = ['open', 'reopened'];
/** Not yet closed: what next year's draft carries on. */
export const UNRESOLVED: readonly RectificationState[] = ['open', 'responded', 'reopened'];

/** Overdue: the unit owes an answer and the deadline (inclusive) has passed. Dates as YYYY-MM-DD. */
export const isOverdue = (state: RectificationState, deadline: string, today: string): boolean =>
  AWAITING_UNIT.includes(state) && deadline < today;
