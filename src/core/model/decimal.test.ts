import { describe, expect, it } from 'vitest';
import { fixed, readDecimal, sameAmount, sum } from './decimal.ts';

describe('readDecimal', () => {
  it('reads the numbers people write in cells', () => {
    expect(readDecimal('5.00')).toBe('5.00');
    expect(readDecimal(' 20 ')).toBe('20');
    expect(readDecimal('１２.５０')).toBe('12.50');
    expect(readDecimal('1,234.5')).toBe('1234.5');
    expect(readDecimal('007.10')).toBe('7.10');
    expect(readDecimal('-0.5')).toBe('-0.5');
  });
  it('tells an empty cell (null) from text that is not a number (undefined)', () => {
    expect(readDecimal('')).toBeNull();
    expect(readDecimal('  ')).toBeNull();
    expect(readDecimal('五万')).toBeUndefined();
    expect(readDecimal('1.2.3')).toBeUndefined();
  });
});

describe('exact arithmetic', () => {
  it('adds without binary-float error', () => {
    expect(sum(['0.1', '0.2']).equals('0.3')).toBe(true);
    expect(fixed(sum(['5.00', '4.10', '39.00', '20.00', '15.00', '8.00']))).toBe('91.10');
  });
  it('treats an empty amount as nothing, not as a number', () => {
    expect(fixed(sum(['5.00', null]))).toBe('5.00');
  });
  it('compares numerically and rounds half up', () => {
    expect(sameAmount('5', '5.00')).toBe(true);
    expect(sameAmount('5.01', '5.00')).toBe(false);
    expect(fixed('2.345')).toBe('2.35');
  });
});
