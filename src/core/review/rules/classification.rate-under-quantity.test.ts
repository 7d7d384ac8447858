import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('classification.rate-under-quantity', () => {
  it('is silent for counts under 数量 and rates under 质量', () => {
    expect(findingsOf('classification.rate-under-quantity', aDocument())).toEqual([]);
  });

  it('reports closure, check and coverage rates filed as 数量', () => {
    for (const description of ['办理法律援助案件结案率', '社区矫正人员信息核查率', '购买装备业务部门覆盖率', '验收合格率'])
      expect(findingsOf('classification.rate-under-quantity', withRow({ description, target: '≥95%' })).map((f) => f.suggestion)).toEqual([
        '移到质量指标下；数量指标写提供了多少（如件数、人数）。',
      ]);
  });

  it('leaves timeliness rates and satisfaction to their own rules', () => {
    for (const description of ['案件办理及时率', '群众满意率'])
      expect(findingsOf('classification.rate-under-quantity', withRow({ description, target: '≥95%' }))).toEqual([]);
  });
});
