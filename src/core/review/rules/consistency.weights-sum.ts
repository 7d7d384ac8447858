/**
 * The annual rows' weights add up to the form's total (profile.totalPoints: 90 where 预算执行 takes
 * 10, or 100), exactly. A row without a weight is completeness.weight's.
 */
import { sum } from '../../model/decimal.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'consistency.weights-sum',
  family: 'consistency',
  severity: 'error',
  source: { regulation: 'caiyu-2020-10', clause: 'weights' },
  scope: 'project',
  check(context, report) {
    const { weights, totalPoints } = context.document.profile;
    if (weights !== 'column' || totalPoints === null) return;
    const annual = context.rows.filter((r) => r.indicator.term === 'annual').map((r) => r.indicator.weight ?? null);
    if (annual.length === 0 || annual.includes(null)) return;
    const total = sum(annual);
    if (!total.equals(totalPoints)) report(context, 'indicators.weight', { sum: total.toString(), total: totalPoints });
  },
});
