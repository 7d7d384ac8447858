/**
 * A rate (…率, 满意度, 覆盖) reads as a percentage: "≥95" on a 结案率 should be "≥95%". A bare 1 whose
 * stated standard is a percentage is a ratio, which consistency.percent-standard names.
 */
import { isPercentage } from '../../target-value/target-value.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'measurability.rate-percent',
  family: 'measurability',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'quantified' },
  scope: 'row',
  check(context, report) {
    const t = context.target;
    if (context.percentLike && t.kind === 'quantitative' && !isPercentage(t) && context.percentStandard === null)
      report(context, 'indicators.target', { target: t.text });
  },
});
