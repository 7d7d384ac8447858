import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('measurability.ungraded-trend', () => {
  it('is silent for graded values', () => {
    expect(findingsOf('measurability.ungraded-trend', aDocument())).toEqual([]);
    expect(findingsOf('measurability.ungraded-trend', withRow({ target: '明显提升' }, 3))).toEqual([]);
  });

  it('hints at a bare direction', () => {
    for (const target of ['提高', '进一步降低'])
      expect(findingsOf('measurability.ungraded-trend', withRow({ target }, 3)).map((f) => f.severity)).toEqual(['info']);
  });
});
