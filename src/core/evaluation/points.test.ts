import { describe, expect, it } from 'vitest';
import { Decimal } from '../model/decimal.ts';
import { hebei2020 } from '../forms/profiles/hebei-2020.ts';
import { allocatePoints, familyWeights, formIndicatorPoints, type PointLine } from './points.ts';
import { DEFAULT_EVALUATION_SETTINGS as D, type EvaluationSettings, type Family } from './settings.ts';

const line = (index: number | null, family: Family, applicable = true, explicit: string | null = null): PointLine => ({
  index,
  family,
  applicable,
  explicit: explicit === null ? null : new Decimal(explicit),
});
const table = (lines: PointLine[], settings: EvaluationSettings = D) =>
  Object.fromEntries([...allocatePoints(lines, settings).points].map(([k, v]) => [String(k), v.toFixed(2)]));
const weights = (present: Family[], settings: EvaluationSettings = D) =>
  Object.fromEntries([...familyWeights(new Set(present), settings)].map(([f, w]) => [f, w.toFixed(2)]));

describe('family weights (财预〔2020〕10号: 10 / 50 / 30 / 10)', () => {
  it('all families present: the standard weights', () => {
    expect(weights(['budgetExecution', 'output', 'outcome', 'satisfaction'])).toEqual({
      budgetExecution: '10.00',
      output: '50.00',
      outcome: '30.00',
      satisfaction: '10.00',
    });
  });
  it('满意度 absent: its 10 go to 产出 and 效益 in proportion 50:30 → 56.25 and 33.75; 预算执行率 keeps 10', () => {
    expect(weights(['budgetExecution', 'output', 'outcome'])).toEqual({
      budgetExecution: '10.00',
      output: '56.25',
      outcome: '33.75',
    });
  });
  it('"allFamilies": 满意度\'s 10 shared 10:50:30 → 1.11 / 5.56 / 3.33 (cents by largest remainder)', () => {
    // 10 × 10/90 = 1.111…, 10 × 50/90 = 5.555…, 10 × 30/90 = 3.333…: floors 1.11 + 5.55 + 3.33 = 9.99, the cent to 5.555….
    expect(weights(['budgetExecution', 'output', 'outcome'], { ...D, absentFamily: 'allFamilies' })).toEqual({
      budgetExecution: '11.11',
      output: '55.56',
      outcome: '33.33',
    });
  });
  it('"forfeit": the absent weight is lost', () => {
    expect(weights(['budgetExecution', 'output', 'outcome'], { ...D, absentFamily: 'forfeit' })).toEqual({
      budgetExecution: '10.00',
      output: '50.00',
      outcome: '30.00',
    });
  });
  it('no budget line: its 10 go to the indicator families 50:30:10', () => {
    // 10 × 50/90 = 5.555…, 10 × 30/90 = 3.333…, 10 × 10/90 = 1.111…
    expect(weights(['output', 'outcome', 'satisfaction'])).toEqual({ output: '55.56', outcome: '33.33', satisfaction: '11.11' });
  });
  it('成本 with its own weight (2021 form, bureau setting 20 / 产出 30)', () => {
    const s: EvaluationSettings = { ...D, weights: { budgetExecution: '10', cost: '20', output: '30', outcome: '30', satisfaction: '10' } };
    expect(weights(['budgetExecution', 'cost', 'output', 'outcome', 'satisfaction'], s)).toMatchObject({ cost: '20.00', output: '30.00' });
  });
});

