import { describe, expect, it } from 'vitest';
import { actuals, project } from '../actuals/fixtures/build.ts';
import type { MonitoringNote } from '../actuals/actuals.ts';
import { monitorDocument, monitorProject } from './monitor.ts';
import { DEFAULT_MONITORING_SETTINGS as D } from './settings.ts';

const plan: [string, string][] = [
  ['3月底', '20.00'],
  ['6月底', '50.00'],
  ['10月底', '75.00'],
  ['12月底', '100.00'],
];
const p = project(
  'M-1',
  '40.00',
  [
    ['产出指标', '数量指标', '制作展板', '≥15张'],
    ['产出指标', '时效指标', '办结时限', '≤3天'],
    ['满意度指标', '服务对象满意度指标', '满意度', '好'],
  ],
  plan,
);
const spending = (...entries: [string, string][]) => entries.map(([date, cumulative]) => ({ date, cumulative, note: '' }));
const note = (index: number | null, date: string, fill: Partial<MonitoringNote>): MonitoringNote => ({
  index,
  date,
  cause: null,
  likelihood: null,
  measure: '',
  expectedYearEnd: '',
  ...fill,
});
const explained = (index: number | null, date: string) =>
  note(index, date, { cause: { category: 'funding', text: '资金未到位' }, measure: '加快支付' });

describe('execution against the plan', () => {
  it('compares the rate with the last checkpoint passed', () => {
    // 6月30日: plan 50 %; spent 14 of 40 = 35 % → 15 points behind → yellow.
    const r = monitorProject(p, actuals('M-1', { spending: spending(['2020-06-20', '14.00']) }), '2020-06-30', 2020);
    expect(r.execution).toEqual({
      budget: '40.00',
      spent: '14.00',
      spentAsOf: '2020-06-20',
      rate: '35.00',
      // No other funds: the fiscal money is all of it.
      fiscal: { budget: '40.00', spent: '14.00', rate: '35.00' },
      checkpoint: { label: '6月底', date: '2020-06-30', percent: '50.00' },
      planned: '50.00',
      shortfall: '15.00',
      light: 'yellow',
    });
  });
  it('gives the 财政资金 line its table amount alone when there are other funds (spending is not recorded per source)', () => {
    const split = { ...p, amountUnit: '元' as const, budget: { total: '400000.00', fiscal: '300000.10', other: '99999.90', sources: [] } };
    const r = monitorProject(split, actuals('M-1', { spending: spending(['2020-06-20', '14.00']) }), '2020-06-30', 2020);
    // 300000.10 元 is exactly 30.0001 万元: shown to the cent, never through a binary float.
    expect(r.execution.fiscal).toEqual({ budget: '30.00', spent: null, rate: null });
    expect(r.execution).toMatchObject({ budget: '40.00', spent: '14.00', rate: '35.00' });
  });
  it('is yellow from 10 points behind and red from 20 (both bounds inclusive)', () => {
    const light = (spent: string) =>
      monitorProject(p, actuals('M-1', { spending: spending(['2020-06-01', spent]) }), '2020-07-15', 2020).execution.light;
    // plan 50 %; 40 = 16 万元, 30 % = 12 万元
    expect(light('16.04')).toBe('green'); // 40.1 % → 9.9 behind
    expect(light('16.00')).toBe('yellow'); // exactly 10 behind
    expect(light('12.04')).toBe('yellow'); // 19.9 behind
    expect(light('12.00')).toBe('red'); // exactly 20 behind
  });
  it('is green before the first checkpoint (plan 0 %), whatever was spent', () => {
    const r = monitorProject(p, actuals('M-1'), '2020-03-15', 2020);
    expect(r.execution).toMatchObject({ checkpoint: null, planned: '0.00', spent: '0.00', rate: '0.00', light: 'green' });
  });
  it('counts nothing recorded as nothing spent: at 3月底 that is 20 points behind → red', () => {
    const r = monitorProject(p, actuals('M-1'), '2020-03-31', 2020);
    expect(r.execution).toMatchObject({ spentAsOf: null, spent: '0.00', shortfall: '20.00', light: 'red' });
  });
  it('ignores spending recorded after the date', () => {
    const r = monitorProject(
      p,
      actuals('M-1', { spending: spending(['2020-03-20', '8.00'], ['2020-04-10', '20.00']) }),
      '2020-03-31',
      2020,
    );
    expect(r.execution).toMatchObject({ spent: '8.00', rate: '20.00', light: 'green' });
  });
  it("uses the bureau's thresholds", () => {
    const strict = { ...D, yellowShortfall: '5', redShortfall: '8' };
    const r = monitorProject(p, actuals('M-1', { spending: spending(['2020-06-01', '18.00']) }), '2020-06-30', 2020, { settings: strict });
    expect(r.execution).toMatchObject({ shortfall: '5.00', light: 'yellow' });
  });
  it('warns of a missing budget, a falling cumulative spend and overspending', () => {
    const noBudget = monitorProject({ ...p, budget: { ...p.budget, total: null } }, actuals('M-1'), '2020-06-30', 2020);
    expect(noBudget.execution).toMatchObject({ budget: null, rate: null, shortfall: null, light: 'green' });
    expect(noBudget.findings.map((f) => f.ruleId)).toEqual(['monitoring.noBudget']);
    const odd = monitorProject(
      p,
      actuals('M-1', { spending: spending(['2020-03-01', '30'], ['2020-05-01', '45']), adjustedBudget: null }),
      '2020-06-30',
      2020,
    );
    expect(odd.findings.map((f) => f.ruleId)).toEqual(['monitoring.overspent']);
    const falling = monitorProject(
      p,
      actuals('M-1', { spending: spending(['2020-03-01', '30'], ['2020-05-01', '25']) }),
      '2020-06-30',
      2020,
    );
    expect(falling.findings.map((f) => f.ruleId)).toEqual(['monitoring.spendingDecreases']);
  });
  it('flags a checkpoint it cannot date', () => {
    const r = monitorProject({ ...p, spendingPlan: [{ checkpoint: '验收后', percent: '100' }] }, actuals('M-1'), '2020-06-30', 2020);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['monitoring.checkpointUnreadable']);
  });
});

