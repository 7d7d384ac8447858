/**
 * The document states its budget year: the year decides the form it is reviewed against
 * (成本 as a 一级 from 2021). Without one the newer form applies, and the document is told so.
 */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'completeness.year',
  family: 'completeness',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'document',
  check(context, report) {
    if (context.document.year === null) report(context, 'year', { form: context.form });
  },
});
