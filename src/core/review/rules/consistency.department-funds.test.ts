import { describe, expect, it } from 'vitest';
import type { DepartmentFunds } from '../../model/document.ts';
import { aDocument, findingsOf } from '../testing.ts';

const withFunds = (total: string | null, project: string | null, basic: string | null) => {
  const doc = aDocument();
  const funds: DepartmentFunds = { amountUnit: '万元', total, project, basic };
  doc.department = { ...doc.department!, funds };
  return doc;
};

describe('consistency.department-funds', () => {
  it('is silent when 资金总额 = 项目支出 + 基本支出, exactly (宁德: 171.41 = 60.8 + 110.61)', () => {
    expect(findingsOf('consistency.department-funds', aDocument())).toEqual([]);
    expect(findingsOf('consistency.department-funds', withFunds('171.41', '60.8', '110.61'))).toEqual([]);
    expect(findingsOf('consistency.department-funds', withFunds('0.3', '0.1', '0.2'))).toEqual([]);
    expect(findingsOf('consistency.department-funds', withFunds('10', null, null))).toEqual([]);
  });

  it('reports parts that do not add up', () => {
    expect(findingsOf('consistency.department-funds', withFunds('171.41', '60.8', '110.6')).map((f) => [f.field, f.message])).toEqual([
      ['department.funds', '部门整体的项目支出与基本支出合计 171.4 万元，与资金总额 171.41 万元不符。'],
    ]);
  });

  it('reports a 0 total', () => {
    expect(findingsOf('consistency.department-funds', withFunds('0.00', '0', '0')).map((f) => f.message)).toEqual([
      '部门整体的资金总额为 0.00 万元。',
    ]);
  });
});
