import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withProject } from '../testing.ts';

describe('completeness.goals', () => {
  it('is silent when goals are stated', () => {
    expect(findingsOf('completeness.goals', aDocument())).toEqual([]);
  });

  it('reports no goals, or only empty ones', () => {
    expect(findingsOf('completeness.goals', withProject({ goals: [] }))).toHaveLength(1);
    expect(findingsOf('completeness.goals', withProject({ goals: [{ term: 'annual', text: ' ' }] }))).toHaveLength(1);
  });
});
