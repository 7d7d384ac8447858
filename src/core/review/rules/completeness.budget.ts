/**
 * 预算数 is given, and so is where the money comes from (财政资金, 其他资金 or listed sources) where the
 * profile's form asks for it.
 */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'completeness.budget',
  family: 'completeness',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'project',
  check(context, report) {
    const { total, fiscal, other, sources } = context.project.budget;
    if (total === null) return report(context, 'budget.total', { part: 'total' });
    const { header } = context.document.printed;
    if (!header.has('fiscal') && !header.has('other')) return;
    if (fiscal === null && other === null && !sources.some((s) => s.amount !== null)) report(context, 'budget.fiscal', { part: 'split' });
  },
});
