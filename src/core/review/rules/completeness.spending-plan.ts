/**
 * 资金支出计划 is given, with a percentage at every checkpoint (monitoring compares execution with it),
 * where the profile's form has one.
 */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'completeness.spending-plan',
  family: 'completeness',
  severity: 'error',
  source: { regulation: 'caiyu-2019-136', clause: 'monitoring' },
  scope: 'project',
  check(context, report) {
    const plan = context.project.spendingPlan;
    if (plan.length === 0 && !context.document.profile.sections?.includes('spendingPlan')) return;
    if (plan.length === 0) return report(context, 'spendingPlan', { checkpoint: null });
    for (const c of plan) if (c.percent === null) report(context, 'spendingPlan', { checkpoint: c.checkpoint });
  },
});