describe('indicator progress', () => {
  it('shows the value recorded last by the date, and its progress (direction respected)', () => {
    const r = monitorProject(
      p,
      actuals('M-1', {
        spending: spending(['2020-06-30', '20']),
        values: [
          { index: 1, date: '2020-03-31', value: '3张', note: '' },
          { index: 1, date: '2020-06-30', value: '6张', note: '第二批' },
          { index: 1, date: '2020-09-30', value: '12张', note: '' },
          { index: 2, date: '2020-06-30', value: '4天', note: '' },
          { index: 3, date: '2020-06-30', value: '较好', note: '' },
        ],
      }),
      '2020-06-30',
      2020,
    );
    expect(r.indicators.map((i) => [i.actual?.value ?? null, i.progress])).toEqual([
      ['6张', '40.00'], // 6 / 15
      ['4天', '75.00'], // 3 / 4: lower is better
      ['较好', null], // qualitative: a band, not a percentage
    ]);
    expect(r.indicators[0]!.actual).toEqual({ value: '6张', date: '2020-06-30', note: '第二批' });
    expect(r.indicators[2]!.completion).toEqual({ kind: 'qualitative', band: 'partial', met: false });
  });
  it('warns when a recorded actual cannot be compared', () => {
    const r = monitorProject(
      p,
      actuals('M-1', { spending: spending(['2020-06-30', '20']), values: [{ index: 1, date: '2020-06-01', value: '六张', note: '' }] }),
      '2020-06-30',
      2020,
    );
    expect(r.findings.map((f) => [f.ruleId, f.indicatorIndex])).toEqual([['monitoring.actualNotComparable', 1]]);
  });
});

