import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('classification.not-satisfaction', () => {
  it('is silent for satisfaction and its kin under 满意度', () => {
    expect(findingsOf('classification.not-satisfaction', aDocument())).toEqual([]);
    expect(findingsOf('classification.not-satisfaction', withRow({ description: '群众认可度' }, 4))).toEqual([]);
  });

  it('reports something else under 满意度', () => {
    const found = findingsOf('classification.not-satisfaction', withRow({ description: '群众投诉件数', target: '≤3件' }, 4));
    expect(found.map((f) => [f.indicatorIndex, f.severity])).toEqual([[5, 'warning']]);
  });
});
