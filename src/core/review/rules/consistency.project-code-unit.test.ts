import { describe, expect, it } from 'vitest';
import { aDocument, aProject, findingsOf, withProject } from '../testing.ts';

describe('consistency.project-code-unit', () => {
  it('is silent when the code starts with the unit’s prefix', () => {
    expect(findingsOf('consistency.project-code-unit', aDocument())).toEqual([]);
  });

  it('reports a code from another unit', () => {
    const found = findingsOf('consistency.project-code-unit', withProject({ code: '316-0105-JBN-2D9U' }));
    expect(found.map((f) => f.message)).toEqual(['项目 316-0105-JBN-2D9U 的编码前缀 316 与单位编码 315002 不一致。']);
  });

  it('uses the document’s unit when the project names none, and is silent without any unit code', () => {
    const project = aProject({ code: '316-0105-JBN-2D9U', unit: { code: null, name: '怀来县司法局' } });
    expect(findingsOf('consistency.project-code-unit', aDocument({ projects: [project] }))).toHaveLength(1);
    const noCodes = aDocument({ unit: { code: null, name: '怀来县司法局' }, projects: [project] });
    expect(findingsOf('consistency.project-code-unit', noCodes)).toEqual([]);
  });
});
