import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withProject } from '../testing.ts';

describe('consistency.project-unit', () => {
  it('is silent when the project’s unit is the document’s', () => {
    expect(findingsOf('consistency.project-unit', aDocument())).toEqual([]);
    expect(findingsOf('consistency.project-unit', withProject({ unit: { code: null, name: '怀来县 司法局' } }))).toEqual([]);
  });

  it('reports another unit', () => {
    const found = findingsOf('consistency.project-unit', withProject({ unit: { code: '316001', name: '怀来县公安局' } }));
    expect(found.map((f) => f.message)).toEqual([
      '项目 315-0105-JBN-2D9U 写明的单位"316001怀来县公安局"与本文件的单位"315002怀来县司法局"不一致。',
    ]);
  });
});
