import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withProject } from '../testing.ts';
import { hebei2020 } from '../../forms/profiles/hebei-2020.ts';

describe('completeness.use-of-funds', () => {
  it('is silent when the use of funds is written', () => {
    expect(findingsOf('completeness.use-of-funds', aDocument())).toEqual([]);
  });

  it('reports an empty use of funds', () => {
    const found = findingsOf('completeness.use-of-funds', withProject({ useOfFunds: '  ' }));
    expect(found.map((f) => [f.projectCode, f.field, f.severity])).toEqual([['315-0105-JBN-2D9U', 'useOfFunds', 'error']]);
  });

  it('says nothing where the profile’s form has no 资金用途 field', () => {
    const profile = { ...hebei2020, header: hebei2020.header.filter((f) => f !== 'useOfFunds') };
    expect(findingsOf('completeness.use-of-funds', withProject({ useOfFunds: '' }), { profile })).toEqual([]);
  });
});
