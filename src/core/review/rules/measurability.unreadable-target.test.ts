import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('measurability.unreadable-target', () => {
  it('is silent for numbers and recognised grades', () => {
    expect(findingsOf('measurability.unreadable-target', aDocument())).toEqual([]);
    expect(findingsOf('measurability.unreadable-target', withRow({ target: '达到预期' }, 3))).toEqual([]);
  });

  it('reports a value that is neither a number nor a grade', () => {
    const found = findingsOf('measurability.unreadable-target', withRow({ target: '按规定执行' }, 3));
    expect(found.map((f) => f.message)).toEqual([
      '项目 315-0105-JBN-2D9U 第 4 行「受援困难群众人数」的指标值"按规定执行"既不是数值，也不是分级的定性值。',
    ]);
  });
});
