/** Each project of a document has its own code. */
import type { ProjectContext } from '../context.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'consistency.duplicate-project-code',
  family: 'consistency',
  severity: 'error',
  source: { regulation: 'bureau', clause: 'coding' },
  scope: 'document',
  check(context, report) {
    const seen = new Map<string, ProjectContext>();
    for (const p of context.projects) {
      const code = p.project.code.trim();
      if (code === '') continue;
      const first = seen.get(code);
      if (first === undefined) seen.set(code, p);
      else report(p, 'code', { ordinal: p.ordinal, firstOrdinal: first.ordinal, firstName: first.project.name });
    }
  },
});
