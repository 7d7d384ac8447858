/** A share lies within 0–100 % (0–1000 ‰). Growth rates may exceed it and are left alone. */
import { dec } from '../../model/decimal.ts';
import { GROWTH } from '../terms.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'measurability.rate-range',
  family: 'measurability',
  severity: 'error',
  source: { regulation: 'caiyu-2021-101', clause: 'values' },
  scope: 'row',
  check(context, report) {
    const t = context.target;
    if (t.kind !== 'quantitative') return;
    const share = t.unit === '%' || t.unit === '‰' || (t.unit === '' && context.percentLike);
    if (!share || GROWTH.test(context.wording)) return;
    const max = t.unit === '‰' ? 1000 : 100;
    const outside = (v: string) => dec(v).lt(0) || dec(v).gt(max);
    if (outside(t.value) || (t.upper !== null && outside(t.upper))) report(context, 'indicators.target', { target: t.text });
  },
});
