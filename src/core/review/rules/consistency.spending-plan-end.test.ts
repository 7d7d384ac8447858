import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withProject } from '../testing.ts';

describe('consistency.spending-plan-end', () => {
  it('is silent when the plan ends at 100', () => {
    expect(findingsOf('consistency.spending-plan-end', aDocument())).toEqual([]);
    const plan = [{ checkpoint: '12月', percent: '100' }];
    expect(findingsOf('consistency.spending-plan-end', withProject({ spendingPlan: plan }))).toEqual([]);
  });

  it('reports a plan that stops short of 100', () => {
    const spendingPlan = [
      { checkpoint: '6月底', percent: '50' },
      { checkpoint: '12月底', percent: '90.00' },
    ];
    const found = findingsOf('consistency.spending-plan-end', withProject({ spendingPlan }));
    expect(found.map((f) => f.message)).toEqual(['项目 315-0105-JBN-2D9U 的资金支出计划到"12月底"为 90.00%，没有达到 100%。']);
  });
});