describe('points per line', () => {
  const lines = [
    line(null, 'budgetExecution'),
    line(1, 'output'),
    line(2, 'output'),
    line(3, 'output'),
    line(4, 'outcome'),
    line(5, 'outcome'),
    line(6, 'satisfaction'),
  ];
  it('spreads each family equally, the extra cent to the first rows', () => {
    expect(table(lines)).toEqual({ null: '10.00', 1: '16.67', 2: '16.67', 3: '16.66', 4: '15.00', 5: '15.00', 6: '10.00' });
  });
  it('drops a row that does not apply within its family ("withinFamily")', () => {
    const dropped = lines.map((l) => (l.index === 3 ? { ...l, applicable: false } : l));
    expect(table(dropped)).toEqual({ null: '10.00', 1: '25.00', 2: '25.00', 4: '15.00', 5: '15.00', 6: '10.00' });
  });
  it('"acrossAll": drops it and rescales every other line to 100', () => {
    const dropped = lines.map((l) => (l.index === 3 ? { ...l, applicable: false } : l));
    // Without row 3 the lines hold 100 − 16.66 = 83.34; each × 100/83.34:
    // 10 → 11.999…, 16.67 → 20.002…, 15 → 17.998…, 10 → 11.999…; cents by largest remainder to total 100.
    const t = table(dropped, { ...D, notApplicable: 'acrossAll' });
    expect(
      Object.values(t)
        .reduce((s, p) => s.plus(p), new Decimal(0))
        .toFixed(2),
    ).toBe('100.00');
    expect(t).toEqual({ null: '12.00', 1: '20.00', 2: '20.00', 4: '18.00', 5: '18.00', 6: '12.00' });
  });
  it('a family whose only row does not apply is absent: its weight goes to the others', () => {
    const noSatisfaction = lines.map((l) => (l.index === 6 ? { ...l, applicable: false } : l));
    // 产出 56.25 over three rows: 18.75 each; 效益 33.75 over two: 16.875 → 16.88 + 16.87.
    expect(table(noSatisfaction)).toEqual({ null: '10.00', 1: '18.75', 2: '18.75', 3: '18.75', 4: '16.88', 5: '16.87' });
  });
  it("uses the bureau's points when every row has them, rescaled to 100 if rows were dropped", () => {
    const explicit = [
      line(null, 'budgetExecution'),
      line(1, 'output', true, '60'),
      line(2, 'outcome', true, '20'),
      line(3, 'satisfaction', true, '10'),
    ];
    expect(table(explicit)).toEqual({ null: '10.00', 1: '60.00', 2: '20.00', 3: '10.00' });
    const dropped = explicit.map((l) => (l.index === 3 ? { ...l, applicable: false } : l));
    // 10 + 60 + 20 = 90 → × 100/90: 11.11, 66.67, 22.22.
    expect(table(dropped)).toEqual({ null: '11.11', 1: '66.67', 2: '22.22' });
  });
  it("ignores the bureau's points when only some rows have them, and says so", () => {
    const partial = [line(null, 'budgetExecution'), line(1, 'output', true, '60'), line(2, 'output'), line(3, 'satisfaction')];
    const a = allocatePoints(partial, { ...D });
    expect(a.explicitIgnored).toBe(true);
    // No 效益 row: its 30 go 50:10 to 产出 (+25 → 75, two rows of 37.50) and 满意度 (+5 → 15).
    expect(a.points.get(1)!.toFixed(2)).toBe('37.50');
    expect(a.points.get(3)!.toFixed(2)).toBe('15.00');
  });
});

describe('points as the form weights them (a 权重/分值 column)', () => {
  const formTable = (lines: PointLine[], formPoints: string, settings: EvaluationSettings = D) =>
    Object.fromEntries([...allocatePoints(lines, settings, new Decimal(formPoints)).points].map(([k, v]) => [String(k), v.toFixed(2)]));
  const weighted = [
    line(null, 'budgetExecution'),
    line(1, 'output', true, '60'),
    line(2, 'outcome', true, '20'),
    line(3, 'satisfaction', true, '10'),
  ];

  it('uses the weights as given where they add up to the form’s total, the budget line taking the rest of 100', () => {
    expect(formTable(weighted, '90')).toEqual({ null: '10.00', 1: '60.00', 2: '20.00', 3: '10.00' });
  });

  it('scales weights that do not add up to the form’s total exactly, whatever the 一级 split', () => {
    // 30 + 20 + 20 = 70 → × 90/70: 38.571… → 38.57, 25.714… → 25.72 (the extra cent), 25.71.
    const off = [
      line(null, 'budgetExecution'),
      line(1, 'output', true, '30'),
      line(2, 'output', true, '20'),
      line(3, 'satisfaction', true, '20'),
    ];
    expect(formTable(off, '90')).toEqual({ null: '10.00', 1: '38.57', 2: '25.72', 3: '25.71' });
  });

  it('keeps the form’s total for the rows when one does not apply, the budget line its 10', () => {
    const dropped = weighted.map((l) => (l.index === 3 ? { ...l, applicable: false } : l));
    // 60 + 20 = 80 → × 90/80: 67.50, 22.50.
    expect(formTable(dropped, '90')).toEqual({ null: '10.00', 1: '67.50', 2: '22.50' });
  });

  it('gives the rows all 100 where there is no budget line, unless absent weights are forfeited', () => {
    expect(formTable(weighted.slice(1), '90')).toEqual({ 1: '66.67', 2: '22.22', 3: '11.11' });
    expect(formTable(weighted.slice(1), '90', { ...D, absentFamily: 'forfeit' })).toEqual({ 1: '60.00', 2: '20.00', 3: '10.00' });
  });

  it('falls back to the 一级 split while a row has no weight', () => {
    const partial = [line(null, 'budgetExecution'), line(1, 'output', true, '60'), line(2, 'outcome'), line(3, 'satisfaction', true, '10')];
    const a = allocatePoints(partial, D, new Decimal('90'));
    expect(a.explicitIgnored).toBe(true);
    expect(a.points.get(1)!.toFixed(2)).toBe('50.00');
  });

  it('takes the form’s total from the profile, or what the budget line leaves; none where the form does not weight rows', () => {
    const column = { ...hebei2020, weights: 'column' as const };
    expect(formIndicatorPoints(hebei2020, D)).toBeUndefined();
    expect(formIndicatorPoints(undefined, D)).toBeUndefined();
    expect(formIndicatorPoints({ ...column, totalPoints: '90' }, D)?.toFixed(2)).toBe('90.00');
    expect(formIndicatorPoints({ ...column, totalPoints: '100' }, D)?.toFixed(2)).toBe('100.00');
    expect(formIndicatorPoints({ ...column, totalPoints: null }, D)?.toFixed(2)).toBe('90.00');
  });
});
