import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withProject } from '../testing.ts';

describe('consistency.spending-plan-order', () => {
  it('is silent for a non-decreasing plan, equal steps included', () => {
    expect(findingsOf('consistency.spending-plan-order', aDocument())).toEqual([]);
    const flat = [
      { checkpoint: '一季度', percent: '25' },
      { checkpoint: '二季度', percent: '25.00' },
      { checkpoint: '四季度', percent: '100' },
    ];
    expect(findingsOf('consistency.spending-plan-order', withProject({ spendingPlan: flat }))).toEqual([]);
  });

  it('reports a fall, skipping checkpoints without a value', () => {
    const spendingPlan = [
      { checkpoint: '3月底', percent: '40' },
      { checkpoint: '6月底', percent: null },
      { checkpoint: '10月底', percent: '30' },
      { checkpoint: '12月底', percent: '100' },
    ];
    const found = findingsOf('consistency.spending-plan-order', withProject({ spendingPlan }));
    expect(found.map((f) => f.message)).toEqual(['项目 315-0105-JBN-2D9U 的资金支出计划从"3月底"的 40% 降到"10月底"的 30%。']);
  });
});
