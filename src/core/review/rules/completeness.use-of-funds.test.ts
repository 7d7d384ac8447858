import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withProject } from '../testing.ts';

describe('completeness.use-of-funds', () => {
  it('is silent when the use of funds is written', () => {
    expect(findingsOf('completeness.use-of-funds', aDocument())).toEqual([]);
  });

  it('reports an empty use of funds', () => {
    const found = findingsOf('completeness.use-of-funds', withProject({ useOfFunds: '  ' }));
    expect(found.map((f) => [f.projectCode, f.field, f.severity])).toEqual([['315-0105-JBN-2D9U', 'useOfFunds', 'error']]);
  });
});
