import { describe, expect, it } from 'vitest';
import { aDocument, placesOf, weighted, WEIGHTED_PROFILE } from '../testing.ts';

describe('completeness.weight', () => {
  const profile = WEIGHTED_PROFILE;

  it('is silent where every row has its weight, or the profile does not weight rows', () => {
    expect(placesOf('completeness.weight', weighted(), { profile })).toEqual([]);
    expect(placesOf('completeness.weight', aDocument())).toEqual([]);
  });

  it('reports each annual row without a weight, and only annual rows', () => {
    expect(placesOf('completeness.weight', weighted(['20', null, '10', '30', '10']), { profile })).toEqual(['315-0105-JBN-2D9U#2']);
    const doc = weighted(['20', '20', '10', '30', null]);
    doc.projects[0]!.indicators[4]!.term = 'longTerm';
    expect(placesOf('completeness.weight', doc, { profile })).toEqual([]);
  });
});
