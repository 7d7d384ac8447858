import { describe, expect, it } from 'vitest';
import { numberParam, patched } from './address.ts';

describe('a list filter in the address bar', () => {
  it('reads numbers, absent and empty ones as undefined', () => {
    const params = new URLSearchParams('year=2020&unitId=');
    expect(numberParam(params, 'year')).toBe(2020);
    expect(numberParam(params, 'unitId')).toBeUndefined();
    expect(numberParam(params, 'bureauId')).toBeUndefined();
  });

  it('sets and removes values, and a changed filter goes back to the first page', () => {
    const next = patched(new URLSearchParams('year=2020&bureauId=3&unitId=7&page=4'), { bureauId: 5, unitId: undefined, q: '' });
    expect(next.toString()).toBe('year=2020&bureauId=5');
  });

  it('keeps the page when the patch moves to another page', () => {
    expect(patched(new URLSearchParams('year=2020&page=2'), { page: 3 }).toString()).toBe('year=2020&page=3');
  });

  it('repeats an array, and keeps an emptied one as one empty value (none chosen, not the default)', () => {
    expect(patched(new URLSearchParams('status=submitted'), { status: ['approved', 'published'] }).getAll('status')).toEqual([
      'approved',
      'published',
    ]);
    expect(patched(new URLSearchParams('status=submitted'), { status: [] }).toString()).toBe('status=');
  });
});
