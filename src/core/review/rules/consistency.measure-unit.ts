/** 度量单位 agrees with the unit the 指标值 writes: "%" beside "≥500人次" says two things. */
import { toHalfWidth } from '../../text/half-width.ts';
import { defineRule } from '../rule.ts';

/** Units compared without width, spaces or the slash some forms write ("人/次" is "人次"). */
const bare = (unit: string): string => toHalfWidth(unit).replace(/[\s/／]/g, '');

export default defineRule({
  id: 'consistency.measure-unit',
  family: 'consistency',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'quantified' },
  scope: 'row',
  check(context, report) {
    const unit = context.indicator.measureUnit?.trim();
    const t = context.target;
    if (!unit || t.kind !== 'quantitative' || t.unit === '' || bare(unit) === bare(t.unit)) return;
    report(context, 'indicators.measureUnit', { measureUnit: unit, target: t.text, unit: t.unit });
  },
});
