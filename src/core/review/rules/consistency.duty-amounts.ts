/**
 * The 年度履职目标's 预算金额 split the department's funds by duty: the rows of project spending
 * together no more than 项目支出, and the rows a form gives to 基本支出 (宁德 lists one, its 支出项目
 * named 基本支出) no more than 基本支出.
 */
import { sum } from '../../model/decimal.ts';
import type { DecimalText } from '../../model/document.ts';
import { defineRule } from '../rule.ts';

const BASIC = '基本支出';

export default defineRule({
  id: 'consistency.duty-amounts',
  family: 'consistency',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'document',
  check(context, report) {
    const department = context.document.department;
    const funds = department?.funds;
    if (!funds || !department?.duties?.length) return;
    const amounts: Record<'project' | 'basic', (DecimalText | null)[]> = { project: [], basic: [] };
    for (const d of department.duties) amounts[d.projectName.trim() === BASIC ? 'basic' : 'project'].push(d.amount);
    for (const part of ['project', 'basic'] as const) {
      const limit = funds[part];
      if (limit === null || amounts[part].length === 0) continue;
      const duties = sum(amounts[part]);
      if (duties.gt(limit)) report(context, 'department.duties', { part, sum: duties.toString(), limit, amountUnit: funds.amountUnit });
    }
  },
});
