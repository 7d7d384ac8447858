import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf } from '../testing.ts';

const withDuties = (project: string | null, duties: [string, string | null][]) => {
  const doc = aDocument();
  doc.department = {
    ...doc.department!,
    funds: { amountUnit: '万元', total: '171.41', project, basic: '110.61' },
    duties: duties.map(([projectName, amount], i) => ({ duty: `职能${i + 1}`, task: '完成年度任务', projectName, amount })),
  };
  return doc;
};

describe('consistency.duty-amounts', () => {
  it('is silent while the duties’ amounts add up to no more than 项目支出 and 基本支出', () => {
    expect(findingsOf('consistency.duty-amounts', aDocument())).toEqual([]);
    // 宁德 2019: 49.8 + 11 = 60.8 of project spending.
    const ningde: [string, string | null][] = [
      ['地情、市志编纂与年鉴出版经费', '49.8'],
      ['地情、市志编纂与年鉴出版经费', '11'],
    ];
    expect(findingsOf('consistency.duty-amounts', withDuties('60.8', ningde))).toEqual([]);
    expect(findingsOf('consistency.duty-amounts', withDuties('60.8', [...ningde, ['基本支出', '110.61']]))).toEqual([]);
    expect(
      findingsOf(
        'consistency.duty-amounts',
        withDuties('60.8', [
          ['年鉴', '49.8'],
          ['年鉴', null],
        ]),
      ),
    ).toEqual([]);
    expect(findingsOf('consistency.duty-amounts', withDuties(null, [['年鉴', '100']]))).toEqual([]);
  });

  it('reports duties that spend more than the project expenditure', () => {
    expect(
      findingsOf(
        'consistency.duty-amounts',
        withDuties('60.8', [
          ['年鉴', '49.8'],
          ['方志', '11.01'],
        ]),
      ).map((f) => f.message),
    ).toEqual(['年度履职目标中项目支出的预算金额合计 60.81 万元，超过项目支出 60.8 万元。']);
  });

  it('reports 宁德’s 基本支出 row that holds the 资金总额', () => {
    expect(findingsOf('consistency.duty-amounts', withDuties('60.8', [['基本支出', '171.41']])).map((f) => f.message)).toEqual([
      '年度履职目标中基本支出的预算金额合计 171.41 万元，超过基本支出 110.61 万元。',
    ]);
  });
});
