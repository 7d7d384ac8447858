import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf } from '../testing.ts';

const withDuties = (project: string | null, amounts: (string | null)[]) => {
  const doc = aDocument();
  doc.department = {
    ...doc.department!,
    funds: { amountUnit: '万元', total: '171.41', project, basic: '110.61' },
    duties: amounts.map((amount, i) => ({ duty: `职能${i + 1}`, task: '完成年度任务', projectName: `项目${i + 1}`, amount })),
  };
  return doc;
};

describe('consistency.duty-amounts', () => {
  it('is silent while the duties’ amounts add up to no more than 项目支出', () => {
    expect(findingsOf('consistency.duty-amounts', aDocument())).toEqual([]);
    expect(findingsOf('consistency.duty-amounts', withDuties('60.8', ['49.8', '11']))).toEqual([]);
    expect(findingsOf('consistency.duty-amounts', withDuties('60.8', ['49.8', null]))).toEqual([]);
    expect(findingsOf('consistency.duty-amounts', withDuties(null, ['100']))).toEqual([]);
  });

  it('reports duties that spend more than the project expenditure', () => {
    expect(findingsOf('consistency.duty-amounts', withDuties('60.8', ['49.8', '11.01'])).map((f) => f.message)).toEqual([
      '年度履职目标的预算金额合计 60.81 万元，超过项目支出 60.8 万元。',
    ]);
  });
});
