import { describe, expect, it } from 'vitest';
import { dec, sum } from './decimal.ts';
import { generateDocuments } from './generate.ts';

describe('generateDocuments', () => {
  it('is repeatable: the same seed gives the same documents, another seed others', () => {
    expect(generateDocuments({ seed: 42, units: 3 })).toEqual(generateDocuments({ seed: 42, units: 3 }));
    expect(generateDocuments({ seed: 43, units: 3 })).not.toEqual(generateDocuments({ seed: 42, units: 3 }));
  });

  const docs = generateDocuments({ seed: 1, units: 20, layout: { otherFunds: true, fundSources: true } });
  const projects = docs.flatMap((d) => d.projects);

  it('makes amounts with two decimals whose parts add up exactly', () => {
    for (const p of projects) {
      const b = p.budget;
      expect(b.total).toMatch(/^\d+\.\d{2}$/);
      expect(sum([b.fiscal, b.other]).equals(b.total!)).toBe(true);
      expect(sum(b.sources.map((s) => s.amount)).equals(b.total!)).toBe(true);
    }
    expect(projects.some((p) => p.budget.other !== null)).toBe(true);
  });

  it('makes non-decreasing spending plans that end at 100', () => {
    for (const p of projects) {
      const percents = p.spendingPlan.map((c) => dec(c.percent!));
      expect(percents.at(-1)!.equals(100)).toBe(true);
      for (let i = 1; i < percents.length; i++) expect(percents[i]!.greaterThanOrEqualTo(percents[i - 1]!)).toBe(true);
    }
  });

  it('makes 4–10 indicators per project across 产出, 效果 and 满意度', () => {
    for (const p of projects) {
      expect(p.indicators.length).toBeGreaterThanOrEqual(4);
      expect(p.indicators.length).toBeLessThanOrEqual(10);
      const level1 = new Set(p.indicators.map((i) => i.level1));
      expect([...level1].sort()).toEqual(['产出指标', '效果指标', '满意度指标'].sort());
      expect(p.indicators.every((i) => i.target !== '' && i.basis !== '' && i.description !== '')).toBe(true);
    }
  });

  it('uses codes in the seed’s pattern and Chinese unit names', () => {
    for (const d of docs) {
      expect(d.unit.code).toMatch(/^\d{6}$/);
      expect(d.unit.name).toMatch(/^[\u4e00-\u9fff]+$/);
      for (const p of d.projects) expect(p.code).toMatch(/^\d{3}-\d{4}-[A-Z]{3}-[0-9A-Z]{4}$/);
    }
  });

  it('honours each layout switch', () => {
    const [d] = generateDocuments({
      seed: 2,
      layout: {
        checkpoints: 'quarterly',
        outcomeName: '效益指标',
        costAsLevel1: true,
        longTerm: true,
        optionalFields: true,
        level3: true,
        department: false,
      },
      year: 2022,
    });
    const p = d!.projects[0]!;
    expect(d!.year).toBe(2022);
    expect(d!.department).toBeNull();
    expect(p.spendingPlan.map((c) => c.checkpoint)).toEqual(['第一季度', '第二季度', '第三季度', '第四季度']);
    expect(p.indicators[0]).toMatchObject({ level1: '成本指标', level2: '经济成本指标' });
    expect(p.indicators.some((i) => i.level1 === '效益指标')).toBe(true);
    expect(p.indicators.some((i) => i.term === 'longTerm') && p.goals.some((g) => g.term === 'longTerm')).toBe(true);
    expect(p.indicators.every((i) => i.level3 !== '')).toBe(true);
    expect(p.attribute === '新增' || p.attribute === '延续').toBe(true);
    expect(p.period).toBe('2022年1月-2022年12月');
    const monthly = generateDocuments({ seed: 3, layout: { checkpoints: 'monthly' } })[0]!.projects[0]!;
    expect(monthly.spendingPlan).toHaveLength(12);
  });
});