describe('lights and explanations', () => {
  const behind = spending(['2020-06-30', '14.00']); // 15 points behind at 6月底 → yellow
  it('a yellow or red project without cause and measure is an error naming what is missing', () => {
    const r = monitorProject(p, actuals('M-1', { spending: behind }), '2020-06-30', 2020);
    expect(r.light).toBe('yellow');
    expect(r.reasons).toEqual([{ kind: 'execution', light: 'yellow', shortfall: '15.00' }]);
    expect(r.findings.map((f) => [f.ruleId, f.severity, f.indicatorIndex])).toEqual([['monitoring.missingExplanation', 'error', null]]);
    expect(r.findings[0]!.message).toBe('项目 M-1：预算执行率落后支出计划 15.00 个百分点（黄灯），未填写偏差原因和纠偏措施');
  });
  it('a cause alone is not enough; cause and measure together are', () => {
    const causeOnly = monitorProject(
      p,
      actuals('M-1', { spending: behind, monitoring: [note(null, '2020-06-25', { cause: { category: 'funding', text: '资金未到位' } })] }),
      '2020-06-30',
      2020,
    );
    expect(causeOnly.findings[0]!.message).toContain('未填写纠偏措施');
    const both = monitorProject(p, actuals('M-1', { spending: behind, monitoring: [explained(null, '2020-06-25')] }), '2020-06-30', 2020);
    expect(both.findings).toEqual([]);
    expect(both.explanation).toMatchObject({ cause: { category: 'funding', text: '资金未到位' }, measure: '加快支付' });
  });
  it('an explanation recorded after the date does not count yet', () => {
    const r = monitorProject(p, actuals('M-1', { spending: behind, monitoring: [explained(null, '2020-07-05')] }), '2020-06-30', 2020);
    expect(r.findings.map((f) => f.ruleId)).toEqual(['monitoring.missingExplanation']);
  });
  it('an indicator judged 完全不可能 turns the project red and needs its own explanation', () => {
    const onPlan = spending(['2020-06-30', '20.00']);
    const r = monitorProject(
      p,
      actuals('M-1', { spending: onPlan, monitoring: [note(2, '2020-06-30', { likelihood: 'impossible' })] }),
      '2020-06-30',
      2020,
    );
    expect(r.execution.light).toBe('green');
    expect(r.light).toBe('red');
    expect(r.reasons).toEqual([{ kind: 'likelihood', light: 'red', index: 2 }]);
    expect(r.findings.map((f) => [f.ruleId, f.indicatorIndex])).toEqual([['monitoring.missingExplanation', 2]]);
    const fixed = monitorProject(
      p,
      actuals('M-1', { spending: onPlan, monitoring: [note(2, '2020-06-30', { likelihood: 'impossible' }), explained(2, '2020-06-30')] }),
      '2020-06-30',
      2020,
    );
    expect(fixed.findings).toEqual([]);
    expect(fixed.indicators[1]!.explanation.likelihood).toBe('impossible');
  });
  it('有可能 stays green by default; a bureau may make it yellow', () => {
    const a = actuals('M-1', {
      spending: spending(['2020-06-30', '20.00']),
      monitoring: [note(1, '2020-06-30', { likelihood: 'possible' })],
    });
    expect(monitorProject(p, a, '2020-06-30', 2020).light).toBe('green');
    const cautious = { ...D, likelihoodLight: { ...D.likelihoodLight, possible: 'yellow' as const } };
    expect(monitorProject(p, a, '2020-06-30', 2020, { settings: cautious }).light).toBe('yellow');
  });
  it('a later judgement replaces an earlier one', () => {
    const a = actuals('M-1', {
      spending: spending(['2020-10-31', '30.00']),
      monitoring: [note(1, '2020-06-30', { likelihood: 'impossible' }), note(1, '2020-10-31', { likelihood: 'certain' })],
    });
    expect(monitorProject(p, a, '2020-06-30', 2020).light).toBe('red');
    expect(monitorProject(p, a, '2020-10-31', 2020).light).toBe('green');
  });
  it('refuses thresholds that cannot classify', () => {
    expect(() => monitorProject(p, actuals('M-1'), '2020-06-30', 2020, { settings: { ...D, yellowShortfall: '30' } })).toThrow(RangeError);
  });
});

