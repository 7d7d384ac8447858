import { describe, expect, it } from 'vitest';
import { actuals, analyses, project, values } from '../actuals/fixtures/build.ts';
import type { ProjectActuals } from '../actuals/actuals.ts';
import { hebei2020 } from '../forms/profiles/hebei-2020.ts';
import { evaluateProject, type ProjectEvaluation } from './evaluate.ts';
import { summarizeDepartment } from './department.ts';
import { DEFAULT_EVALUATION_SETTINGS as D, gradeOf } from './settings.ts';

const spent = (amount: string, date = '2020-12-31') => [{ date, cumulative: amount, note: '' }];
const ruleIds = (e: ProjectEvaluation) => e.findings.map((f) => `${f.ruleId}@${f.indicatorIndex ?? '-'}`);
const scores = (e: ProjectEvaluation) => e.indicators.map((i) => `${i.points}→${i.score}`);

/** Four rows, one per family, as the standard form has them. */
const standard = project('P-1', '20.00', [
  ['产出指标', '数量指标', '制作展板', '≥15张'],
  ['产出指标', '时效指标', '办结时限', '≤3天'],
  ['效果指标', '社会效益指标', '法治意识', '好'],
  ['满意度指标', '服务对象满意度指标', '群众满意度', '≥90%'],
]);

describe('a worked example (every formula once)', () => {
  // 预算执行率 19 / 20 = 95 %                         → 10 × 0.95            =  9.50
  // row 1 ≥15张, actual 12张: 12/15 = 0.8 (产出 50 / 2 = 25) → 25 × 0.8   = 20.00
  // row 2 ≤3天, actual 4天:  3/4 = 0.75                       → 25 × 0.75  = 18.75
  // row 3 好, actual 部分达成: band 60–80 %, default 70 % (效益 30) → 30 × 0.7 = 21.00
  // row 4 ≥90%, actual 95%: over-achieved, capped (满意度 10)  → 10          = 10.00
  //                                                             total       = 79.25 → 中
  const e = evaluateProject(
    standard,
    actuals('P-1', { spending: spent('19.00'), values: values(2020, '12张', '4天', '部分达成', '95%') }),
    2020,
  );
  it('scores each line', () => {
    expect(e.budget).toMatchObject({ initial: '20.00', adjusted: '20.00', spent: '19.00', rate: '95.00', points: '10.00', score: '9.50' });
    expect(scores(e)).toEqual(['25.00→20.00', '25.00→18.75', '30.00→21.00', '10.00→10.00']);
    expect(e.families).toEqual([
      { family: 'budgetExecution', points: '10.00', score: '9.50' },
      { family: 'output', points: '50.00', score: '38.75' },
      { family: 'outcome', points: '30.00', score: '21.00' },
      { family: 'satisfaction', points: '10.00', score: '10.00' },
    ]);
    expect(e.points).toBe('100.00');
    expect(e.total).toBe('79.25');
    expect(e.grade).toBe('中');
  });
  it('requires an analysis for each line that lost points', () => {
    expect(ruleIds(e)).toEqual([
      'evaluation.missingExplanation@-',
      'evaluation.missingExplanation@1',
      'evaluation.missingExplanation@2',
      'evaluation.missingExplanation@3',
    ]);
    expect(e.findings.every((f) => f.severity === 'error' && f.source === '财预〔2020〕10号')).toBe(true);
  });
  it('is satisfied once the analyses are written', () => {
    const explained = evaluateProject(
      standard,
      actuals('P-1', {
        spending: spent('19.00'),
        values: values(2020, '12张', '4天', '部分达成', '95%'),
        evaluation: analyses(null, 1, 2, 3),
      }),
      2020,
    );
    expect(explained.findings).toEqual([]);
    expect(explained.indicators[0]!.explanation).toBe('原因及措施');
  });
});

