/**
 * The seeded year: 怀来县司法局 2020 (samples/huailai-sifaju-2020.txt, 6 projects, 91.10 万元) with
 * the hand-written actuals in fixtures/huailai-2020-actuals.csv, walked through monitoring at
 * 3月底, 6月底 and 10月底 and through the year-end self-evaluation. Every expected figure below
 * was computed by hand from the two files (the arithmetic is in the comments), not read off the code.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { evaluateDocument } from '../../core/evaluation/department.ts';
import { monitorDocument } from '../../core/monitoring/monitor.ts';
import { readDocumentFile } from '../read-document.ts';
import { readActualsFile } from './read-actuals.ts';

const SEED = join(import.meta.dirname, '../../../samples/huailai-sifaju-2020.txt');
const ACTUALS = join(import.meta.dirname, 'fixtures/huailai-2020-actuals.csv');
const [document] = await readDocumentFile(readFileSync(SEED), 'huailai-sifaju-2020.txt');
const actuals = await readActualsFile(readFileSync(ACTUALS), 'huailai-2020-actuals.csv', [document!]);

const A = '315-0105-JBN-2D9U'; // 法律援助            5.00   plan 20/50/75/100
const B = '315-0103-YBN-UP1C'; // 社区矫正补助资金     4.10   plan 25/50/75/100
const C = '315-0103-YBN-TSVA'; // 政法转移支付-司法   39.00   plan 25/50/75/100
const D = '315-0103-YBN-W3GC'; // 基层公检法司-司法   20.00   plan 25/50/75/100
const E = '315-0101-JBN-GXGK'; // 普法宣传           15.00   plan 15/40/75/100
const F = '315-0103-JBN-NGVM'; // 社区矫正             8.00   plan 15/45/75/100

const monitorAt = (date: string) => monitorDocument(document!, actuals, date);
const row = (date: string) =>
  Object.fromEntries(monitorAt(date).projects.map((p) => [p.projectCode, `${p.execution.rate}/${p.execution.planned} ${p.light}`]));
const errors = (date: string) => monitorAt(date).findings.map((f) => `${f.ruleId} ${f.projectCode} ${f.indicatorIndex ?? '-'}`);

describe('monitoring the seeded year', () => {
  /*
   * 3月底 (2020-03-31)   spent / budget = rate   plan   behind   light
   *   A   1.00 / 5.00   = 20 %                  20     0        green
   *   B   0.41 / 4.10   = 10 %                  25     15       yellow  (制度保障 + measure given)
   *   C   3.90 / 39.00  = 10 %                  25     15       yellow  (nothing given → error)
   *   D   5.00 / 20.00  = 25 %                  25     0        green
   *   E   2.25 / 15.00  = 15 %                  15     0        green
   *   F   none recorded =  0 %                  15     15       yellow  (nothing given → error)
   */
  it('3月底: three yellow, two of them unexplained', () => {
    expect(row('2020-03-31')).toEqual({
      [A]: '20.00/20.00 green',
      [B]: '10.00/25.00 yellow',
      [C]: '10.00/25.00 yellow',
      [D]: '25.00/25.00 green',
      [E]: '15.00/15.00 green',
      [F]: '0.00/15.00 yellow',
    });
    expect(monitorAt('2020-03-31').lights).toEqual({ green: 3, yellow: 3, red: 0 });
    expect(errors('2020-03-31')).toEqual([`monitoring.missingExplanation ${C} -`, `monitoring.missingExplanation ${F} -`]);
  });

  /*
   * 未填报 (no actual value by the date, and no judgement that makes a light) is a state of its own,
   * not green, and lights no project:
   *   3月底  A 6 + B 3 + C 5 (row 3 不适用 has no value either) + D 6 + E 6 + F 6      = 32
   *   6月底  C row 2 (30), D row 1 (20) and E row 1 (6张) reported → 32 − 3          = 29
   *   10月底 the same rows (C row 2 keeps its 6月 value)                            = 29
   * Of the rows, only E row 1 (数量指标 ≥15张) is a count due in parts: 6张 = 40 % at 6月底 against the
   * plan's 40 % (0.00 behind), 12张 = 80 % at 10月底 against 75 % (5.00 ahead) → green both times.
   * C row 2 (≥50) and D row 1 (>50) are bare numbers — the seed writes rates that way — so they are
   * not paced; D row 1 is lit by its 完全不可能 as before.
   */
  it('未填报 rows are counted, not green; the one count is on pace', () => {
    expect(['2020-03-31', '2020-06-30', '2020-10-31'].map((d) => monitorAt(d).unreported)).toEqual([32, 29, 29]);
    const e = (date: string) => monitorAt(date).projects.find((p) => p.projectCode === E)!;
    expect(e('2020-03-31').indicators.map((i) => i.light)).toEqual(Array(6).fill('noData'));
    expect(e('2020-06-30').indicators[0]).toMatchObject({ light: 'green', pace: { expected: '40.00', basis: 'plan', shortfall: '0.00' } });
    expect(e('2020-10-31').indicators[0]).toMatchObject({ light: 'green', pace: { expected: '75.00', shortfall: '-5.00' } });
    const d = monitorAt('2020-10-31').projects.find((p) => p.projectCode === D)!;
    expect(d.indicators.map((i) => i.light)).toEqual(['red', 'noData', 'noData', 'noData', 'noData', 'noData']);
  });

  /*
   * 6月底 (2020-06-30)
   *   A   2.50 / 5.00  = 50 %   plan 50   green
   *   B   2.05 / 4.10  = 50 %   plan 50   green
   *   C  11.70 / 39.00 = 30 %   plan 50   20 behind → red (经费保障: 招标流标, measure 7月重新招标)
   *   D  10.00 / 20.00 = 50 %   plan 50   green; row 1 judged 有可能 (green by default), 20 of >50 so far
   *   E   6.00 / 15.00 = 40 %   plan 40   green; row 1 6张 of ≥15张 = 40 %
   *   F   3.60 / 8.00  = 45 %   plan 45   green
   */
  it('6月底: one red, explained', () => {
    expect(row('2020-06-30')).toEqual({
      [A]: '50.00/50.00 green',
      [B]: '50.00/50.00 green',
      [C]: '30.00/50.00 red',
      [D]: '50.00/50.00 green',
      [E]: '40.00/40.00 green',
      [F]: '45.00/45.00 green',
    });
    expect(errors('2020-06-30')).toEqual([]);
    const m = monitorAt('2020-06-30');
    const c = m.projects.find((p) => p.projectCode === C)!;
    expect(c.explanation).toEqual({
      cause: { category: 'funding', text: '装备采购招标流标' },
      likelihood: 'possible',
      measure: '7月重新招标',
      expectedYearEnd: '',
    });
    const e = m.projects.find((p) => p.projectCode === E)!;
    expect(e.indicators[0]).toMatchObject({ target: '≥15张', actual: { value: '6张' }, progress: '40.00' });
    expect(e.indicators[0]!.explanation).toMatchObject({ likelihood: 'certain', expectedYearEnd: '15张' });
  });

  /*
   * 10月底 (2020-10-31)
   *   A   3.75 / 5.00  = 75 %   plan 75   green
   *   B   2.87 / 4.10  = 70 %   plan 75   5 behind → green
   *   C  27.30 / 39.00 = 70 %   plan 75   5 behind → green
   *   D  15.00 / 20.00 = 75 %   plan 75   on plan, but row 1 judged 完全不可能 → red (硬件条件保障 + measure given)
   *   E   9.00 / 15.00 = 60 %   plan 75   15 behind → yellow (人员保障 + measure given)
   *   F   4.00 / 8.00  = 50 %   plan 75   25 behind → red (经费保障 + measure given)
   */
  it('10月底: two red, one yellow, all explained', () => {
    expect(row('2020-10-31')).toEqual({
      [A]: '75.00/75.00 green',
      [B]: '70.00/75.00 green',
      [C]: '70.00/75.00 green',
      [D]: '75.00/75.00 red',
      [E]: '60.00/75.00 yellow',
      [F]: '50.00/75.00 red',
    });
    expect(monitorAt('2020-10-31').lights).toEqual({ green: 3, yellow: 1, red: 2 });
    expect(errors('2020-10-31')).toEqual([]);
    const d = monitorAt('2020-10-31').projects.find((p) => p.projectCode === D)!;
    expect(d.reasons).toEqual([{ kind: 'likelihood', light: 'red', index: 1 }]);
    expect(d.indicators[0]).toMatchObject({ actual: { value: '30' }, progress: '60.00' }); // 30 / 50
  });
});

