/** WAL positions compare as the 64-bit numbers they are, not as text. */
import { describe, expect, it } from 'vitest';
import { lsnValue } from './replicas.ts';

describe('lsnValue', () => {
  it('reads both halves in hexadecimal', () => {
    expect(lsnValue('16/B374D848')).toBe(0x16_b374_d848n);
    expect(lsnValue('0/0')).toBe(0n);
  });

  it('orders positions where their text would not', () => {
    expect(lsnValue('1/0') > lsnValue('0/FFFFFFFF')).toBe(true);
    expect(lsnValue('0/10') > lsnValue('0/F')).toBe(true);
    expect(lsnValue('A/0') > lsnValue('9/FFFFFFFF')).toBe(true);
  });
});
