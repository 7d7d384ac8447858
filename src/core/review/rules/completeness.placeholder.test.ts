import { describe, expect, it } from 'vitest';
import { annualRow } from '../../model/indicator.testing.ts';
import { aDocument, aProject, findingsOf, placesOf, withProject, withRow } from '../testing.ts';

describe('completeness.placeholder', () => {
  it('is silent on filled cells, numbered goals and ellipses within a text', () => {
    expect(findingsOf('completeness.placeholder', aDocument())).toEqual([]);
    const goals = [{ term: 'annual' as const, text: '目标1：全年办理法律援助案件不少于120件……确保结案率。' }];
    expect(findingsOf('completeness.placeholder', withProject({ goals }))).toEqual([]);
    expect(findingsOf('completeness.placeholder', withRow({ description: '指标体系建设完成率' }, 1))).toEqual([]);
    expect(findingsOf('completeness.placeholder', withProject({ name: 'XBRL财务报告系统维护' }))).toEqual([]);
  });

  it('reports 指标1, 目标1, XXX and an ellipsis left as the whole cell, where they are', () => {
    const project = aProject({ goals: [{ term: 'annual', text: '目标1' }], useOfFunds: '用于XXX工作' });
    project.indicators[0] = { ...project.indicators[0]!, level3: '指标1' };
    project.indicators[2] = { ...project.indicators[2]!, target: '……' };
    const found = findingsOf('completeness.placeholder', aDocument({ projects: [project] }));
    expect(found.map((f) => [f.indicatorIndex, f.field])).toEqual([
      [null, 'useOfFunds'],
      [null, 'goals'],
      [1, 'indicators.level3'],
      [3, 'indicators.target'],
    ]);
    expect(found[2]!.message).toBe('项目 315-0105-JBN-2D9U 第 1 行「指标1」的三级指标"指标1"是模板的占位内容，没有填写。');
    expect(placesOf('completeness.placeholder', withRow({ basis: 'xxx' }, 4))).toEqual(['315-0105-JBN-2D9U#5']);
  });

  it('reads the department part too: its prose, 履职目标 and department-wide rows (宁德’s 三级 "指标1")', () => {
    const doc = aDocument();
    doc.department = {
      ...doc.department!,
      overallGoal: '目标1',
      duties: [{ duty: 'XXX', task: '完成年度任务', projectName: '年鉴编纂', amount: '49.8' }],
      indicators: [
        annualRow('产出指标', '数量指标', '', '≥1部', '年度工作计划'),
        annualRow('产出指标', '质量指标', '', '100%', '计划标准'),
      ],
    };
    doc.department.indicators![1]!.level3 = '指标2';
    const found = findingsOf('completeness.placeholder', doc);
    expect(found.map((f) => [f.projectCode, f.indicatorIndex, f.field])).toEqual([
      [null, null, 'department.overallGoal'],
      [null, null, 'department.duties'],
      [null, 2, 'department.indicators.level3'],
    ]);
    expect(found[2]!.message).toBe('部门整体绩效指标 第 2 行「指标2」的三级指标"指标2"是模板的占位内容，没有填写。');
  });
});
