/** A range runs from the lower bound to the upper: "90-100", not "100-90". */
import { compareDecimal } from '../compare.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'measurability.range-order',
  family: 'measurability',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'quantified' },
  scope: 'row',
  check(context, report) {
    const t = context.target;
    if (t.kind === 'quantitative' && t.upper !== null && compareDecimal(t.value, t.upper) > 0)
      report(context, 'indicators.target', { target: t.text });
  },
});
