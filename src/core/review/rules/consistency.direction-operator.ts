/**
 * 指标方向性 agrees with the relation: a 正向 indicator (more is better) is "≥" or ">", a 反向 one
 * "≤" or "<". "=" and ranges fit either. The relation is the target's own, or where the target is a
 * bare number, the one 指标性质 states.
 */
import type { Operator } from '../../target-value/target-value.ts';
import { defineRule } from '../rule.ts';

const SENSE: Partial<Record<Operator, 'higher' | 'lower'>> = { '≥': 'higher', '>': 'higher', '≤': 'lower', '<': 'lower' };

export default defineRule({
  id: 'consistency.direction-operator',
  family: 'consistency',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'quantified' },
  scope: 'row',
  check(context, report) {
    const { sense, operator } = context.stated;
    const t = context.target;
    if (sense === null || t.kind !== 'quantitative') return;
    const relation = t.direction !== 'exact' ? t.operator : operator?.operator;
    const relationSense = relation === undefined ? undefined : SENSE[relation];
    if (relationSense === undefined || relationSense === sense.sense) return;
    report(context, 'indicators.direction', { direction: sense.text, relation: relation!, expected: sense.sense });
  },
});
