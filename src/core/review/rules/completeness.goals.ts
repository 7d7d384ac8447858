/** A project states its 绩效目标. */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'completeness.goals',
  family: 'completeness',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'project',
  check(context, report) {
    if (!context.project.goals.some((g) => g.text.trim() !== '')) report(context, 'goals', {});
  },
});