describe('the seeded year-end self-evaluation, checked by hand', () => {
  /*
   * Weights 预算执行率 10 · 产出 50 · 效益 30 · 满意度 10, each family spread equally over its rows;
   * a row marked 不适用 is dropped and its family respread. Scores are rounded to the cent.
   *
   * | project | line                         | target | actual | points | arithmetic              | score  |
   * |---------|------------------------------|--------|--------|--------|-------------------------|--------|
   * | A 5.00  | 预算执行率 5.00/5.00 = 100 %  |        |        | 10     | 10 × 1                  | 10.00  |
   * |         | 1 产出 结案率                 | ≥95    | 96%    | 25     | 96/95 > 1 → capped      | 25.00  |
   * |         | 2 产出 群众收益率             | 100 (=)| 100    | 25     | met                     | 25.00  |
   * |         | 3 效果                        | ≥95    | 97     | 15     | capped                  | 15.00  |
   * |         | 4 效果 (12/10 = 120 % → far off, analysis given) | ≥10 | 12 | 15 | capped        | 15.00  |
   * |         | 5 满意度                      | ≥90    | 93     | 10     | row 6 不适用: 10 / 1     | 10.00  |
   * |         | 6 满意度 (empty target)       |        |        | —      | 不适用                   | —      |
   * |         | **total**                     |        |        | 100    |                         | 100.00 优 |
   * | B 4.10  | 预算执行率 3.69/4.10 = 90 %   |        |        | 10     | 10 × 0.9                | 9.00   |
   * |         | 1 产出 核查率                 | 100 (=)| 100    | 50     | only 产出 row            | 50.00  |
   * |         | 2 效果 降低重新犯罪           | 100 (=)| 98     | 30     | 30 × (1 − 2/100)        | 29.40  |
   * |         | 3 满意度                      | >95    | 97     | 10     | capped                  | 10.00  |
   * |         | **total**                     |        |        |        | 9 + 50 + 29.40 + 10     | 98.40 优 |
   * | C 39.00 | 预算执行率 35.10/39.00 = 90 % |        |        | 10     | 10 × 0.9                | 9.00   |
   * |         | 1 产出 调解结案率             | ≥98    | 99     | 25     | capped                  | 25.00  |
   * |         | 2 产出 装备覆盖率             | ≥50    | 40     | 25     | 25 × 40/50              | 20.00  |
   * |         | 3 效果 (不适用)               |        |        | —      | dropped                 | —      |
   * |         | 4 效果 (empty target: warning)|        | 明显改善 | 30   | cannot be scored → 0    | 0.00   |
   * |         | 5 满意度                      | >95    | 96     | 10     | capped                  | 10.00  |
   * |         | **total**                     |        |        |        | 9 + 25 + 20 + 0 + 10    | 64.00 中 |
   * | D 20.00 | 预算执行率 20/20 = 100 %      |        |        | 10     |                         | 10.00  |
   * |         | 1 产出 更新办公设施           | >50    | 40     | 25     | 25 × 40/50              | 20.00  |
   * |         | 2 产出 调解结案率             | 100 (=)| 100    | 25     | met                     | 25.00  |
   * |         | 3 效果 设施更新率 (no analysis: error) | >50 | 40 | 15   | 15 × 40/50              | 12.00  |
   * |         | 4 效果                        | ≥90    | 92     | 15     | capped                  | 15.00  |
   * |         | 5, 6 满意度                   | >90    | 95, 95 | 5, 5   | capped                  | 10.00  |
   * |         | **total**                     |        |        |        | 10 + 20 + 25 + 12 + 15 + 10 | 92.00 优 |
   * | E 15.00 | 预算执行率 13.50/15 = 90 %    |        |        | 10     | 10 × 0.9                | 9.00   |
   * |         | 1 产出 展板 (18/15 = 120 %, analysis given) | ≥15张 | 18张 | 25 | capped       | 25.00  |
   * |         | 2 产出 培训                   | ≥2次   | 2次    | 25     | met                     | 25.00  |
   * |         | 3 效果 知晓率                 | ≥90    | 85     | 30     | row 4 不适用: 30 × 85/90 = 28.333… | 28.33 |
   * |         | 4 效果 (不适用)               |        |        | —      | dropped                 | —      |
   * |         | 5, 6 满意度                   | ≥80    | 90, 90 | 5, 5   | capped                  | 10.00  |
   * |         | **total**                     |        |        |        | 9 + 25 + 25 + 28.33 + 10 | 97.33 优 |
   * | F 8.00  | 预算执行率 6.00/8.00 = 75 %   |        |        | 10     | 10 × 0.75               | 7.50   |
   * |         | 1, 2 产出                     | 100 (=)| 100    | 25, 25 | met                     | 50.00  |
   * |         | 3 效果                        | 100 (=)| 100    | 15     | met                     | 15.00  |
   * |         | 4 效果 (no analysis: error)   | 100 (=)| 95     | 15     | 15 × (1 − 5/100)        | 14.25  |
   * |         | 5 满意度                      | ≥95    | 96     | 5      | capped                  | 5.00   |
   * |         | 6 满意度 (empty target: warning) |     |        | 5      | cannot be scored → 0    | 0.00   |
   * |         | **total**                     |        |        |        | 7.50 + 50 + 15 + 14.25 + 5 + 0 | 91.75 优 |
   *
   * 部门整体: Σ 全年预算数 = 5 + 4.10 + 39 + 20 + 15 + 8 = 91.10; Σ 全年执行数 = 5 + 3.69 + 35.10 + 20 + 13.50 + 6 = 83.29;
   * execution 83.29 / 91.10 = 91.4270…% → 91.43 %.
   * Σ budget × score = 5×100 + 4.10×98.40 + 39×64 + 20×92 + 15×97.33 + 8×91.75
   *                  = 500 + 403.44 + 2496 + 1840 + 1459.95 + 734 = 7433.39;
   * 7433.39 / 91.10 = 81.5959… → 81.60 → 良. Grades: 优 5, 中 1.
   *
   * The three 不适用 rows (A 6, C 3, E 4) each give a reason (the 说明 of a row recording no value),
   * so they are dropped as before and the figures above stand; each is a warning for the reviewer,
   * and the score with every row scored is kept beside the total:
   *   A  row 6 scored: 满意度 10 → 5 + 5; row 6 has an empty target → 0      10+25+25+15+15+5+0   =  95.00 优
   *   C  row 3 scored: 效果 30 → 15 + 15; rows 3 (no target, no value) and 4 (empty target) → 0
   *                                                                         9+25+20+0+0+10       =  64.00 中 (same)
   *   E  row 4 scored: 效果 30 → 15 + 15; row 3: 15 × 85/90 = 14.1666… → 14.17; row 4 → 0
   *                                                                         9+25+25+14.17+0+10   =  83.17 良
   *   B, D, F have no 不适用 row: unchanged.
   * 部门整体 with every row scored: 5×95 + 403.44 + 2496 + 1840 + 15×83.17 + 734
   *   = 475 + 403.44 + 2496 + 1840 + 1247.55 + 734 = 7195.99; 7195.99 / 91.10 = 78.9900… → 78.99 → 中.
   */
  const result = evaluateDocument(document!, actuals);
  const byCode = Object.fromEntries(result.projects.map((p) => [p.projectCode, p]));

  it('scores every line as computed by hand', () => {
    const lines = (code: string) => [
      byCode[code]!.budget.score,
      ...byCode[code]!.indicators.map((i) => (i.status === 'scored' ? `${i.points}→${i.score}` : i.status)),
    ];
    expect(lines(A)).toEqual(['10.00', '25.00→25.00', '25.00→25.00', '15.00→15.00', '15.00→15.00', '10.00→10.00', 'notApplicable']);
    expect(lines(B)).toEqual(['9.00', '50.00→50.00', '30.00→29.40', '10.00→10.00']);
    expect(lines(C)).toEqual(['9.00', '25.00→25.00', '25.00→20.00', 'notApplicable', '30.00→0.00', '10.00→10.00']);
    expect(lines(D)).toEqual(['10.00', '25.00→20.00', '25.00→25.00', '15.00→12.00', '15.00→15.00', '5.00→5.00', '5.00→5.00']);
    expect(lines(E)).toEqual(['9.00', '25.00→25.00', '25.00→25.00', '30.00→28.33', 'notApplicable', '5.00→5.00', '5.00→5.00']);
    expect(lines(F)).toEqual(['7.50', '25.00→25.00', '25.00→25.00', '15.00→15.00', '15.00→14.25', '5.00→5.00', '5.00→0.00']);
  });

  it('totals and grades', () => {
    expect(result.projects.map((p) => [p.projectCode, p.total, p.grade])).toEqual([
      [A, '100.00', '优'],
      [B, '98.40', '优'],
      [C, '64.00', '中'],
      [D, '92.00', '优'],
      [E, '97.33', '优'],
      [F, '91.75', '优'],
    ]);
  });

  it('keeps the score with every row scored beside the score without the 不适用 rows', () => {
    expect(result.projects.map((p) => p.withoutNotApplicable)).toEqual([
      { points: '100.00', total: '95.00', grade: '优' },
      null,
      { points: '100.00', total: '64.00', grade: '中' },
      null,
      { points: '100.00', total: '83.17', grade: '良' },
      null,
    ]);
    expect(result.withoutNotApplicable).toEqual({ score: '78.99', grade: '中' });
    expect(byCode[C]!.indicators[2]!.notApplicableReason).toBe('上访率无统计口径');
  });

  it('the 部门整体 summary', () => {
    expect(result).toMatchObject({ budget: '91.10', spent: '83.29', rate: '91.43', score: '81.60', grade: '良' });
    expect(result.gradeCounts).toEqual({ 优: 5, 良: 0, 中: 1, 差: 0 });
  });

  it('raises what a reviewer of the 自评表 would: 不适用 rows, unscorable targets and missing analyses', () => {
    expect(result.findings.map((f) => `${f.severity} ${f.ruleId} ${f.projectCode} ${f.indicatorIndex}`)).toEqual([
      `warning evaluation.notApplicable ${A} 6`,
      `warning evaluation.notApplicable ${C} 3`,
      `warning evaluation.targetUnscorable ${C} 4`,
      `error evaluation.missingExplanation ${D} 3`,
      `warning evaluation.notApplicable ${E} 4`,
      `error evaluation.missingExplanation ${F} 4`,
      `warning evaluation.targetUnscorable ${F} 6`,
    ]);
  });
});
