/**
 * A number says what it counts: "100" alone on 专线费用 could be 元, 万元 or a share. Rates are
 * measurability.rate-percent's. The suggestion names the unit the row implies where it can:
 * a number with a unit in the description, a basis that names a rate, or a counted noun.
 */
import { IMPLIED_UNITS, PERCENT_LIKE, STATED_QUANTITY } from '../terms.ts';
import type { RowContext } from '../context.ts';
import { defineRule } from '../rule.ts';

function impliedUnit(context: RowContext): string | null {
  const stated = context.wording.matchAll(STATED_QUANTITY).next();
  if (!stated.done) return stated.value[2]!.replace('％', '%');
  if (PERCENT_LIKE.test(context.indicator.basis)) return '%';
  for (const [words, unit] of IMPLIED_UNITS) if (words.test(context.wording)) return unit;
  return null;
}

export default defineRule({
  id: 'measurability.missing-unit',
  family: 'measurability',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'quantified' },
  scope: 'row',
  check(context, report) {
    const t = context.target;
    if (t.kind === 'quantitative' && t.unit === '' && !context.percentLike)
      report(context, 'indicators.target', { target: t.text, unit: impliedUnit(context) });
  },
});
