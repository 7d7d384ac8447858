/**
 * An indicator appears once per table (年度 and 长期 tables count apart): the same name twice is a
 * copy left behind, or two rows that should be told apart. Reported on the later row.
 */
import type { RowContext } from '../context.ts';
import { comparable } from '../terms.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'consistency.duplicate-indicator',
  family: 'consistency',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'project',
  check(context, report) {
    const seen = new Map<string, RowContext>();
    for (const r of context.rows) {
      if (r.label === '') continue;
      const key = r.indicator.term === 'annual' ? r.name : `\u0000${r.name}`;
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, r);
        continue;
      }
      const sameTarget = first.level2 === r.level2 && comparable(first.indicator.target) === comparable(r.indicator.target);
      report(r, 'indicators.description', { firstRow: first.row, sameTarget });
    }
  },
});
