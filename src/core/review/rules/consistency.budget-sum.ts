/**
 * 财政资金 + 其他资金 = 预算数 exactly (an empty 其他资金 counts as none), and so do the listed
 * fund sources where a template lists them — on their own (财政拨款, 自有资金 …), or as the sources
 * besides 财政资金 (四川: 财政专户管理资金, 单位资金). Exact decimals: 0.1 + 0.2 is 0.3.
 */
import { Decimal, sum } from '../../model/decimal.ts';
import type { DecimalText } from '../../model/document.ts';
import { compareDecimal } from '../compare.ts';
import { defineRule } from '../rule.ts';

/** Shows a sum with as many decimals as the amounts it adds. */
const shown = (value: Decimal, amounts: readonly (DecimalText | null)[]): string =>
  value.toFixed(Math.max(0, ...amounts.map((a) => (a === null ? 0 : new Decimal(a).decimalPlaces()))));

export default defineRule({
  id: 'consistency.budget-sum',
  family: 'consistency',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'project',
  check(context, report) {
    const { budget, amountUnit } = context.project;
    const { total, fiscal, other, sources } = budget;
    if (total === null) return;
    const split = [fiscal, other];
    if (fiscal !== null || other !== null) {
      // One part alone must equal the total: compared without building decimals, the common case.
      const agrees =
        other === null
          ? compareDecimal(fiscal!, total) === 0
          : fiscal === null
            ? compareDecimal(other, total) === 0
            : sum(split).equals(total);
      if (!agrees) report(context, 'budget', { parts: 'split', sum: shown(sum(split), [total, ...split]), total, amountUnit });
    }
    const listed = sources.length === 0 ? [] : sources.map((s) => s.amount);
    if (listed.some((a) => a !== null)) {
      const s = sum(listed);
      // Without 财政资金 or 其他资金 a list may name only some sources (湘潭: 上级资金 0 of 250): only too much is wrong.
      const partial = fiscal === null && other === null;
      const agrees = partial ? !s.gt(total) : s.equals(total) || (fiscal !== null && s.plus(fiscal).equals(total));
      if (!agrees) report(context, 'budget.sources', { parts: 'sources', sum: shown(s, [total, ...listed]), total, amountUnit });
    }
  },
});
