import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf } from '../testing.ts';

const code = '315-0105-JBN-2D9U';
const history = (description: string, actual: string) => [{ projectCode: code, description, actual }];

describe('appropriateness.below-history', () => {
  it('is silent without history, and when targets reach last year’s actual', () => {
    expect(findingsOf('appropriateness.below-history', aDocument())).toEqual([]);
    for (const h of [
      history('法律援助案件结案率', '95%'),
      history('法律援助案件结案率', '93.5%'),
      history('法律援助申请审查时限', '7个工作日'),
      history('办理法律援助案件数量', '96%'),
      history('其他指标', '99%'),
    ])
      expect(findingsOf('appropriateness.below-history', aDocument(), { history: h })).toEqual([]);
  });

  it('reports a higher-is-better target below last year’s actual', () => {
    const found = findingsOf('appropriateness.below-history', aDocument(), { history: history('法律援助案件结案率', '98%') });
    expect(found.map((f) => [f.indicatorIndex, f.message])).toEqual([
      [2, '项目 315-0105-JBN-2D9U 第 2 行「法律援助案件结案率」的指标值"≥95%"低于上年实际完成的"98%"。'],
    ]);
  });

  it('reports a lower-is-better target looser than last year’s actual', () => {
    const found = findingsOf('appropriateness.below-history', aDocument(), { history: history('法律援助申请审查时限 ', '5个工作日') });
    expect(found.map((f) => f.indicatorIndex)).toEqual([3]);
  });
});
