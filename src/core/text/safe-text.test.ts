import { describe, expect, it } from 'vitest';
import { safeText, unsafeTextAt, withSafeText } from './safe-text.ts';

describe('safe text', () => {
  it('finds a NUL or a lone surrogate, in a value or a key, and names where', () => {
    expect(unsafeTextAt({ a: [{ b: 'x\u0000' }] }, 'body')).toBe('body.a[0].b');
    expect(unsafeTextAt({ ['k\ud800']: 1 }, 'body')).toBe('body.k\ud800');
    expect(unsafeTextAt(['\udc00'], 'query')).toBe('query[0]');
    expect(unsafeTextAt({ a: '😀 法律援助', b: 3, c: null }, 'body')).toBeUndefined();
    expect(unsafeTextAt(Buffer.from([0]), 'body')).toBeUndefined();
  });

  it('cleans: NUL dropped, a lone surrogate replaced, a surrogate pair kept', () => {
    expect(safeText('a\u0000b\ud800c\udc00😀')).toBe('ab\ufffdc\ufffd😀');
    expect(withSafeText({ a: ['x\u0000'], n: 1 })).toEqual({ a: ['x'], n: 1 });
  });
});
