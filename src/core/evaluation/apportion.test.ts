import { describe, expect, it } from 'vitest';
import { Decimal } from '../model/decimal.ts';
import { apportion } from './apportion.ts';

const split = (total: string, weights: number[]) =>
  apportion(
    new Decimal(total),
    weights.map((w) => new Decimal(w)),
  ).map((d) => d.toFixed(2));

describe('apportion to the cent', () => {
  it('50 over three rows is 16.67 + 16.67 + 16.66, adding up exactly', () => {
    expect(split('50', [1, 1, 1])).toEqual(['16.67', '16.67', '16.66']);
  });
  it('is exact when the quotas are', () => {
    expect(split('30', [1, 1])).toEqual(['15.00', '15.00']);
    expect(split('10', [50, 30])).toEqual(['6.25', '3.75']);
  });
  it('gives the extra cents to the largest remainders', () => {
    // 100 × 1/7 = 14.2857…, 100 × 6/7 = 85.7142…: the cent goes to the larger remainder (.0057 vs .0042).
    expect(split('100', [1, 6])).toEqual(['14.29', '85.71']);
  });
  it('handles nothing to split', () => {
    expect(split('10', [])).toEqual([]);
    expect(split('10', [0, 0])).toEqual(['0.00', '0.00']);
  });
});