describe('the budget line', () => {
  const rows = standard.indicators.length;
  const allMet = values(2020, '15张', '3天', '好', '90%');
  it('caps over-execution at its points and asks why the budget was exceeded', () => {
    const e = evaluateProject(standard, actuals('P-1', { spending: spent('22.00'), values: allMet }), 2020);
    expect(e.budget).toMatchObject({ rate: '110.00', score: '10.00', explanationRequired: true });
    expect(e.findings[0]!.message).toContain('超出全年预算数');
    expect(e.total).toBe('100.00');
  });
  it('measures against the adjusted budget (全年预算数) when one is recorded', () => {
    const e = evaluateProject(standard, actuals('P-1', { adjustedBudget: '16.00', spending: spent('12.00'), values: allMet }), 2020);
    // 12 / 16 = 75 % → 7.50
    expect(e.budget).toMatchObject({ initial: '20.00', adjusted: '16.00', rate: '75.00', score: '7.50' });
  });
  it('a project with no spending recorded scores 0 for execution, with an error', () => {
    const e = evaluateProject(standard, actuals('P-1', { values: allMet }), 2020);
    expect(e.budget).toMatchObject({ spent: null, rate: '0.00', score: '0.00' });
    expect(ruleIds(e)).toEqual(['evaluation.noSpending@-']);
    expect(e.total).toBe('90.00');
    expect(e.grade).toBe('优');
  });
  it('a recorded spending of 0 scores 0 and needs an analysis', () => {
    const e = evaluateProject(standard, actuals('P-1', { spending: spent('0'), values: allMet }), 2020);
    expect(e.budget).toMatchObject({ spent: '0.00', rate: '0.00', score: '0.00' });
    expect(ruleIds(e)).toEqual(['evaluation.missingExplanation@-']);
  });
  it('a budget of 0 drops the line; its 10 points go to the indicator families 50:30:10', () => {
    const zero = { ...standard, budget: { ...standard.budget, total: '0' } };
    const e = evaluateProject(zero, actuals('P-1', { values: allMet }), 2020);
    // 产出 55.56 → 27.78 + 27.78; 效益 33.33; 满意度 11.11 (see points.test.ts)
    expect(e.budget).toMatchObject({ scored: false, rate: null, points: '0.00', score: '0.00' });
    expect(scores(e)).toEqual(['27.78→27.78', '27.78→27.78', '33.33→33.33', '11.11→11.11']);
    expect(e.total).toBe('100.00');
    expect(ruleIds(e)).toEqual(['evaluation.noBudget@-']);
    expect(rows).toBe(4);
  });
  it('reads a table in 元 as 万元', () => {
    const inYuan = { ...standard, amountUnit: '元' as const, budget: { ...standard.budget, total: '200000.00' } };
    const e = evaluateProject(inYuan, actuals('P-1', { spending: spent('10.00'), values: allMet }), 2020);
    expect(e.budget).toMatchObject({ initial: '20.00', rate: '50.00', score: '5.00' });
  });
});

