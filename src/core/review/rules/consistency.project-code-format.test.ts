import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withProject } from '../testing.ts';

describe('consistency.project-code-format', () => {
  it('accepts codes like the seed’s', () => {
    for (const code of ['315-0105-JBN-2D9U', '315-0103-YBN-UP1C', '315002-0101-JBN-GXGK'])
      expect(findingsOf('consistency.project-code-format', withProject({ code }))).toEqual([]);
  });

  it('reports a malformed code', () => {
    for (const code of ['315-105-JBN-2D9U', '3150105JBN2D9U', '315-0105-jbn-2d9u', '法律援助'])
      expect(findingsOf('consistency.project-code-format', withProject({ code })).map((f) => f.field)).toEqual(['code']);
  });

  it('follows the bureau’s own pattern', () => {
    const settings = { projectCodePattern: '^\\d{6}\\d{6}$' };
    expect(findingsOf('consistency.project-code-format', withProject({ code: '130000200001' }), { settings })).toEqual([]);
    expect(findingsOf('consistency.project-code-format', aDocument(), { settings })).toHaveLength(1);
  });
});
