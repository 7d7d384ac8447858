/**
 * The 年度履职目标's 预算金额 are the department's project spending split by duty: together no
 * more than 项目支出 (基本支出 is not split by duty).
 */
import { sum } from '../../model/decimal.ts';
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'consistency.duty-amounts',
  family: 'consistency',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'document',
  check(context, report) {
    const department = context.document.department;
    const funds = department?.funds;
    if (!funds || funds.project === null || !department?.duties?.length) return;
    const duties = sum(department.duties.map((d) => d.amount));
    if (duties.gt(funds.project))
      report(context, 'department.duties', { sum: duties.toString(), project: funds.project, amountUnit: funds.amountUnit });
  },
});