describe('indicator edge cases', () => {
  const base = (fill: Partial<ProjectActuals>) => evaluateProject(standard, actuals('P-1', { spending: spent('20.00'), ...fill }), 2020);

  it('a missing actual scores 0 with an error, not a crash', () => {
    const e = base({ values: values(2020, '15张', '3天', '好') });
    expect(e.indicators[3]).toMatchObject({ actual: null, score: '0.00', met: false, explanationRequired: false });
    expect(ruleIds(e)).toEqual(['evaluation.missingActual@4']);
    expect(e.total).toBe('90.00');
  });
  it('an actual dated after the evaluation date is not counted, and the finding says so', () => {
    const e = base({ values: [...values(2020, '15张', '3天', '好'), { index: 4, date: '2021-01-15', value: '92%', note: '' }] });
    expect(e.indicators[3]!.score).toBe('0.00');
    expect(e.findings[0]!.message).toContain('有晚于该日的记录');
    const later = evaluateProject(
      standard,
      actuals('P-1', {
        spending: spent('20.00'),
        values: [...values(2020, '15张', '3天', '好'), { index: 4, date: '2021-01-15', value: '92%', note: '' }],
      }),
      2020,
      { asOf: '2021-01-31' },
    );
    expect(later.indicators[3]!.score).toBe('10.00');
    expect(later.total).toBe('100.00');
  });
  it('an actual that cannot be compared scores 0 with an error', () => {
    const e = base({ values: values(2020, '十五张', '3天', '好', '90%') });
    expect(ruleIds(e)).toEqual(['evaluation.actualNotComparable@1']);
    expect(e.indicators[0]!.score).toBe('0.00');
  });
  it('an empty target cannot be scored: 0 with a warning (the evaluator may mark it 不适用)', () => {
    const withEmpty = project('P-2', '10', [
      ['产出指标', '数量指标', 'a', '≥10'],
      ['满意度指标', '服务对象满意度指标', 'b', ''],
    ]);
    const e = evaluateProject(withEmpty, actuals('P-2', { spending: spent('10'), values: values(2020, '10', '95') }), 2020);
    // 效益 absent: its 30 go 50:10 → 产出 75, 满意度 15.
    expect(scores(e)).toEqual(['75.00→75.00', '15.00→0.00']);
    expect(ruleIds(e)).toEqual(['evaluation.targetUnscorable@2']);
  });
  it('a row that does not apply is dropped and its family respread', () => {
    const e = base({
      values: values(2020, '15张', '', '好', '90%'),
      evaluation: [
        { index: 2, notApplicable: true, notApplicableReason: '本年度未开展该项工作', analysis: '', points: null, gradePercent: null },
      ],
    });
    expect(e.indicators[1]).toMatchObject({
      status: 'notApplicable',
      points: '0.00',
      score: '0.00',
      notApplicableReason: '本年度未开展该项工作',
    });
    expect(e.indicators[0]).toMatchObject({ points: '50.00', score: '50.00' });
    expect(e.total).toBe('100.00');
    // The reviewer is told, and sees the score with the row scored: 产出 25 + 0 (no actual), 效益 30, 满意度 10, 预算 10.
    expect(ruleIds(e)).toEqual(['evaluation.notApplicable@2']);
    expect(e.findings[0]).toMatchObject({
      severity: 'warning',
      message: '项目 P-1 第 2 行指标：标为不适用，不计分（理由：本年度未开展该项工作）',
    });
    expect(e.withoutNotApplicable).toEqual({ points: '100.00', total: '75.00', grade: '中' });
  });
  it('不适用 on a row with an actual is a finding naming the actual, and both scores are kept', () => {
    // Unmet row 1 (12张 of ≥15张 → 20.00 of 25) marked 不适用: row 2 carries 产出's 50 → 10 + 50 + 30 + 10 = 100.00 优.
    // Without the 不适用: 10 + 20.00 + 25 + 30 + 10 = 95.00 优 (analysis given, so no other finding).
    const e = base({
      values: values(2020, '12张', '3天', '好', '90%'),
      evaluation: [
        { index: 1, notApplicable: true, notApplicableReason: '上级调整任务', analysis: '原因及措施', points: null, gradePercent: null },
      ],
    });
    expect([e.total, e.grade]).toEqual(['100.00', '优']);
    expect(e.withoutNotApplicable).toEqual({ points: '100.00', total: '95.00', grade: '优' });
    expect(e.findings.map((f) => f.message)).toEqual([
      '项目 P-1 第 1 行指标：已填报实际值“12张”，却标为不适用，不计分（理由：上级调整任务）',
    ]);
  });
  it('不适用 without a reason is not accepted: the row is scored and the missing reason is an error', () => {
    const e = base({
      values: values(2020, '12张', '3天', '好', '90%'),
      evaluation: [{ index: 1, notApplicable: true, notApplicableReason: ' ', analysis: '原因及措施', points: null, gradePercent: null }],
    });
    expect(e.indicators[0]).toMatchObject({ status: 'scored', score: '20.00', notApplicableReason: '' });
    expect([e.total, e.withoutNotApplicable]).toEqual(['95.00', null]);
    expect(ruleIds(e)).toEqual(['evaluation.notApplicableWithoutReason@1']);
    expect(e.findings[0]!.severity).toBe('error');
  });
  it('offers what the unit said in monitoring for the analysis', () => {
    const e = base({
      values: values(2020, '12张', '3天', '好', '90%'),
      monitoring: [
        {
          index: 1,
          date: '2020-06-30',
          cause: { category: 'staffing', text: '人员调整' },
          likelihood: 'possible',
          measure: '',
          expectedYearEnd: '',
        },
        { index: 1, date: '2020-10-31', cause: null, likelihood: null, measure: '下半年集中制作', expectedYearEnd: '' },
        {
          index: null,
          date: '2020-10-31',
          cause: { category: 'funding', text: '资金晚到' },
          likelihood: null,
          measure: '加快支付',
          expectedYearEnd: '',
        },
      ],
    });
    expect(e.indicators[0]!.monitoring).toEqual({ cause: { category: 'staffing', text: '人员调整' }, measure: '下半年集中制作' });
    expect(e.indicators[1]!.monitoring).toBeNull();
    expect(e.budget.monitoring).toEqual({ cause: { category: 'funding', text: '资金晚到' }, measure: '加快支付' });
  });
  it('over-achievement earns no extra, but far beyond the target (≥ 120 %) needs an analysis', () => {
    const e = base({ values: values(2020, '30张', '1天', '好', '91%') });
    expect(e.total).toBe('100.00');
    // 30/15 = 200 %, and 3/1 = 300 % for ≤3天; 91/90 = 101.11 % is not far off.
    expect(e.indicators.map((i) => i.completionPercent)).toEqual(['200.00', '300.00', null, '101.11']);
    expect(ruleIds(e)).toEqual(['evaluation.missingExplanation@1', 'evaluation.missingExplanation@2']);
    expect(e.findings[0]!.message).toContain('200.00%');
    const relaxed = evaluateProject(
      standard,
      actuals('P-1', { spending: spent('20.00'), values: values(2020, '30张', '1天', '好', '91%') }),
      2020,
      { settings: { ...D, overAchievementRatio: null } },
    );
    expect(relaxed.findings).toEqual([]);
  });
  it('the evaluator picks a percent within the qualitative band; outside it is held to the band', () => {
    const pick = (gradePercent: string) =>
      base({
        values: values(2020, '15张', '3天', '部分达成', '90%'),
        evaluation: [{ index: 3, notApplicable: false, notApplicableReason: '', analysis: '原因', points: null, gradePercent }],
      });
    expect(pick('75').indicators[2]!.score).toBe('22.50'); // 30 × 75 %
    const outside = pick('90'); // partial band is 60–80 %
    expect(outside.indicators[2]!.score).toBe('24.00'); // 30 × 80 %
    expect(ruleIds(outside)).toEqual(['evaluation.gradePercentOutOfBand@3']);
  });
  it('达成 earns full points by default; 未达成 30 % (the middle of 0–60 %)', () => {
    expect(base({ values: values(2020, '15张', '3天', '达成', '90%') }).indicators[2]!.score).toBe('30.00');
    expect(base({ values: values(2020, '15张', '3天', '未达成', '90%'), evaluation: analyses(3) }).indicators[2]!.score).toBe('9.00');
  });
  it('a row whose 一级 names no family is left out with an error', () => {
    const odd = project('P-3', '10', [
      ['产出指标', '数量指标', 'a', '≥10'],
      ['其他指标', '其他', 'b', '≥1'],
    ]);
    const e = evaluateProject(odd, actuals('P-3', { spending: spent('10'), values: values(2020, '10', '1') }), 2020);
    expect(e.indicators[1]).toMatchObject({ status: 'unclassified', family: null, points: '0.00' });
    expect(ruleIds(e)).toEqual(['evaluation.unknownFamily@2']);
    expect(e.total).toBe('100.00');
  });
  it('a 2021-form 成本指标 row counts within 产出 by default, or on its own weight', () => {
    const withCost = project('P-4', '10', [
      ['成本指标', '经济成本指标', '单价', '≤100元'],
      ['产出指标', '数量指标', '数量', '≥10'],
      ['效益指标', '社会效益指标', '效益', '好'],
      ['满意度指标', '服务对象满意度指标', '满意度', '≥90'],
    ]);
    const a = actuals('P-4', { spending: spent('10'), values: values(2021, '125元', '10', '好', '90') });
    const shared = evaluateProject(withCost, a, 2021, { asOf: '2021-12-31' });
    // 100/125 = 0.8 of 25 = 20
    expect(scores(shared)).toEqual(['25.00→20.00', '25.00→25.00', '30.00→30.00', '10.00→10.00']);
    const own = evaluateProject(withCost, a, 2021, {
      settings: { ...D, weights: { budgetExecution: '10', cost: '20', output: '30', outcome: '30', satisfaction: '10' } },
    });
    expect(scores(own)).toEqual(['20.00→16.00', '30.00→30.00', '30.00→30.00', '10.00→10.00']);
  });
});

