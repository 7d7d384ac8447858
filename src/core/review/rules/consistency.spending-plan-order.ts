/** The spending plan is cumulative: a later checkpoint never plans less than an earlier one. */
import { compareDecimal } from '../compare.ts';
import type { SpendingCheckpoint } from '../../model/document.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'consistency.spending-plan-order',
  family: 'consistency',
  severity: 'error',
  source: { regulation: 'caiyu-2019-136', clause: 'monitoring' },
  scope: 'project',
  check(context, report) {
    let previous: SpendingCheckpoint | null = null;
    for (const c of context.project.spendingPlan) {
      if (c.percent === null) continue;
      if (previous !== null && compareDecimal(c.percent, previous.percent!) < 0)
        report(context, 'spendingPlan', {
          from: previous.checkpoint,
          fromPercent: previous.percent!,
          to: c.checkpoint,
          toPercent: c.percent,
        });
      previous = c;
    }
  },
});
