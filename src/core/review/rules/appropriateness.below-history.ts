/**
 * A target is not set below what the project already achieved (适当性; 历史标准) unless the row says
 * why: with last year's actual values at hand, "≥90%" where 96% was reached is too low, and so is
 * "≤5天" where 3 天 was — unless the basis or the remark gives a reason (../terms.ts LOWERING_REASON).
 * Silent without history, and where units or kinds differ.
 */
import { compareDecimal } from '../compare.ts';
import { parseTargetValue } from '../../target-value/parse.ts';
import { historyKey } from '../context.ts';
import { defineRule } from '../rule.ts';
import { LOWERING_REASON } from '../terms.ts';

export default defineRule({
  id: 'appropriateness.below-history',
  family: 'appropriateness',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'appropriateness' },
  scope: 'row',
  check(context, report) {
    const history = context.table.document.history;
    const t = context.target;
    // History is kept by project; department-wide rows have none.
    if (history === null || context.table.kind !== 'project' || t.kind !== 'quantitative' || t.direction === 'exact') return;
    const code = context.table.project.code;
    const past = history.get(historyKey(code, context.name)) ?? history.get(historyKey(code, context.label));
    if (past === undefined) return;
    const actual = parseTargetValue(past.actual);
    if (actual.kind !== 'quantitative' || actual.upper !== null || actual.unit !== t.unit) return;
    const order = compareDecimal(actual.value, t.value);
    const below = t.direction === 'higher' ? order > 0 : order < 0;
    const { basis, remark } = context.indicator;
    if (below && !LOWERING_REASON.test(basis) && !LOWERING_REASON.test(remark))
      report(context, 'indicators.target', { target: t.text, actual: past.actual, year: past.year ?? null });
  },
});
