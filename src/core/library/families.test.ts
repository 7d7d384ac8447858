import { describe, expect, it } from 'vitest';
import type { Indicator, TargetDocument } from '../model/document.ts';
import { annualRow } from '../model/indicator.testing.ts';
import { groupFamilies } from './families.ts';
import { learnedEntry } from './learned.ts';
import { observationsOf, type Observation } from './observation.ts';

const row = (level2: string, description: string, target: string): Indicator => annualRow('产出指标', level2, description, target, '');

function observed(unit: string, year: number, rows: Indicator[], actuals: readonly (string | null)[] = []): Observation[] {
  const doc: TargetDocument = {
    unit: { code: null, name: unit },
    year,
    department: null,
    projects: [
      {
        code: 'P1',
        name: '法律援助',
        unit: { code: null, name: unit },
        amountUnit: '万元',
        budget: { total: null, fiscal: null, other: null, sources: [] },
        useOfFunds: '',
        spendingPlan: [],
        goals: [],
        indicators: rows,
        department: null,
        attribute: null,
        period: null,
      },
    ],
  };
  return observationsOf(doc, (_code, i) => actuals[i - 1] ?? null);
}

describe('groupFamilies', () => {
  const all = [
    ...observed(
      '怀来县司法局',
      2020,
      [row('质量指标', '法律援助案件结案率', '≥95'), row('数量指标', '办理法律援助案件数量', '≥120件')],
      ['96.5%'],
    ),
    ...observed('涿鹿县司法局', 2020, [row('质量', '法律援助案件结案率（％）', '≥95.5%')]),
    ...observed('涿鹿县司法局', 2021, [row('质量指标', '2021年法律援助案件结案率', '≥96.25%')], ['97%']),
    ...observed('蔚县司法局', 2021, [row('质量指标', '法律援助案件结案率', '90%-100%'), row('数量指标', '办理法律援助案件数量', '≥80件')]),
    ...observed('阳原县司法局', 2021, [row('质量指标', '法律援助案件结案率', '明显提升')]),
  ];
  const families = groupFamilies(all);
  const rate = families.find((f) => f.label === '法律援助案件结案率')!;

  it('groups the same measure across units, years and spellings, and keeps a count apart from a rate', () => {
    expect(families.map((f) => [f.label, f.unit, f.uses.length])).toEqual([
      ['法律援助案件结案率', '%', 4],
      ['办理法律援助案件数量', '件', 2],
      ['法律援助案件结案率', '', 1],
    ]);
    expect(rate.uses.map((u) => `${u.unit.name} ${u.year}`)).toEqual([
      '怀来县司法局 2020',
      '涿鹿县司法局 2020',
      '涿鹿县司法局 2021',
      '蔚县司法局 2021',
    ]);
  });

  it('spreads the targets as exact decimals: count, min, median, max, and the relations written', () => {
    expect(rate.targets).toMatchObject({ count: 4, min: '90', median: '95.25', max: '96.25', operators: { '≥': 3, range: 1 } });
    expect(rate.typical).toBe('≥95.25%');
    expect(rate.actuals).toMatchObject({ count: 2, min: '96.5', median: '96.75', max: '97' });
  });

  it('reads a 二级 with its printed hint as the 二级 (东莞 prints 数量指标(或建筑规模指标))', () => {
    const both = groupFamilies([
      ...observed('东莞市交通运输局', 2019, [row('数量指标(或建筑规模指标)', '镇街补助款完成结算项目数', '3')]),
      ...observed('东莞市交通运输局', 2020, [row('数量指标', '镇街补助款完成结算项目数', '4')]),
    ]);
    expect(both.map((f) => f.uses.length)).toEqual([2]);
  });

  it('counts qualitative grades, and makes the most written grade the typical target', () => {
    const graded = families.find((f) => f.unit === '' && f.label === '法律援助案件结案率')!;
    expect(graded.targets).toMatchObject({ count: 0, min: null, grades: { 明显提升: 1 } });
    expect(graded.typical).toBe('明显提升');
  });
});

describe('learnedEntry', () => {
  it('proposes a family as a library entry learned from history, with peers’ direction and typical target', () => {
    const families = groupFamilies([
      ...observed('怀来县司法局', 2020, [row('质量指标', '法律援助案件结案率', '≥95%')]),
      ...observed('涿鹿县司法局', 2020, [row('质量指标', '法律援助案件结案率', '≥97%')]),
      ...observed('蔚县司法局', 2020, [row('质量指标', '法律援助案件结案率', '=100%')]),
    ]);
    expect(learnedEntry(families[0]!, 'learned-1', 'justice')).toEqual({
      id: 'learned-1',
      level1: '产出指标',
      level2: '质量指标',
      level3: '法律援助案件结案率',
      description: '',
      unit: '%',
      direction: 'higher',
      target: '≥97%',
      explanation: null,
      method: null,
      dataSource: null,
      field: 'justice',
      source: { kind: 'learned', reference: null },
      status: { state: 'proposed', reason: null },
    });
  });
});