describe('grades (lower bound inclusive)', () => {
  it.each([
    ['100.00', '优'],
    ['90.00', '优'],
    ['89.99', '良'],
    ['80.00', '良'],
    ['79.99', '中'],
    ['60.00', '中'],
    ['59.99', '差'],
    ['0.00', '差'],
  ])('%s → %s', (total, grade) => {
    expect(gradeOf(total, D)).toBe(grade);
  });
  it('refuses weights that do not add up to 100', () => {
    expect(() => evaluateProject(standard, actuals('P-1'), 2020, { settings: { ...D, weights: { ...D.weights, output: '60' } } })).toThrow(
      RangeError,
    );
  });
});

describe('部门整体 summary', () => {
  const small = evaluateProject(
    project('A', '10', [['产出指标', '数量指标', 'a', '≥10']]),
    actuals('A', { spending: spent('10'), values: values(2020, '10') }),
    2020,
  );
  const large = evaluateProject(
    project('B', '30', [['产出指标', '数量指标', 'b', '≥10']]),
    actuals('B', { spending: spent('15'), values: values(2020, '5'), evaluation: analyses(null, 1) }),
    2020,
  );
  it("weights the projects' scores by budget", () => {
    // A: 100.00. B: 10 × 15/30 = 5.00 + 90 × 5/10 = 45.00 → 50.00.
    // (100 × 10 + 50 × 30) / 40 = 2500 / 40 = 62.50 → 中; execution (10 + 15) / 40 = 62.50 %.
    expect([small.total, large.total]).toEqual(['100.00', '50.00']);
    const d = summarizeDepartment({ code: '315002', name: '怀来县司法局' }, 2020, [small, large]);
    expect(d).toMatchObject({ budget: '40.00', spent: '25.00', rate: '62.50', score: '62.50', grade: '中' });
    expect(d.gradeCounts).toEqual({ 优: 1, 良: 0, 中: 0, 差: 1 });
  });
  it('has no score without projects', () => {
    expect(summarizeDepartment({ code: null, name: 'x' }, 2020, [])).toMatchObject({ score: null, grade: null, rate: null });
  });
});

