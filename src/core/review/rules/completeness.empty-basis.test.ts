import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';
import { hebei2020 } from '../../forms/profiles/hebei-2020.ts';

describe('completeness.empty-basis', () => {
  it('is silent when every row has a basis', () => {
    expect(findingsOf('completeness.empty-basis', aDocument())).toEqual([]);
  });

  it('reports an empty basis', () => {
    const found = findingsOf('completeness.empty-basis', withRow({ basis: '' }, 2));
    expect(found.map((f) => [f.indicatorIndex, f.severity, f.field])).toEqual([[3, 'warning', 'indicators.basis']]);
  });

  it('says nothing where the profile’s form prints no 指标值确定依据 (宁德 prints 指标解释 instead)', () => {
    const profile = { ...hebei2020, columns: hebei2020.columns.filter((c) => c.id !== 'basis') };
    expect(findingsOf('completeness.empty-basis', withRow({ basis: '' }, 3), { profile })).toEqual([]);
  });
});
