import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('consistency.measure-unit', () => {
  it('is silent where 度量单位 and the target’s unit agree, or the target writes none', () => {
    expect(findingsOf('consistency.measure-unit', aDocument())).toEqual([]);
    for (const [measureUnit, target] of [
      ['%', '≥95%'],
      ['％', '≥95%'],
      ['人/次', '≥24人次'],
      ['%', '100'],
      ['件', '达到预期'],
    ])
      expect(findingsOf('consistency.measure-unit', withRow({ measureUnit, target }, 1)), `${measureUnit} ${target}`).toEqual([]);
  });

  it('reports a unit the target contradicts', () => {
    expect(findingsOf('consistency.measure-unit', withRow({ measureUnit: '%', target: '≥500人次' }, 3)).map((f) => f.message)).toEqual([
      '项目 315-0105-JBN-2D9U 第 4 行「受援困难群众人数」的度量单位为"%"，指标值"≥500人次"的单位却是"人次"。',
    ]);
  });
});
