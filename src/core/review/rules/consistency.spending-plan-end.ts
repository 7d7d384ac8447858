/**
 * By the last checkpoint (12月底 in the seed) the whole budget is planned: 100 %.
 * A last value above 100 is consistency.spending-plan-range's, an empty one completeness.spending-plan's.
 */
import { compareDecimal } from '../compare.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'consistency.spending-plan-end',
  family: 'consistency',
  severity: 'error',
  source: { regulation: 'caiyu-2019-136', clause: 'monitoring' },
  scope: 'project',
  check(context, report) {
    const last = context.project.spendingPlan.at(-1);
    if (last === undefined || last.percent === null) return;
    if (compareDecimal(last.percent, '100') < 0) report(context, 'spendingPlan', { checkpoint: last.checkpoint, percent: last.percent });
  },
});
