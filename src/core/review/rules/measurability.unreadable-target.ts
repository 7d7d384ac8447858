/**
 * A target is quantified (relation, number, unit) or a recognised grade (财预〔2015〕88号: 细化、量化,
 * 不能量化的用定性的分级分档). What the target-value grammar cannot read, nobody can score.
 */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'measurability.unreadable-target',
  family: 'measurability',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'quantified' },
  scope: 'row',
  check(context, report) {
    if (context.target.kind === 'unreadable') report(context, 'indicators.target', { target: context.target.text });
  },
});
