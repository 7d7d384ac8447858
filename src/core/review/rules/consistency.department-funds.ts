/**
 * 部门整体 年度预算安排: 资金总额 = 项目支出 + 基本支出, exactly, and above zero (a 0 总额 is a form
 * exported before its amounts were filled in).
 */
import { sum } from '../../model/decimal.ts';
import { compareDecimal } from '../compare.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'consistency.department-funds',
  family: 'consistency',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'document',
  check(context, report) {
    const funds = context.document.department?.funds;
    if (!funds || funds.total === null) return;
    const { total, project, basic, amountUnit } = funds;
    if (compareDecimal(total, '0') <= 0)
      return report(context, 'department.funds.total', { problem: 'zero', total, sum: total, amountUnit });
    if (project === null && basic === null) return;
    const parts = sum([project, basic]);
    if (!parts.equals(total)) report(context, 'department.funds', { problem: 'sum', total, sum: parts.toString(), amountUnit });
  },
});
