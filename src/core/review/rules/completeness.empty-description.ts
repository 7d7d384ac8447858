/** Every indicator row names what it measures (三级 or 绩效指标描述). */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'completeness.empty-description',
  family: 'completeness',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'row',
  check(context, report) {
    if (context.label === '') report(context, 'indicators.description', {});
  },
});
