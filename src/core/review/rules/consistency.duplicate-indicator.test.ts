import { describe, expect, it } from 'vitest';
import { CLEAN_ROWS, aDocument, findingsOf, withProject } from '../testing.ts';

const satisfaction = CLEAN_ROWS[4]!;

describe('consistency.duplicate-indicator', () => {
  it('is silent when every indicator is named once', () => {
    expect(findingsOf('consistency.duplicate-indicator', aDocument())).toEqual([]);
  });

  it('lets annual and long-term tables hold the same indicator', () => {
    const indicators = [...CLEAN_ROWS, { ...satisfaction, term: 'longTerm' as const }];
    expect(findingsOf('consistency.duplicate-indicator', withProject({ indicators }))).toEqual([]);
  });

  it('reports an exact copy and a same-named row with another value on the later row', () => {
    const indicators = [...CLEAN_ROWS, { ...satisfaction }, { ...satisfaction, description: '受援群众满意度。', target: '' }];
    const found = findingsOf('consistency.duplicate-indicator', withProject({ indicators }));
    expect(found.map((f) => [f.indicatorIndex, f.message])).toEqual([
      [6, '项目 315-0105-JBN-2D9U 第 6 行「受援群众满意度」与第 5 行完全相同。'],
      [7, '项目 315-0105-JBN-2D9U 第 7 行「受援群众满意度。」与第 5 行的指标名称相同，指标值不同。'],
    ]);
  });
});
