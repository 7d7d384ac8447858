import { describe, expect, it } from 'vitest';
import { isOverdue, nextState } from './item.ts';

describe('rectification item', () => {
  it('moves open → responded → closed, and a closed item can be reopened', () => {
    expect(nextState('open', 'respond')).toBe('responded');
    expect(nextState('responded', 'close')).toBe('closed');
    expect(nextState('closed', 'reopen')).toBe('reopened');
    expect(nextState('reopened', 'respond')).toBe('responded');
  });
  it('refuses to close an item the unit has not answered, or to answer a closed one', () => {
    expect(nextState('open', 'close')).toBeNull();
    expect(nextState('closed', 'respond')).toBeNull();
    expect(nextState('open', 'reopen')).toBeNull();
  });
  it('is overdue only while the unit owes an answer after the deadline', () => {
    expect(isOverdue('open', '2021-03-31', '2021-04-01')).toBe(true);
    expect(isOverdue('open', '2021-03-31', '2021-03-31')).toBe(false);
    expect(isOverdue('reopened', '2021-03-31', '2021-05-01')).toBe(true);
    expect(isOverdue('responded', '2021-03-31', '2021-05-01')).toBe(false);
    expect(isOverdue('closed', '2021-03-31', '2021-05-01')).toBe(false);
  });
});
