/** A project code starts with its unit's prefix: 315-… belongs to unit 315002. */
import { defineRule } from '../rule.ts';

const PREFIX = /^(\d+)-/;

export default defineRule({
  id: 'consistency.project-code-unit',
  family: 'consistency',
  severity: 'warning',
  source: { regulation: 'bureau', clause: 'coding' },
  scope: 'project',
  check(context, report) {
    const unitCode = (context.project.unit.code ?? context.document.document.unit.code)?.trim();
    const prefix = PREFIX.exec(context.project.code.trim())?.[1];
    if (unitCode && prefix !== undefined && !unitCode.startsWith(prefix)) report(context, 'code', { prefix, unitCode });
  },
});
