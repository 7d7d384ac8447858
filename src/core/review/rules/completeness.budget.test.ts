import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withProject } from '../testing.ts';
import { hebei2020 } from '../../forms/profiles/hebei-2020.ts';

describe('completeness.budget', () => {
  it('is silent with a budget and its fiscal part', () => {
    expect(findingsOf('completeness.budget', aDocument())).toEqual([]);
  });

  it('accepts listed fund sources instead of the fiscal/other split', () => {
    const budget = { total: '5.00', fiscal: null, other: null, sources: [{ name: '财政拨款', amount: '5.00' }] };
    expect(findingsOf('completeness.budget', withProject({ budget }))).toEqual([]);
  });

  it('reports an empty 预算数', () => {
    const found = findingsOf('completeness.budget', withProject({ budget: { total: null, fiscal: '5.00', other: null, sources: [] } }));
    expect(found.map((f) => [f.field, f.message])).toEqual([['budget.total', '项目 315-0105-JBN-2D9U 没有填写预算数。']]);
  });

  it('reports a budget with no source at all', () => {
    const found = findingsOf('completeness.budget', withProject({ budget: { total: '5.00', fiscal: null, other: null, sources: [] } }));
    expect(found.map((f) => f.field)).toEqual(['budget.fiscal']);
  });

  it('asks for no fund split where the profile’s form prints only the total (东莞 批复表)', () => {
    const profile = { ...hebei2020, header: hebei2020.header.filter((f) => f !== 'fiscal' && f !== 'other') };
    const budget = { total: '919.00', fiscal: null, other: null, sources: [] };
    expect(findingsOf('completeness.budget', withProject({ budget }), { profile })).toEqual([]);
    expect(findingsOf('completeness.budget', withProject({ budget }))).toHaveLength(1);
  });
});
