/** The cursor as callers see it: opaque text that decodes only to the keys of the order that made it. */
import { describe, expect, it } from 'vitest';
import { InvalidCursorError } from './errors.ts';
import { decodeCursor, encodeCursor, MAX_PAGE, pageSize, type KeysetOrder } from './keyset.ts';

const order: KeysetOrder = {
  name: 'updated',
  keys: [
    { column: 'd.updated_at', direction: 'desc', type: 'timestamp' },
    { column: 'u.code', direction: 'asc', type: 'text' },
    { column: 'd.id', direction: 'desc', type: 'int' },
  ],
};
const raw = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');

describe('a cursor', () => {
  it('gives back the key values it was made of, microseconds and all', () => {
    const values = ['2026-02-01 12:00:00.123456+00', '130730-001', 42];
    const cursor = encodeCursor(order, values);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(order, cursor)).toEqual(values);
  });

  it.each([
    ['not base64url', 'abc+/='],
    ['not JSON', Buffer.from('{oops').toString('base64url')],
    ['not an array', raw({ updated: 1 })],
    ['another order', raw(['unit', '2026-02-01 12:00:00+00', 'x', 1])],
    ['too few keys', raw(['updated', '2026-02-01 12:00:00+00', 1])],
    ['a number where text belongs', raw(['updated', '2026-02-01 12:00:00+00', 7, 1])],
    ['text where an id belongs', raw(['updated', '2026-02-01 12:00:00+00', 'x', '1'])],
    ['a fraction for an id', raw(['updated', '2026-02-01 12:00:00+00', 'x', 1.5])],
    ['a timestamp that is not one', raw(['updated', "2026'; drop table documents; --", 'x', 1])],
    ['empty', ''],
  ])('is refused when %s', (_, cursor) => {
    expect(() => decodeCursor(order, cursor)).toThrow(InvalidCursorError);
  });

  it('caps the page size and never goes below one row', () => {
    expect(pageSize(undefined)).toBe(50);
    expect(pageSize(10_000)).toBe(MAX_PAGE);
    expect(pageSize(0)).toBe(1);
  });
});
