import { describe, expect, it } from 'vitest';
import type { Indicator, Project, TargetDocument } from '../model/document.ts';
import { annualRow } from '../model/indicator.testing.ts';
import { historyOf, reviewHistory, SAME_INDICATOR, withHistoryColumns } from './history.ts';
import { observationsOf } from './observation.ts';
import { wordingSimilarity, normaliseWording } from './wording.ts';
import { reviewDocument } from '../review/engine.ts';

const unit = { code: '315002', name: '怀来县司法局' };
const row = (level2: string, description: string, target: string): Indicator => annualRow('产出指标', level2, description, target, '');

const project = (code: string, name: string, indicators: Indicator[]): Project => ({
  code,
  name,
  unit,
  amountUnit: '万元',
  budget: { total: null, fiscal: null, other: null, sources: [] },
  useOfFunds: '',
  spendingPlan: [],
  goals: [],
  indicators,
  department: null,
  attribute: null,
  period: null,
});
const doc = (year: number, projects: Project[], who = unit): TargetDocument => ({ unit: who, year, department: null, projects });

/**
 * Real rewordings: rows of samples/huailai-sifaju-2020.txt (as published) and of its corrected copy
 * samples/huailai-sifaju-2020-corrected.txt, project by project, as the text reader reads them. The
 * published table stands for last year, the corrected copy for this year.
 */
const PUBLISHED = [
  project('315-0103-YBN-TSVA', '冀财政法[2019]22号提前下达2020年中央政法纪检监察转移支付资金-司法', [
    row('数量指标', '人民调解案件结案率', '≥98'),
    row('数量指标', '购买装备业务们部门覆盖率', '≥50'),
    row('社会效益指标', '减少基层上访率，及时化解矛盾', ''),
    row('社会效益指标', '业务部门办公条件得到改善', ''),
    row('服务对象满意度指标', '满意度', '>95'),
  ]),
  project('315-0103-YBN-W3GC', '冀财政法[2019]23号提前下达2020年基层公检法司转移支付资金-司法', [
    row('数量指标', '更新业务部门办公设施', '>50'),
    row('数量指标', '人民调解结案率', '100'),
    row('社会效益指标', '部门办公设施更新率', '>50'),
    row('服务对象满意度指标', '满意度', '>90'),
  ]),
  project('315-0105-JBN-2D9U', '法律援助', [
    row('数量指标', '办理法律援助案件结案率', '≥95'),
    row('数量指标', '群众收益率', '100'),
    row('服务对象满意度指标', '服务对象满意率', '≥90'),
  ]),
  project('315-0103-JBN-NGVM', '社区矫正', [
    row('数量指标', '对矫正对象定位全覆盖', '100'),
    row('数量指标', '社区矫正指纹报到系统服务器专线费用', '100'),
    row('服务对象满意度指标', '矫正对象满意度', '≥95'),
  ]),
];
const CORRECTED = [
  project('315-0103-YBN-TSVA', '冀财政法[2019]22号提前下达2020年中央政法纪检监察转移支付资金-司法', [
    row('数量指标', '调解民间纠纷案件数量', '≥800件'),
    row('质量指标', '人民调解案件结案率', '≥98%'),
    row('质量指标', '业务部门装备配备覆盖率', '≥50%'),
    row('时效指标', '业务装备采购完成时间', '2020年9月底前'),
    row('社会效益指标', '业务部门办公条件改善情况', '明显改善'),
    row('服务对象满意度指标', '服务对象满意度', '≥95%'),
  ]),
  project('315-0103-YBN-W3GC', '冀财政法[2019]23号提前下达2020年基层公检法司转移支付资金-司法', [
    row('数量指标', '更新业务部门办公设备数量', '≥50台套'),
    row('质量指标', '人民调解结案率', '=100%'),
    row('社会效益指标', '业务部门办公设备更新率', '≥50%'),
    row('服务对象满意度指标', '服务对象满意度', '≥90%'),
  ]),
  project('315-0105-JBN-2D9U', '法律援助', [
    row('数量指标', '办理法律援助案件数量', '≥120件'),
    row('质量指标', '办理法律援助案件结案率', '≥95%'),
    row('社会效益指标', '符合条件的困难群众法律援助受益率', '=100%'),
    row('服务对象满意度指标', '服务对象满意度', '≥90%'),
  ]),
  project('315-0103-JBN-NGVM', '社区矫正', [
    row('数量指标', '纳入定位管理的社区矫正对象人数', '≥150人'),
    row('质量指标', '社区矫正对象定位覆盖率', '=100%'),
    row('成本指标', '社区矫正指纹报到系统服务器专线费用', '≤3.00万元'),
    row('服务对象满意度指标', '矫正对象满意度', '≥95%'),
  ]),
];

