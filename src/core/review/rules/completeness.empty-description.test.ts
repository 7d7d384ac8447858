import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withRow } from '../testing.ts';

describe('completeness.empty-description', () => {
  it('is silent when the row names what it measures, in 三级 or in the description', () => {
    expect(findingsOf('completeness.empty-description', aDocument())).toEqual([]);
    expect(findingsOf('completeness.empty-description', withRow({ level3: '案件数量', description: '' }))).toEqual([]);
  });

  it('reports a row with neither', () => {
    const found = findingsOf('completeness.empty-description', withRow({ level3: ' ', description: '' }, 1));
    expect(found.map((f) => [f.indicatorIndex, f.field, f.message])).toEqual([
      [2, 'indicators.description', '项目 315-0105-JBN-2D9U 第 2 行没有指标名称或描述。'],
    ]);
  });
});
