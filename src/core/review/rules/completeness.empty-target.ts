/** Every indicator row has a 指标值. */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'completeness.empty-target',
  family: 'completeness',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'row',
  check(context, report) {
    if (context.target.kind === 'empty') report(context, 'indicators.target', {});
  },
});
