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
  source: { regulation: 'caiyu-2015-88', clause: 'quantified' },
  scope: 'row',
  check(context, report) {
    const t = context.target;
    if (t.kind !== 'quantitative' || t.direction === 'exact') return;
    // Only a word of the other kind can make the relation wrong: test for it first, it rarely matches.
    const [wrong, right] = t.direction === 'higher' ? [LOWER_IS_BETTER, HIGHER_IS_BETTER] : [HIGHER_IS_BETTER, LOWER_IS_BETTER];
    if (!wrong.test(context.wording) || right.test(context.wording)) return;
    report(context, 'indicators.target', { target: t.text, expected: t.direction === 'higher' ? 'lower' : 'higher' });
  },
});
