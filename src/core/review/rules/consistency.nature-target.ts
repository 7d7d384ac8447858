/**
 * 指标性质 agrees with 指标值: a stated relation ("≥") points the way the target's does, a 定性 row
 * has a grade rather than a number, a 定量 row a number rather than a grade. A bare number takes its
 * relation from 指标性质 (四川 prints "=" | "100" | "%"), so only a target that writes its own
 * relation can disagree.
 */
import { OPERATOR_DIRECTION } from '../../target-value/target-value.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'consistency.nature-target',
  family: 'consistency',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'quantified' },
  scope: 'row',
  check(context, report) {
    const { operator, kind } = context.stated;
    const t = context.target;
    if (kind !== null && t.kind === (kind.kind === 'qualitative' ? 'quantitative' : 'qualitative'))
      report(context, 'indicators.nature', { nature: kind.text, target: t.text, problem: kind.kind });
    else if (
      operator !== null &&
      t.kind === 'quantitative' &&
      t.direction !== 'exact' &&
      OPERATOR_DIRECTION[operator.operator] !== t.direction
    )
      report(context, 'indicators.nature', { nature: operator.text, target: t.text, problem: 'relation' });
  },
});
