import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('basis.restates-indicator', () => {
  it('is silent for plans, standards, history and document numbers', () => {
    expect(findingsOf('basis.restates-indicator', aDocument())).toEqual([]);
    for (const basis of ['冀财政法【2019】19号', '冀财政法[2019]22号', '计划标准', '行业标准', '上年实际完成值', '2020年工作计划'])
      expect(findingsOf('basis.restates-indicator', withRow({ basis }, 1))).toEqual([]);
  });

  it('reports a basis that only names the indicator or its measure', () => {
    for (const [at, basis] of [
      [1, '结案率'],
      [4, '满意度'],
      [4, '满意率'],
      [0, '案件数量'],
      [0, '交付额'],
      [3, '宣传、知晓率'],
      [3, '受援困难群众'],
    ] as const) {
      const found = findingsOf('basis.restates-indicator', withRow({ basis }, at));
      expect(found.map((f) => f.field)).toEqual(['indicators.basis']);
    }
  });
});
