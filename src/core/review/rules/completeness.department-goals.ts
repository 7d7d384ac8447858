/**
 * 部门整体绩效目标 has its three parts: 总体绩效目标, 分项绩效目标, 工作保障措施, where the profile's
 * form prints them; a 部门整体支出绩效目标表 (宁德) has its 年度总体目标, and a province's project form
 * none of them.
 */
import type { NumberedItem } from '../../model/document.ts';
import { defineRule } from '../rule.ts';

const hasText = (item: NumberedItem): boolean => item.text.trim() !== '' || item.children.some(hasText);

export default defineRule({
  id: 'completeness.department-goals',
  family: 'completeness',
  severity: 'warning',
  source: { regulation: 'caiyu-2015-88', clause: 'completeness' },
  scope: 'document',
  check(context, report) {
    const goals = context.document.department;
    const { profile } = context;
    const prose = profile.sections?.includes('departmentGoals') ?? false;
    if (!prose && profile.kind !== 'department') return;
    if (goals === null) return report(context, 'department', { part: 'all' });
    if (goals.overallGoal.trim() === '') report(context, 'department.overallGoal', { part: 'overallGoal' });
    if (!prose) return;
    if (!goals.subGoals.some(hasText)) report(context, 'department.subGoals', { part: 'subGoals' });
    if (!goals.safeguards.some(hasText)) report(context, 'department.safeguards', { part: 'safeguards' });
  },
});
