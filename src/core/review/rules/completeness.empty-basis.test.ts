import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('completeness.empty-basis', () => {
  it('is silent when every row has a basis', () => {
    expect(findingsOf('completeness.empty-basis', aDocument())).toEqual([]);
  });

  it('reports an empty basis', () => {
    const found = findingsOf('completeness.empty-basis', withRow({ basis: '' }, 2));
    expect(found.map((f) => [f.indicatorIndex, f.severity, f.field])).toEqual([[3, 'warning', 'indicators.basis']]);
  });
});
