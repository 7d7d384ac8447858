/** A qualitative target is graded (有所提升/明显提升/显著提升), not a bare direction (提高, 降低). */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'measurability.ungraded-trend',
  family: 'measurability',
  severity: 'info',
  source: { regulation: 'caiyu-2015-88', clause: 'quantified' },
  scope: 'row',
  check(context, report) {
    const t = context.target;
    if (t.kind === 'qualitative' && t.scale === 'trend') report(context, 'indicators.target', { target: t.text });
  },
});
