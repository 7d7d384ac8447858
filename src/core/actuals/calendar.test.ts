import { describe, expect, it } from 'vitest';
import { endOfMonth, isIsoDate, isoDate } from './calendar.ts';

describe('calendar dates', () => {
  it('knows month ends, leap years included', () => {
    expect(endOfMonth(2020, 2)).toBe('2020-02-29');
    expect(endOfMonth(2021, 2)).toBe('2021-02-28');
    expect(endOfMonth(1900, 2)).toBe('1900-02-28');
    expect(endOfMonth(2000, 2)).toBe('2000-02-29');
    expect(endOfMonth(2020, 10)).toBe('2020-10-31');
  });
  it('refuses days that do not exist', () => {
    expect(isoDate(2020, 2, 30)).toBeNull();
    expect(isoDate(2020, 13, 1)).toBeNull();
    expect(isoDate(2020, 4, 31)).toBeNull();
    expect(isIsoDate('2020-06-31')).toBe(false);
    expect(isIsoDate('2020-06-30')).toBe(true);
    expect(isIsoDate('2020-6-30')).toBe(false);
  });
});
