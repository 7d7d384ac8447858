import { describe, expect, it } from 'vitest';
import { aDocument, findingsOf, withProject } from '../testing.ts';
import { hebei2020 } from '../../forms/profiles/hebei-2020.ts';

describe('completeness.spending-plan', () => {
  it('is silent when every checkpoint has a percentage', () => {
    expect(findingsOf('completeness.spending-plan', aDocument())).toEqual([]);
  });

  it('reports a missing plan', () => {
    const found = findingsOf('completeness.spending-plan', withProject({ spendingPlan: [] }));
    expect(found.map((f) => f.message)).toEqual(['项目 315-0105-JBN-2D9U 没有资金支出计划。']);
  });

  it('reports each checkpoint without a percentage', () => {
    const spendingPlan = [
      { checkpoint: '6月底', percent: null },
      { checkpoint: '12月底', percent: '100' },
    ];
    const found = findingsOf('completeness.spending-plan', withProject({ spendingPlan }));
    expect(found.map((f) => f.message)).toEqual(['项目 315-0105-JBN-2D9U 的资金支出计划在"6月底"没有填写累计支出比例。']);
  });

  it('asks for none where the profile’s form prints no 资金支出计划', () => {
    const { sections: _, ...provincial } = hebei2020;
    expect(findingsOf('completeness.spending-plan', withProject({ spendingPlan: [] }), { profile: provincial })).toEqual([]);
    expect(findingsOf('completeness.spending-plan', withProject({ spendingPlan: [] }))).toHaveLength(1);
  });
});
