import { describe, expect, it } from 'vitest';
import { hebei2020 } from '../../forms/profiles/hebei-2020.ts';
import { annualRow } from '../../model/indicator.testing.ts';
import { aDocument, findingsOf } from '../testing.ts';

const departmentTable = (indicators: boolean) => {
  const doc = aDocument();
  doc.department = {
    ...doc.department!,
    funds: { amountUnit: '万元', total: '171.41', project: '60.8', basic: '110.61' },
    indicators: indicators ? [annualRow('产出指标', '数量指标', '编纂年鉴', '≥1部', '年度工作计划')] : [],
  };
  return doc;
};

describe('completeness.department-indicators', () => {
  it('is silent on the sample’s prose department goals, and on a department table with indicators', () => {
    expect(findingsOf('completeness.department-indicators', aDocument())).toEqual([]);
    expect(findingsOf('completeness.department-indicators', departmentTable(true))).toEqual([]);
  });

  it('reports a 部门整体 table without indicators', () => {
    expect(findingsOf('completeness.department-indicators', departmentTable(false)).map((f) => [f.field, f.message])).toEqual([
      ['department.indicators', '本文件是部门整体支出绩效目标表，却没有部门整体绩效指标。'],
    ]);
  });

  it('reports it where the profile is a 部门整体 form, whatever the document holds', () => {
    const profile = { ...hebei2020, kind: 'department' as const };
    expect(findingsOf('completeness.department-indicators', aDocument(), { profile })).toHaveLength(1);
  });
});
