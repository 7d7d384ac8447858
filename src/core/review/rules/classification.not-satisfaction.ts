/** Under 满意度指标 only the satisfaction of those served is measured. */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'classification.not-satisfaction',
  family: 'classification',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'indicators' },
  scope: 'row',
  check(context, report) {
    if (context.level1 === 'satisfaction' && context.label !== '' && !context.satisfaction) report(context, 'indicators.description', {});
  },
});
