import { describe, expect, it } from 'vitest';
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
});
