/** 资金用途 says what the money pays for, where the profile's form has the field. */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'completeness.use-of-funds',
  family: 'completeness',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'project',
  check(context, report) {
    if (context.project.useOfFunds.trim() === '' && context.document.printed.header.has('useOfFunds')) report(context, 'useOfFunds', {});
  },
});
