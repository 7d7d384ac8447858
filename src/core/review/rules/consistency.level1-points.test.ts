import { describe, expect, it } from 'vitest';
import { findingsOf, weighted, WEIGHTED_PROFILE } from '../testing.ts';

describe('consistency.level1-points', () => {
  const profile = WEIGHTED_PROFILE;

  it('is silent when each 一级’s weights fall within its stated points', () => {
    expect(findingsOf('consistency.level1-points', weighted(), { profile })).toEqual([]);
    expect(findingsOf('consistency.level1-points', weighted(['20', '20', '10', '20', '20']), { profile })).toEqual([]);
  });

  it('reports a 一级 whose weights fall outside', () => {
    const found = findingsOf('consistency.level1-points', weighted(['20', '20', '5', '35', '10']), { profile });
    expect(found.map((f) => f.message)).toEqual([
      '项目 315-0105-JBN-2D9U 的产出指标权重合计 45 分，表样规定为 50–50 分。',
      '项目 315-0105-JBN-2D9U 的效果指标权重合计 35 分，表样规定为 20–30 分。',
    ]);
  });

  it('says nothing while a row of the 一级 has no weight, or where the form weights no rows', () => {
    expect(findingsOf('consistency.level1-points', weighted(['20', null, '5', '35', '10']), { profile }).map((f) => f.field)).toHaveLength(
      1,
    );
    expect(findingsOf('consistency.level1-points', weighted(['1', '1', '1', '1', '1']))).toEqual([]);
  });
});
