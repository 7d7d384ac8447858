/** A project with a target table has money: 预算数 above zero. */
import { compareDecimal } from '../compare.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'consistency.budget-positive',
  family: 'consistency',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'appropriateness' },
  scope: 'project',
  check(context, report) {
    const { budget, amountUnit } = context.project;
    if (budget.total !== null && compareDecimal(budget.total, '0') <= 0)
      report(context, 'budget.total', { total: budget.total, amountUnit });
  },
});