describe('未填报 and cumulative counts against what is due', () => {
  const onPlan = spending(['2020-06-30', '20.00']); // 50 % at 6月底: execution green
  const count = (value: string, ...notes: MonitoringNote[]) =>
    monitorProject(
      p,
      actuals('M-1', { spending: onPlan, values: [{ index: 1, date: '2020-06-30', value, note: '' }], monitoring: notes }),
      '2020-06-30',
      2020,
    );

  it('a row with nothing recorded is 未填报, not green, and does not light its project', () => {
    const r = monitorProject(p, actuals('M-1', { spending: onPlan }), '2020-06-30', 2020);
    expect(r.indicators.map((i) => i.light)).toEqual(['noData', 'noData', 'noData']);
    expect(r.unreported).toBe(3);
    expect(r.light).toBe('green');
    expect(r.findings).toEqual([]);
    // The unit's own 确定能 is no data either; its 完全不可能 still makes a light.
    const judged = monitorProject(
      p,
      actuals('M-1', {
        spending: onPlan,
        monitoring: [note(1, '2020-06-30', { likelihood: 'certain' }), note(2, '2020-06-30', { likelihood: 'impossible' })],
      }),
      '2020-06-30',
      2020,
    );
    expect(judged.indicators.map((i) => i.light)).toEqual(['noData', 'red', 'noData']);
    expect(judged.unreported).toBe(2);
  });

  it('compares a count with the plan’s share at the date, by the bureau’s thresholds', () => {
    // ≥15张 at 6月底, plan 50 %: 8张 = 53.33 % is on pace; 6张 = 40 % is 10 behind → yellow;
    // 4.5张 = 30 % is 20 behind → red (both bounds inclusive, as for spending).
    expect(count('8张').indicators[0]).toMatchObject({
      light: 'green',
      pace: { expected: '50.00', basis: 'plan', shortfall: '-3.33', light: 'green' },
    });
    const yellow = count('6张');
    expect(yellow.indicators[0]).toMatchObject({ light: 'yellow', judgement: false, pace: { shortfall: '10.00', light: 'yellow' } });
    expect(yellow.light).toBe('yellow');
    expect(yellow.reasons).toEqual([{ kind: 'pace', light: 'yellow', index: 1, shortfall: '10.00' }]);
    expect(yellow.findings.map((f) => [f.ruleId, f.indicatorIndex])).toEqual([['monitoring.missingExplanation', 1]]);
    expect(yellow.findings[0]!.message).toBe(
      '项目 M-1 第 1 行指标：累计完成落后应完成进度 10.00 个百分点（黄灯），未填写偏差原因和纠偏措施',
    );
    expect(count('4.5张').indicators[0]!.light).toBe('red');
    const strict = { ...D, yellowShortfall: '5', redShortfall: '8' };
    const r = monitorProject(
      p,
      actuals('M-1', { spending: onPlan, values: [{ index: 1, date: '2020-06-30', value: '6张', note: '' }] }),
      '2020-06-30',
      2020,
      { settings: strict },
    );
    expect(r.indicators[0]!.light).toBe('red');
  });

  it('behind pace, an explanation with the unit’s 完成可能性 lets its judgement stand', () => {
    const r = count('6张', explained(1, '2020-06-30'), note(1, '2020-06-30', { likelihood: 'certain' }));
    expect(r.indicators[0]).toMatchObject({ light: 'green', judgement: true, pace: { light: 'yellow' } });
    expect(r.light).toBe('green');
    expect(r.findings).toEqual([]);
    // An explanation without a judgement is an explained yellow; a judgement without one is no explanation.
    expect(count('6张', explained(1, '2020-06-30')).indicators[0]).toMatchObject({ light: 'yellow', judgement: false });
    expect(count('6张', note(1, '2020-06-30', { likelihood: 'certain' })).indicators[0]).toMatchObject({
      light: 'yellow',
      judgement: false,
    });
  });

  it('rates, times and bare numbers are not counts due in parts', () => {
    const rates = project(
      'M-3',
      '40.00',
      [
        ['产出指标', '数量指标', '结案率', '≥95'],
        ['产出指标', '质量指标', '合格率', '≥95%'],
        ['产出指标', '数量指标', '覆盖率', '≥50%'],
      ],
      plan,
    );
    const values = [1, 2, 3].map((index) => ({ index, date: '2020-06-30', value: '10', note: '' }));
    const r = monitorProject(rates, actuals('M-3', { spending: onPlan, values }), '2020-06-30', 2020);
    expect(r.indicators.map((i) => [i.pace, i.light])).toEqual([
      [null, 'green'],
      [null, 'green'],
      [null, 'green'],
    ]);
  });

  it('without a dated plan, the share due is the calendar’s', () => {
    // 2020-06-30 is day 182 of 366: 49.73 % due; 6张 of 15 = 40 % → 9.73 behind → green.
    const r = monitorProject(
      { ...p, spendingPlan: [] },
      actuals('M-1', { values: [{ index: 1, date: '2020-06-30', value: '6张', note: '' }] }),
      '2020-06-30',
      2020,
    );
    expect(r.indicators[0]!.pace).toEqual({ expected: '49.73', basis: 'calendar', shortfall: '9.73', light: 'green' });
  });
});

describe('a unit', () => {
  it("counts lights and gathers findings; an unknown year is the date's", () => {
    const other = project('M-2', '10', [['产出指标', '数量指标', 'x', '≥1']], plan);
    const r = monitorDocument(
      { unit: { code: '315002', name: '怀来县司法局' }, year: null, department: null, projects: [p, other] },
      {
        projects: [
          actuals('M-1', { spending: spending(['2020-06-30', '20']) }),
          actuals('M-2', { spending: spending(['2020-06-30', '2']) }),
        ],
      },
      '2020-06-30',
    );
    expect(r.year).toBe(2020);
    expect(r.projects.map((x) => x.light)).toEqual(['green', 'red']);
    expect(r.lights).toEqual({ green: 1, yellow: 0, red: 1 });
    expect(r.unreported).toBe(4);
    expect(r.findings.map((f) => f.projectCode)).toEqual(['M-2']);
  });
});
