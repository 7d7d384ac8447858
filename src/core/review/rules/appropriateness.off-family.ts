/**
 * A target far off what peers write for the same indicator (适当性: ambition against comparable
 * work): outside the peers' [min, max] widened by their spread, so that a family whose targets lie
 * between 90% and 100% flags 60% and not 85%. Where all peers wrote the same value there is no
 * spread, and a tenth of it is the margin (jixiao's default). Silent unless the family has at least
 * MIN_TARGETS peer targets from MIN_UNITS units: a handful of rows is no standard.
 */
import { Decimal } from '../../model/decimal.ts';
import { familyKey } from '../../library/family-key.ts';
import { defineRule } from '../rule.ts';

const MIN_TARGETS = 5;
const MIN_UNITS = 3;

export default defineRule({
  id: 'appropriateness.off-family',
  family: 'appropriateness',
  severity: 'info',
  source: { regulation: 'caiyu-2015-88', clause: 'appropriateness' },
  scope: 'row',
  check(context, report) {
    const peers = context.table.document.peers;
    const t = context.target;
    if (peers === null || t.kind !== 'quantitative' || t.upper !== null) return;
    const key = familyKey(context.indicator, t);
    const range = key === null ? undefined : peers.get(key);
    if (range === undefined || range.count < MIN_TARGETS || range.units < MIN_UNITS) return;
    const spread = new Decimal(range.max).minus(range.min);
    const margin = spread.isZero() ? new Decimal(range.median).abs().div(10) : spread;
    const value = new Decimal(t.value);
    if (value.lessThan(new Decimal(range.min).minus(margin)) || value.greaterThan(new Decimal(range.max).plus(margin)))
      report(context, 'indicators.target', {
        target: t.text,
        min: `${range.min}${range.unit}`,
        max: `${range.max}${range.unit}`,
        count: range.count,
        units: range.units,
      });
  },
});
