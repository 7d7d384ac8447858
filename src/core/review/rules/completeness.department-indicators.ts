/**
 * A 部门整体支出绩效目标表 — the profile is one, or the department part carries its 资金 or
 * 履职目标 — has department-wide indicators.
 */
import { defineRule } from '../rule.ts';

export default defineRule({
  id: 'completeness.department-indicators',
  family: 'completeness',
  severity: 'error',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'document',
  check(context, report) {
    const department = context.document.department;
    const isTable = context.profile.kind === 'department' || Boolean(department?.funds) || Boolean(department?.duties?.length);
    if (isTable && !department?.indicators?.length) report(context, 'department.indicators', {});
  },
});
