import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('measurability.range-order', () => {
  it('is silent for a range from low to high', () => {
    expect(findingsOf('measurability.range-order', aDocument())).toEqual([]);
    expect(findingsOf('measurability.range-order', withRow({ target: '100-120件' }))).toEqual([]);
  });

  it('reports a reversed range', () => {
    const found = findingsOf('measurability.range-order', withRow({ target: '120-100件' }));
    expect(found.map((f) => f.message)).toEqual([
      '项目 315-0105-JBN-2D9U 第 1 行「办理法律援助案件数量」的指标值区间"120-100件"下限大于上限。',
    ]);
  });
});
