/**
 * 指标方向性 agrees with the relation: a 正向 indicator (more is better) is "≥" or ">", a 反向 one
 * "≤" or "<". "=" and ranges fit either. The relation is the target's own, or where the target is a
 * bare number, the one 指标性质 states.
 */
import { defineRule } from '../rule.ts';

const SENSE = { '≥': 'higher', '>': 'higher', '≤': 'lower', '<': 'lower' } as const;

export default defineRule({
  id: 'consistency.direction-operator',
  family: 'consistency',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'quantified' },
  scope: 'row',
  check(context, report) {
    const { sense, operator } = context.stated;
    if (sense === null) return;
    const t = context.target;
    let relation: string | null = null;
    if (t.kind === 'quantitative' && t.direction !== 'exact') relation = t.operator;
    else if (t.kind === 'quantitative' && operator !== null && operator.operator in SENSE) relation = operator.operator;
    if (relation === null || SENSE[relation as keyof typeof SENSE] === sense.sense) return;
    report(context, 'indicators.direction', { direction: sense.text, relation, expected: sense.sense });
  },
});
