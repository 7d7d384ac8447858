import { describe, expect, it } from 'vitest';
import { findingsOf, weighted, WEIGHTED_PROFILE } from '../testing.ts';

describe('consistency.weights-sum', () => {
  const profile = WEIGHTED_PROFILE;

  it('is silent when the weights add up to the form’s total, exactly', () => {
    expect(findingsOf('consistency.weights-sum', weighted(), { profile })).toEqual([]);
    expect(findingsOf('consistency.weights-sum', weighted(['20.1', '19.9', '10.00', '30', '10']), { profile })).toEqual([]);
  });

  it('reports weights that do not', () => {
    expect(findingsOf('consistency.weights-sum', weighted(['20', '20', '10', '30', '20']), { profile }).map((f) => f.message)).toEqual([
      '项目 315-0105-JBN-2D9U 的指标权重合计 100 分，表样规定为 90 分。',
    ]);
  });

  it('leaves rows without a weight to completeness.weight, and forms without a total alone', () => {
    expect(findingsOf('consistency.weights-sum', weighted(['20', null, '10', '30', '10']), { profile })).toEqual([]);
    expect(
      findingsOf('consistency.weights-sum', weighted(['1', '1', '1', '1', '1']), { profile: { ...profile, totalPoints: null } }),
    ).toEqual([]);
    expect(findingsOf('consistency.weights-sum', weighted(['1', '1', '1', '1', '1']))).toEqual([]);
  });
});
