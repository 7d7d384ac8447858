import { describe, expect, it } from 'vitest';
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
});
