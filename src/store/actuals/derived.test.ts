import { describe, expect, it } from 'vitest';
import { emptyProjectActuals } from '../../core/actuals/actuals.ts';
import { DEFAULT_MONITORING_SETTINGS } from '../../core/monitoring/settings.ts';
import { monitorProject } from '../../core/monitoring/monitor.ts';
import type { Project } from '../../core/model/document.ts';
import { breakpoints, joinSpans, monitoringSpans } from './derived.ts';

const project: Project = {
  code: 'T-0101-JBN-AAAA',
  name: '测试项目',
  unit: { code: 'T01', name: '测试单位' },
  amountUnit: '万元',
  budget: { total: '100.00', fiscal: '100.00', other: null, sources: [] },
  useOfFunds: '用途',
  spendingPlan: [
    { checkpoint: '3月底', percent: '20.00' },
    { checkpoint: '6月底', percent: '50.00' },
    { checkpoint: '12月底', percent: '100.00' },
  ],
  goals: [],
  indicators: [
    { term: 'annual', level1: '产出指标', level2: '数量指标', level3: '', description: '培训', target: '≥10次', basis: '计划', remark: '' },
  ],
  department: null,
  attribute: null,
  period: null,
};

const actuals = {
  ...emptyProjectActuals(project.code),
  spending: [
    { date: '2020-03-31', cumulative: '20.00', note: '' },
    { date: '2020-05-10', cumulative: '30.00', note: '' },
    { date: '2019-12-20', cumulative: '0.00', note: '' },
  ],
  monitoring: [
    {
      index: 1,
      date: '2020-09-01',
      cause: { category: 'funding' as const, text: '资金未到' },
      likelihood: 'impossible' as const,
      measure: '追加',
      expectedYearEnd: '',
    },
  ],
};

describe('a project’s monitoring over its year, as spans', () => {
  it('can change only on 1月1日, a checkpoint or a record’s date within the year', () => {
    expect(breakpoints(project, actuals, 2020)).toEqual([
      '2020-01-01',
      '2020-03-31',
      '2020-05-10',
      '2020-06-30',
      '2020-09-01',
      '2020-12-31',
    ]);
  });

  it('merges equal states and covers the year exactly', () => {
    const spans = monitoringSpans(project, actuals, 2020, DEFAULT_MONITORING_SETTINGS);
    expect(spans.map((s) => [s.valid_from, s.valid_to, s.light, s.rate, s.planned, s.shortfall, s.flagged_indicators])).toEqual([
      // Nothing planned before 3月底, and spending keeps up at 3月底.
      ['2020-01-01', '2020-03-31', 'green', '0.00', '0.00', '0.00', 0],
      ['2020-03-31', '2020-05-10', 'green', '20.00', '20.00', '0.00', 0],
      ['2020-05-10', '2020-06-30', 'green', '30.00', '20.00', '-10.00', 0],
      // 6月底 plans 50 %: 20 points behind is red.
      ['2020-06-30', '2020-09-01', 'red', '30.00', '50.00', '20.00', 0],
      ['2020-09-01', '2020-12-31', 'red', '30.00', '50.00', '20.00', 1],
      ['2020-12-31', '2021-01-01', 'red', '30.00', '100.00', '70.00', 1],
    ]);
  });

  it('agrees with the core on every day of a span', () => {
    const spans = monitoringSpans(project, actuals, 2020, DEFAULT_MONITORING_SETTINGS);
    for (const date of ['2020-02-29', '2020-04-15', '2020-06-29', '2020-07-31', '2020-11-30']) {
      const span = spans.find((s) => s.valid_from <= date && date < s.valid_to)!;
      const m = monitorProject(project, actuals, date, 2020);
      expect([span.light, span.rate, span.planned, span.shortfall]).toEqual([
        m.light,
        m.execution.rate,
        m.execution.planned,
        m.execution.shortfall,
      ]);
    }
  });

  it('judges each part of the year by the targets in force over it (a 目标调整), the parts joined into one year', () => {
    const valued = { ...emptyProjectActuals(project.code), values: [{ index: 1, date: '2020-03-31', value: '6次', note: '' }] };
    const withTarget = (target: string): Project => ({ ...project, indicators: [{ ...project.indicators[0]!, target }] });
    const former = withTarget('≥1次');
    const current = withTarget('≥100次');
    const spans = joinSpans([
      ...monitoringSpans(former, valued, 2020, DEFAULT_MONITORING_SETTINGS, { from: '2020-01-01', to: '2020-07-01' }),
      ...monitoringSpans(current, valued, 2020, DEFAULT_MONITORING_SETTINGS, { from: '2020-07-01', to: '2021-01-01' }),
    ]);
    const on = (all: typeof spans, date: string) => all.find((s) => s.valid_from <= date && date < s.valid_to)!;
    expect(on(spans, '2020-06-30').flagged_indicators).toBe(0);
    expect(on(spans, '2020-07-01').flagged_indicators).toBe(1);
    // Judged by the adjusted target all year, the row would be flagged before the adjustment too.
    expect(on(monitoringSpans(current, valued, 2020, DEFAULT_MONITORING_SETTINGS), '2020-06-30').flagged_indicators).toBe(1);
    expect(spans[0]!.valid_from).toBe('2020-01-01');
    expect(spans.at(-1)!.valid_to).toBe('2021-01-01');
    spans.slice(1).forEach((s, i) => expect(s.valid_from).toBe(spans[i]!.valid_to));
  });
});
