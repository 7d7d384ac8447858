/** Each checkpoint of the cumulative spending plan is a share of the budget: 0–100 %. */
import { compareDecimal } from '../compare.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'consistency.spending-plan-range',
  family: 'consistency',
  severity: 'error',
  source: { regulation: 'caiyu-2019-136', clause: 'monitoring' },
  scope: 'project',
  check(context, report) {
    for (const { checkpoint, percent } of context.project.spendingPlan) {
      if (percent === null) continue;
      if (compareDecimal(percent, '0') < 0 || compareDecimal(percent, '100') > 0) report(context, 'spendingPlan', { checkpoint, percent });
    }
  },
});
