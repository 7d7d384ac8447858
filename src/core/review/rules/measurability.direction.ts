/**
 * The relation points the way the measure improves: a 满意度 or 结案率 is ≥, a 投诉 or 事故 count ≤.
 * Names that hold both kinds of word (投诉处理满意率) are left alone.
 */
import { HIGHER_IS_BETTER, LOWER_IS_BETTER } from '../terms.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'measurability.direction',
  family: 'measurability',
  severity: 'warning',
  source: { regulation: 'caiyu-2021-101', clause: 'values' },
  scope: 'row',
  check(context, report) {
    const t = context.target;
    if (t.kind !== 'quantitative' || t.direction === 'exact') return;
    const higher = HIGHER_IS_BETTER.test(context.wording);
    if (higher === LOWER_IS_BETTER.test(context.wording)) return;
    const expected = higher ? 'higher' : 'lower';
    if (t.direction !== expected) report(context, 'indicators.target', { target: t.text, expected });
  },
});
