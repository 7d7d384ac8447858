import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

const code = '315-0105-JBN-2D9U';
const history = (description: string, actual: string, year?: number) => [
  { projectCode: code, description, actual, ...(year ? { year } : {}) },
];

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

  it('reports a higher-is-better target below last year’s actual, citing both figures', () => {
    const found = findingsOf('appropriateness.below-history', aDocument(), { history: history('法律援助案件结案率', '98%') });
    expect(found.map((f) => [f.indicatorIndex, f.message])).toEqual([
      [2, '项目 315-0105-JBN-2D9U 第 2 行「法律援助案件结案率」的指标值"≥95%"低于上年实际完成的"98%"，且未说明理由。'],
    ]);
  });

  it('names the year of the actual where history knows it', () => {
    const found = findingsOf('appropriateness.below-history', aDocument(), { history: history('法律援助案件结案率', '98%', 2020) });
    expect(found.map((f) => f.message)).toEqual([
      '项目 315-0105-JBN-2D9U 第 2 行「法律援助案件结案率」的指标值"≥95%"低于2020年实际完成的"98%"，且未说明理由。',
    ]);
  });

  it('is silent where the basis or the remark says why the target is lower', () => {
    const h = { history: history('法律援助案件结案率', '98%', 2020) };
    expect(findingsOf('appropriateness.below-history', withRow({ basis: '因受援案件难度增加，目标下调（历史标准）' }, 1), h)).toEqual([]);
    expect(findingsOf('appropriateness.below-history', withRow({ remark: '2021年起承办律师减少' }, 1), h)).toEqual([]);
    // 因素 names no cause.
    expect(findingsOf('appropriateness.below-history', withRow({ basis: '综合考虑各种因素（计划标准）' }, 1), h)).toHaveLength(1);
  });

  it('reports a lower-is-better target looser than last year’s actual', () => {
    const found = findingsOf('appropriateness.below-history', aDocument(), { history: history('法律援助申请审查时限 ', '5个工作日') });
    expect(found.map((f) => f.indicatorIndex)).toEqual([3]);
  });
});
