import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withProject, withRow } from '../testing.ts';

describe('completeness.template-text', () => {
  it('is silent on written fields, numbers of characters included', () => {
    expect(findingsOf('completeness.template-text', aDocument())).toEqual([]);
    expect(findingsOf('completeness.template-text', withRow({ description: '编印普法读本2000册，每册约5万字' }, 0))).toEqual([]);
  });

  it('reports the instructions 青神’s 自评表 left in, wherever they are', () => {
    const found = findingsOf('completeness.template-text', withProject({ useOfFunds: '结合自评情况,分析存在的问题及原因。(200字以内)' }));
    expect(found.map((f) => [f.field, f.message])).toEqual([
      ['useOfFunds', '项目 315-0105-JBN-2D9U 的资金用途仍是模板的填写说明："结合自评情况,分析存在的问题及原因。(200字以内)"。'],
    ]);
    expect(
      findingsOf('completeness.template-text', withRow({ explanation: '请填写指标的计算方法（限100字）' }, 2)).map((f) => f.field),
    ).toEqual(['indicators.explanation']);
    const goals = [{ term: 'annual' as const, text: '概述项目年度目标（300字以内）' }];
    expect(findingsOf('completeness.template-text', withProject({ goals }))).toHaveLength(1);
  });
});
