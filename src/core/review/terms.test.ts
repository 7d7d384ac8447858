import { describe, expect, it } from 'vitest';
import { comparable } from './terms.ts';

describe('comparable', () => {
  it('drops spaces and punctuation, keeping everything else', () => {
    expect(comparable('受援群众满意度')).toBe('受援群众满意度');
    expect(comparable(' 受援群众 满意度。')).toBe('受援群众满意度');
    expect(comparable('宣传、知晓率')).toBe('宣传知晓率');
    expect(comparable('对培训人员做到“懂”（能用）,\u3000好!')).toBe('对培训人员做到懂能用好');
    expect(comparable('')).toBe('');
  });
});
