import { describe, expect, it } from 'vitest';
import type { FundIndicator } from './fund.ts';
import { rollUp, type ProjectPart, type RegionInput } from './rollup.ts';

const INDICATORS: FundIndicator[] = [
  { level1: '产出指标', level2: '数量指标', level3: '社区矫正对象接收人数', target: '≥1000人' },
  { level1: '产出指标', level2: '质量指标', level3: '社区矫正人员信息核查率', target: '=100%' },
  { level1: '效益指标', level2: '社会效益指标', level3: '重新违法犯罪率', target: '≤0.2%' },
  { level1: '满意度指标', level2: '服务对象满意度指标', level3: '矫正对象满意度', target: '≥95%' },
  { level1: '效益指标', level2: '社会效益指标', level3: '社会秩序', target: '明显改善' },
];

const project = (id: number, amount: string, rows: ProjectPart['rows']): ProjectPart => ({
  breakdownId: id,
  projectId: id,
  projectCode: `P${id}`,
  projectName: `项目${id}`,
  unitName: '司法局',
  amount,
  rows,
});

const region = (id: number, amount: string, targets: string[], projects: ProjectPart[]): RegionInput => ({
  allocationId: id,
  bureauId: id,
  bureauName: `县${id}`,
  amount,
  targets,
  projects,
});

describe('rolling a fund up from projects', () => {
  const a = region(
    1,
    '43.10',
    ['≥600人', '=100%', '≤0.2%', '≥95%', '明显改善'],
    [
      project(1, '4.10', [
        { target: '≥250人', actual: '260人' },
        { target: '100%', actual: '100' },
        null,
        { target: '≥90', actual: '96' },
        null,
      ]),
      project(2, '39.00', [
        { target: '≥350人', actual: null },
        { target: '=100%', actual: '98%' },
        { target: '≤0.1%', actual: null },
        { target: '≥97%', actual: '98' },
        { target: '明显改善', actual: null },
      ]),
    ],
  );
  const b = region(
    2,
    '56.90',
    ['≥400人', '=100%', '≤0.2%', '≥95%', '明显改善'],
    [project(3, '50.00', [{ target: '≥300人', actual: null }, null, null, null, null])],
  );
  const r = rollUp({ amount: '100.00', indicators: INDICATORS, regions: [a, b] });
  const [ra, rb] = r.regions;

  it('sums money exactly and marks what is not broken down', () => {
    expect(ra).toMatchObject({ brokenDown: '43.10', moneyCoverage: 'met' });
    expect(rb).toMatchObject({ brokenDown: '50.00', moneyCoverage: 'short' });
    expect(r).toMatchObject({ allocated: '100.00', brokenDown: '93.10', moneyCoverage: 'short', complete: false });
  });

  it('sums a quantity and its actuals, and holds it against the region’s share', () => {
    expect(ra!.rows[0]).toMatchObject({ kind: 'quantity', issued: '≥600人', planned: '600', actual: '260', carried: 2, coverage: 'met' });
    expect(rb!.rows[0]).toMatchObject({ planned: '300', coverage: 'short' });
    expect(r.rows[0]).toMatchObject({ issued: '≥1000人', planned: '900', actual: '260', coverage: 'short' });
  });

  it('takes a rate’s weakest place and weights its actuals by money', () => {
    expect(ra!.rows[1]).toMatchObject({ kind: 'rate', planned: '100', coverage: 'met' });
    // (100 × 4.10 + 98 × 39.00) / 43.10
    expect(ra!.rows[1]!.actual).toBe('98.19');
    expect(ra!.rows[2]).toMatchObject({ planned: '0.1', carried: 1, coverage: 'met' });
    expect(ra!.rows[3]).toMatchObject({ planned: '90', coverage: 'short' });
    expect(rb!.rows[1]).toMatchObject({ planned: null, carried: 0, coverage: 'none' });
  });

  it('carries a grade as covered when something below carries it', () => {
    expect(ra!.rows[4]).toMatchObject({ kind: 'grade', planned: null, coverage: 'met' });
    expect(rb!.rows[4]!.coverage).toBe('none');
  });

  it('is complete only when every region breaks down all its money and rows', () => {
    const full = rollUp({
      amount: '4.10',
      indicators: [{ ...INDICATORS[0]!, target: '≥250人' }],
      regions: [region(1, '4.10', ['≥250人'], [project(1, '4.10', [{ target: '≥250人', actual: null }])])],
    });
    expect(full).toMatchObject({ complete: true, moneyCoverage: 'met' });
    expect(full.rows[0]).toMatchObject({ planned: '250', coverage: 'met' });
  });
});
