import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('measurability.rate-percent', () => {
  it('is silent for rates written as percentages, and for counts', () => {
    expect(findingsOf('measurability.rate-percent', aDocument())).toEqual([]);
    expect(findingsOf('measurability.rate-percent', withRow({ target: '≥95‰' }, 1))).toEqual([]);
    expect(findingsOf('measurability.rate-percent', withRow({ description: '提高工作效率', target: '≥2次' }, 3))).toEqual([]);
  });

  it('reports rates, satisfaction and coverage without %', () => {
    for (const [at, changes] of [
      [1, { target: '≥95' }],
      [4, { target: '>90' }],
      [0, { description: '对矫正对象定位全覆盖', target: '100' }],
    ] as const) {
      const found = findingsOf('measurability.rate-percent', withRow(changes, at));
      expect(found.map((f) => [f.indicatorIndex, f.suggestion])).toEqual([[at + 1, `写成百分比，如"${changes.target}%"。`]]);
    }
  });
});
