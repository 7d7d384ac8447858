import { describe, expect, it } from 'vitest';
import { aDocument, aProject, findingsOf } from '../testing.ts';

describe('consistency.duplicate-project-code', () => {
  it('is silent when codes differ', () => {
    const doc = aDocument({ projects: [aProject(), aProject({ code: '315-0105-JBN-2D9V' })] });
    expect(findingsOf('consistency.duplicate-project-code', doc)).toEqual([]);
  });

  it('reports the later project that reuses a code', () => {
    const doc = aDocument({ projects: [aProject(), aProject({ name: '普法宣传' }), aProject({ code: '' }), aProject({ code: '' })] });
    const found = findingsOf('consistency.duplicate-project-code', doc);
    expect(found.map((f) => [f.projectCode, f.message])).toEqual([
      ['315-0105-JBN-2D9U', '项目 315-0105-JBN-2D9U（第 2 个项目）与第 1 个项目「法律援助」使用同一个项目编码。'],
    ]);
  });
});
