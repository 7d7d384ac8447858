import { describe, expect, it } from 'vitest';
import { Decimal } from '../model/decimal.ts';
import { compareDecimal } from './compare.ts';

describe('compareDecimal', () => {
  it('orders decimal texts exactly', () => {
    expect(compareDecimal('100', '100.00')).toBe(0);
    expect(compareDecimal('99.99', '100')).toBe(-1);
    expect(compareDecimal('100.01', '100')).toBe(1);
    expect(compareDecimal('007.5', '7.50')).toBe(0);
    expect(compareDecimal('-5', '0')).toBe(-1);
    expect(compareDecimal('-0.00', '0')).toBe(0);
    expect(compareDecimal('-10', '-9.5')).toBe(-1);
    expect(compareDecimal('0.1', '0.10000000000000001')).toBe(-1);
  });

  it('agrees with decimal.js on many pairs', () => {
    const values = ['0', '-0', '1', '-1', '0.5', '0.05', '10', '9.999', '100', '100.0', '1000', '-0.5', '-100.25', '12.3456', '012'];
    for (const a of values) for (const b of values) expect([a, b, compareDecimal(a, b)]).toEqual([a, b, new Decimal(a).comparedTo(b)]);
  });
});