describe('scoring as the profile’s form weights rows', () => {
  // 四川 自评表: 预算执行情况(10分), 绩效指标(90分), a 权重 on every row.
  const profile = { ...hebei2020, weights: 'column' as const, totalPoints: '90' };
  const weightedProject = (weights: (string | null)[]) => ({
    ...standard,
    indicators: standard.indicators.map((row, i) => ({ ...row, weight: weights[i] ?? null })),
  });
  const met = actuals('P-1', { spending: spent('20.00'), values: values(2020, '15张', '3天', '达成', '95%') });

  it('gives each row its form weight instead of the fixed 50/30/10 split', () => {
    const e = evaluateProject(weightedProject(['40', '20', '20', '10']), met, 2020, { profile });
    expect(e.budget.points).toBe('10.00');
    expect(e.indicators.map((i) => i.points)).toEqual(['40.00', '20.00', '20.00', '10.00']);
    expect(e.points).toBe('100.00');
    expect(e.total).toBe('100.00');
  });

  it('scales weights that miss the form’s total to it exactly', () => {
    // 30 + 30 + 30 + 30 = 120 → × 90/120 = 22.50 each.
    const e = evaluateProject(weightedProject(['30', '30', '30', '30']), met, 2020, { profile });
    expect(e.indicators.map((i) => i.points)).toEqual(['22.50', '22.50', '22.50', '22.50']);
    expect(e.points).toBe('100.00');
  });

  it('keeps the fixed split where the form prints no weights, or a row lacks one (and says so)', () => {
    const fixedSplit = ['25.00', '25.00', '30.00', '10.00'];
    expect(evaluateProject(weightedProject(['40', '20', '20', '10']), met, 2020).indicators.map((i) => i.points)).toEqual(fixedSplit);
    const partial = evaluateProject(weightedProject(['40', null, '20', '10']), met, 2020, { profile });
    expect(partial.indicators.map((i) => i.points)).toEqual(fixedSplit);
    expect(ruleIds(partial)).toContain('evaluation.pointsIncomplete@-');
  });
});

describe('a 自评表 published with the template’s instructions left in', () => {
  it('says which statements were never filled in, and nothing of those that were', () => {
    const base = actuals('P-1', { spending: spent('20.00'), values: values(2020, '15张', '3天', '达成', '95%') });
    const e = evaluateProject(
      standard,
      {
        ...base,
        statements: [
          { kind: 'conclusion', text: '项目按计划完成，自评得分 95 分。', instruction: false },
          { kind: 'problems', text: '结合自评情况，分析存在的问题及原因。（200字以内）', instruction: true },
        ],
      },
      2020,
    );
    expect(e.findings.map((f) => [f.ruleId, f.field, f.message])).toEqual([
      ['evaluation.instructionLeft', 'evaluation.statements.problems', '项目 P-1：存在问题仍是表样印好的填写说明，没有填写'],
    ]);
  });
});
