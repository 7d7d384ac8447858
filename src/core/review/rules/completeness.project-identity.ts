/** A project table names its project: 项目名称, and 项目编码 where the profile's form has the field. */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'completeness.project-identity',
  family: 'completeness',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'project',
  check(context, report) {
    if (context.project.code.trim() === '' && context.document.printed.header.has('code')) report(context, 'code', { part: 'code' });
    if (context.project.name.trim() === '') report(context, 'name', { part: 'name' });
  },
});
