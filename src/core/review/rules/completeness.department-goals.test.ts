import { describe, expect, it } from 'vitest';
import { hebei2020 } from '../../forms/profiles/hebei-2020.ts';
import { aDocument, findingsOf } from '../testing.ts';

describe('completeness.department-goals', () => {
  it('is silent when the three parts are there', () => {
    expect(findingsOf('completeness.department-goals', aDocument())).toEqual([]);
  });

  it('names each missing part', () => {
    const doc = aDocument({ department: { overallGoal: ' ', subGoals: [], safeguards: [{ label: '一、', text: '', children: [] }] } });
    const found = findingsOf('completeness.department-goals', doc);
    expect(found.map((f) => f.field)).toEqual(['department.overallGoal', 'department.subGoals', 'department.safeguards']);
    expect(found[1]).toMatchObject({ projectCode: null, indicatorIndex: null, severity: 'warning' });
    expect(found[1]!.message).toBe('部门整体绩效目标缺少分项绩效目标。');
  });

  it('counts a nested item as content', () => {
    const doc = aDocument({
      department: {
        overallGoal: '目标',
        subGoals: [{ label: '一、', text: '', children: [{ label: '（一）', text: '强化人民调解。', children: [] }] }],
        safeguards: [{ label: '一、', text: '措施', children: [] }],
      },
    });
    expect(findingsOf('completeness.department-goals', doc)).toEqual([]);
  });

  it('reports a document without part one once', () => {
    const found = findingsOf('completeness.department-goals', aDocument({ department: null }));
    expect(found.map((f) => [f.field, f.message])).toEqual([['department', '本文件没有部门整体绩效目标。']]);
  });

  it('asks a 部门整体支出绩效目标表 only for its 年度总体目标, and a province’s project form for none of it', () => {
    const { sections: _, ...provincial } = hebei2020;
    const department = { ...provincial, kind: 'department' as const };
    const prose = aDocument({ department: { overallGoal: '', subGoals: [], safeguards: [] } });
    expect(findingsOf('completeness.department-goals', prose, { profile: department }).map((f) => f.field)).toEqual([
      'department.overallGoal',
    ]);
    expect(findingsOf('completeness.department-goals', aDocument({ department: null }), { profile: provincial })).toEqual([]);
  });
});
