import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('consistency.percent-standard', () => {
  it('is silent where the target is a percentage, or its standard is no percentage', () => {
    expect(findingsOf('consistency.percent-standard', aDocument())).toEqual([]);
    for (const row of [
      { explanation: '100%(历史标准)', target: '100%' },
      { explanation: '2019年12月(计划标准)', target: '100%' },
      { explanation: '', basis: '计划标准', target: '1' },
      { explanation: '1%(计划标准)', target: '1' },
    ])
      expect(findingsOf('consistency.percent-standard', withRow(row, 1)), JSON.stringify(row)).toEqual([]);
  });

  it('reports 宁德’s "1" against "90%(计划标准)", and against a basis naming 100%', () => {
    const found = findingsOf('consistency.percent-standard', withRow({ explanation: '90%(计划标准)', target: '1' }, 1));
    expect(found.map((f) => [f.field, f.message, f.suggestion])).toEqual([
      [
        'indicators.target',
        '项目 315-0105-JBN-2D9U 第 2 行「法律援助案件结案率」的指标值为"1"，而指标解释或取值依据的标准是 90%。',
        '按百分比填写指标值，如"90%"。',
      ],
    ]);
    expect(findingsOf('consistency.percent-standard', withRow({ basis: '100%（行业标准）', target: '1' }, 1))).toHaveLength(1);
  });

  it('is the one finding on such a rate: measurability.rate-percent would advise "1%"', () => {
    const rules = findingsOf('measurability.rate-percent', withRow({ explanation: '90%(计划标准)', target: '1' }, 1));
    expect(rules).toEqual([]);
    expect(findingsOf('measurability.rate-percent', withRow({ target: '1' }, 1))).toHaveLength(1);
  });
});
