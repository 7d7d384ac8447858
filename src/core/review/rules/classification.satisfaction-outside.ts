/** Satisfaction (满意度, 满意率, 认可度) is measured only under 满意度指标. */
import { level1Name } from '../../framework/framework.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'classification.satisfaction-outside',
  family: 'classification',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'indicators' },
  scope: 'row',
  check(context, report) {
    if (!context.satisfaction || context.level1 === null || context.level1 === 'satisfaction') return;
    report(context, 'indicators.level1', {
      level1: context.indicator.level1.trim(),
      suggested: level1Name('satisfaction', context.table.document.form),
    });
  },
});
