import { describe, expect, it } from 'vitest';
import { profileById } from '../../forms/profiles.ts';
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

  it('follows the province’s rule where the form profile gives one, and checks nothing where none is known', () => {
    const sichuan = { profile: profileById('sichuan-self-evaluation')! };
    expect(findingsOf('consistency.project-code-format', withProject({ code: '51000021R000000019951' }), sichuan)).toEqual([]);
    expect(findingsOf('consistency.project-code-format', withProject({ code: '315-0105-JBN-2D9U' }), sichuan)).toHaveLength(1);
    const wuhai = { profile: profileById('neimenggu-wuhai')!, settings: { projectCodePattern: '^\\d{6}$' } };
    expect(findingsOf('consistency.project-code-format', withProject({ code: '(31)部门预算项目' }), wuhai)).toEqual([]);
  });
});
