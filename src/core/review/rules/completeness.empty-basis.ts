/** Every indicator row has a 指标值确定依据, where the profile's form prints one. */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'completeness.empty-basis',
  family: 'completeness',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'standards' },
  scope: 'row',
  check(context, report) {
    if (context.indicator.basis.trim() === '' && context.table.document.printed.columns.has('basis'))
      report(context, 'indicators.basis', {});
  },
});
