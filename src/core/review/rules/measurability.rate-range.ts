/** A share lies within 0–100 % (0–1000 ‰). Growth rates and tolerances (±3%) may pass it and are left alone. */
import type { DecimalText } from '../../model/document.ts';
import { compareDecimal } from '../compare.ts';
import { GROWTH } from '../terms.ts';
import { defineRule } from '../rule.ts';

const outside = (v: DecimalText, max: DecimalText) => compareDecimal(v, '0') < 0 || compareDecimal(v, max) > 0;

export default defineRule({
  id: 'measurability.rate-range',
  family: 'measurability',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'quantified' },
  scope: 'row',
  check(context, report) {
    const t = context.target;
    if (t.kind !== 'quantitative') return;
    const share = t.unit === '%' || t.unit === '‰' || (t.unit === '' && context.percentLike);
    if (!share || GROWTH.test(context.wording)) return;
    // A tolerance (±3%) is a deviation either way, not a share: its lower bound is rightly below 0.
    if (t.operator === 'range' && t.upper !== null && t.value === `-${t.upper}`) return;
    const max = t.unit === '‰' ? '1000' : '100';
    if (outside(t.value, max) || (t.upper !== null && outside(t.upper, max))) report(context, 'indicators.target', { target: t.text });
  },
});
