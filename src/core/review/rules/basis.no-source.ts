/** A basis that neither restates the indicator nor names a plan, standard, history or document. */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'basis.no-source',
  family: 'basis',
  severity: 'info',
  source: { regulation: 'caiyu-2015-88', clause: 'standards' },
  scope: 'row',
  check(context, report) {
    if (context.basis === 'unsourced') report(context, 'indicators.basis', { basis: context.indicator.basis.trim() });
  },
});
