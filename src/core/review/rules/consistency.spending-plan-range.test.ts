import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withProject } from '../testing.ts';

describe('consistency.spending-plan-range', () => {
  it('is silent when every checkpoint is within 0–100', () => {
    expect(findingsOf('consistency.spending-plan-range', aDocument())).toEqual([]);
  });

  it('reports a checkpoint above 100 or below 0', () => {
    const spendingPlan = [
      { checkpoint: '3月底', percent: '-5' },
      { checkpoint: '6月底', percent: '50' },
      { checkpoint: '12月底', percent: '100.01' },
    ];
    const found = findingsOf('consistency.spending-plan-range', withProject({ spendingPlan }));
    expect(found.map((f) => f.message)).toEqual([
      '项目 315-0105-JBN-2D9U 的资金支出计划在"3月底"为 -5%，不在 0–100% 之间。',
      '项目 315-0105-JBN-2D9U 的资金支出计划在"12月底"为 100.01%，不在 0–100% 之间。',
    ]);
  });
});
