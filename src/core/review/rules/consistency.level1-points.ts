/**
 * Where the form states a 一级's points ("成本指标(0-20)分", "产出指标(60分)"), the weights of its
 * rows add up to an amount within them.
 */
import { sum } from '../../model/decimal.ts';
import type { DecimalText } from '../../model/document.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'consistency.level1-points',
  family: 'consistency',
  severity: 'error',
  source: { regulation: 'caiyu-2020-10', clause: 'weights' },
  scope: 'project',
  check(context, report) {
    const profile = context.document.profile;
    if (profile.weights !== 'column') return;
    for (const level1 of profile.level1) {
      if (level1.points === undefined) continue;
      const weights: (DecimalText | null)[] = [];
      for (const r of context.rows) if (r.indicator.term === 'annual' && r.level1 === level1.kind) weights.push(r.indicator.weight ?? null);
      if (weights.length === 0 || weights.includes(null)) continue;
      const total = sum(weights);
      const { min, max } = level1.points;
      if (total.lt(min) || total.gt(max)) report(context, 'indicators.weight', { level1: level1.name, sum: total.toString(), min, max });
    }
  },
});
