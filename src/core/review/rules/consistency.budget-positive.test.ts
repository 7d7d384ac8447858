import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withProject } from '../testing.ts';

describe('consistency.budget-positive', () => {
  it('is silent for a positive budget', () => {
    expect(findingsOf('consistency.budget-positive', aDocument())).toEqual([]);
  });

  it('reports a zero or negative budget', () => {
    for (const total of ['0.00', '-1']) {
      const found = findingsOf('consistency.budget-positive', withProject({ budget: { total, fiscal: total, other: null, sources: [] } }));
      expect(found.map((f) => f.message)).toEqual([`项目 315-0105-JBN-2D9U 的预算数为 ${total} 万元。`]);
    }
  });
});
