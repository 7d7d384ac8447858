/** Where the profile's form weights each indicator (权重/分值 column), every annual row has its weight. */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'completeness.weight',
  family: 'completeness',
  severity: 'error',
  source: { regulation: 'caiyu-2020-10', clause: 'weights' },
  scope: 'row',
  check(context, report) {
    if (context.table.document.profile.weights !== 'column' || context.indicator.term !== 'annual') return;
    const weight = context.indicator.weight;
    if (weight === null || weight === undefined) report(context, 'indicators.weight', { profile: context.table.document.profile.title });
  },
});
