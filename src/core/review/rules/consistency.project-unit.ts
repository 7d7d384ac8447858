/** A project's unit line names the document's unit. */
import type { Unit } from '../../model/document.ts';
import { comparable } from '../terms.ts';
import { defineRule } from '../rule.ts';

const shown = (u: Unit): string => `${u.code ?? ''}${u.name}`;

export default defineRule({
  id: 'consistency.project-unit',
  family: 'consistency',
  severity: 'warning',
  source: { regulation: 'caiyu-2016-143', clause: 'disclosure' },
  scope: 'project',
  check(context, report) {
    const mine = context.project.unit;
    const theirs = context.document.document.unit;
    const codes = mine.code && theirs.code && mine.code.trim() !== theirs.code.trim();
    const names = mine.name.trim() && theirs.name.trim() && comparable(mine.name) !== comparable(theirs.name);
    if (codes || names) report(context, 'unit', { projectUnit: shown(mine), documentUnit: shown(theirs) });
  },
});