/** This year's row → last year's row it was matched with, per project. */
function matches(past: TargetDocument, current: TargetDocument): Record<string, Array<[string, string | null]>> {
  const history = historyOf(current, observationsOf(past));
  return Object.fromEntries(
    current.projects.map((p) => [
      p.name,
      p.indicators.map((r, i) => [r.description, history.get(p.code)?.[i]?.previousYear?.label ?? null]),
    ]),
  );
}

describe('history matching across years', () => {
  it('matches the real rewordings of the sample, and no row to a different measure', () => {
    const found = matches(doc(2020, PUBLISHED), doc(2021, CORRECTED));
    expect(found['冀财政法[2019]22号提前下达2020年中央政法纪检监察转移支付资金-司法']).toEqual([
      ['调解民间纠纷案件数量', null],
      ['人民调解案件结案率', '人民调解案件结案率'],
      ['业务部门装备配备覆盖率', '购买装备业务们部门覆盖率'],
      ['业务装备采购完成时间', null],
      ['业务部门办公条件改善情况', '业务部门办公条件得到改善'],
      ['服务对象满意度', '满意度'],
    ]);
    expect(found['冀财政法[2019]23号提前下达2020年基层公检法司转移支付资金-司法']).toEqual([
      // 0.80 alike; 部门办公设施更新率 is 0.53 alike but a rate, not a count of 台套.
      ['更新业务部门办公设备数量', '更新业务部门办公设施'],
      ['人民调解结案率', '人民调解结案率'],
      ['业务部门办公设备更新率', '部门办公设施更新率'],
      ['服务对象满意度', '满意度'],
    ]);
    expect(found.法律援助).toEqual([
      // 0.74 alike to 办理法律援助案件结案率, but a count of 件 against a rate.
      ['办理法律援助案件数量', null],
      ['办理法律援助案件结案率', '办理法律援助案件结案率'],
      // A typo (收益) and a rewrite together: too far to be sure.
      ['符合条件的困难群众法律援助受益率', null],
      ['服务对象满意度', '服务对象满意率'],
    ]);
    expect(found.社区矫正).toEqual([
      ['纳入定位管理的社区矫正对象人数', null],
      ['社区矫正对象定位覆盖率', '对矫正对象定位全覆盖'],
      ['社区矫正指纹报到系统服务器专线费用', '社区矫正指纹报到系统服务器专线费用'],
      ['矫正对象满意度', '矫正对象满意度'],
    ]);
  });

  it('puts the threshold between the real rewordings and the unrelated rows of the same projects', () => {
    const sim = (a: string, b: string) => wordingSimilarity(normaliseWording(a), normaliseWording(b));
    for (const [a, b] of [
      ['购买装备业务们部门覆盖率', '业务部门装备配备覆盖率'],
      ['满意度', '服务对象满意度'],
      ['对矫正对象定位全覆盖', '社区矫正对象定位覆盖率'],
      ['部门办公设施更新率', '业务部门办公设备更新率'],
    ] as const)
      expect(sim(a, b), `${a} / ${b}`).toBeGreaterThanOrEqual(SAME_INDICATOR);
    for (const [a, b] of [
      ['人民调解案件结案率', '调解民间纠纷案件数量'],
      ['群众收益率', '符合条件的困难群众法律援助受益率'],
      ['减少基层上访率，及时化解矛盾', '基层矛盾纠纷调解成功率'],
      ['购买装备业务们部门覆盖率', '业务装备采购完成时间'],
    ] as const)
      expect(sim(a, b), `${a} / ${b}`).toBeLessThan(SAME_INDICATOR);
  });

  it('finds a project by its name when its code changed, gives 上年 and 前年, and keeps to its unit', () => {
    const legalAid = (code: string, target: string) => project(code, '法律援助', [row('质量指标', '法律援助案件结案率', target)]);
    const past = [
      ...observationsOf(doc(2019, [legalAid('315-0105-JBN-OLD1', '≥90%')])),
      ...observationsOf(doc(2020, [legalAid('315-0105-JBN-OLD2', '≥93%')]), () => '96%'),
      ...observationsOf(doc(2020, [legalAid('315-0105-JBN-2D9U', '≥99%')], { code: '316001', name: '怀来县教育局' })),
    ];
    const history = historyOf(doc(2021, [legalAid('315-0105-JBN-NEW', '≥95%')]), past);
    const [only] = history.get('315-0105-JBN-NEW')!;
    expect(only?.previousYear).toMatchObject({ year: 2020, target: '≥93%', actual: '96%' });
    expect(only?.yearBeforeLast).toMatchObject({ year: 2019, target: '≥90%', actual: null });
  });

  it('fills the 上年 / 前年 columns with the actual, else the target, keeping what the unit wrote', () => {
    const legalAid = (target: string, more: Partial<Indicator> = {}) =>
      project('P', '法律援助', [
        { ...row('质量指标', '法律援助案件结案率', target), ...more },
        row('数量指标', '办理法律援助案件数量', '≥100件'),
      ]);
    const past = [
      ...observationsOf(doc(2019, [legalAid('≥90%')])),
      ...observationsOf(doc(2020, [legalAid('≥93%')]), (_code, i) => (i === 1 ? '96%' : null)),
    ];
    const current = doc(2021, [legalAid('≥95%', { yearBeforeLast: '91%' })]);
    const filled = withHistoryColumns(current, historyOf(current, past));
    expect(filled.projects[0]!.indicators.map((r) => [r.previousYear, r.yearBeforeLast])).toEqual([
      ['96%', '91%'],
      ['≥100件', '≥100件'],
    ]);
  });

  it('gives the review last year’s actuals under this year’s wording', () => {
    const current = doc(2021, [project('P', '法律援助', [row('质量指标', '法律援助案件结案率（%）', '≥95%')])]);
    const past = observationsOf(doc(2020, [project('P', '法律援助', [row('质量指标', '法律援助案件结案率', '≥95%')])]), () => '98%');
    expect(reviewHistory(current, historyOf(current, past))).toEqual([
      { projectCode: 'P', description: '法律援助案件结案率（%）', actual: '98%', year: 2020 },
    ]);
  });
});

describe('history in the review', () => {
  it('finds a 2021 target below the 2020 actual of the reworded row, citing both figures and the year', () => {
    const year2020 = doc(2020, [
      project('P', '法律援助', [row('质量指标', '服务对象满意率', '≥90'), row('数量指标', '办理法律援助案件数量', '≥100件')]),
    ]);
    const actuals = ['96%', '130件'];
    const past = observationsOf(year2020, (_code, i) => actuals[i - 1] ?? null);
    const copy = doc(2021, [
      project('P', '法律援助', [row('质量指标', '服务对象满意度', '≥92%'), row('数量指标', '办理法律援助案件数量', '≥120件')]),
    ]);
    const findings = reviewDocument(copy, { history: reviewHistory(copy, historyOf(copy, past)) }).filter(
      (f) => f.ruleId === 'appropriateness.below-history',
    );
    expect(findings.map((f) => f.message)).toEqual([
      '项目 P 第 1 行「服务对象满意度」的指标值"≥92%"低于2020年实际完成的"96%"，且未说明理由。',
      '项目 P 第 2 行「办理法律援助案件数量」的指标值"≥120件"低于2020年实际完成的"130件"，且未说明理由。',
    ]);
  });
});
