import { describe, expect, it } from 'vitest';
import { daysLeft, isLate, nextState, reminderOf } from './state.ts';

describe('assignment states', () => {
  it('goes 未开始 → 填报中 → 已提交 → 已退回 → 已提交 → 已通过', () => {
    expect(nextState('notStarted', 'start')).toBe('inProgress');
    expect(nextState('inProgress', 'submit')).toBe('submitted');
    expect(nextState('submitted', 'return')).toBe('returned');
    expect(nextState('returned', 'submit')).toBe('submitted');
    expect(nextState('submitted', 'accept')).toBe('accepted');
  });

  it('lets a unit submit without starting first', () => {
    expect(nextState('notStarted', 'submit')).toBe('submitted');
  });

  it('refuses what the state does not allow', () => {
    expect(nextState('accepted', 'submit')).toBeNull();
    expect(nextState('inProgress', 'accept')).toBeNull();
    expect(nextState('returned', 'return')).toBeNull();
    expect(nextState('submitted', 'start')).toBeNull();
  });
});

describe('deadlines and reminders', () => {
  it('counts whole days, across months and leap days', () => {
    expect(daysLeft('2021-03-01', '2021-02-22')).toBe(7);
    expect(daysLeft('2020-03-01', '2020-02-28')).toBe(2);
    expect(daysLeft('2021-03-01', '2021-03-02')).toBe(-1);
  });

  it('reminds 7 days before, on the eve and the day, and after the deadline', () => {
    expect(reminderOf('notStarted', '2021-03-31', '2021-03-23')).toBeNull();
    expect(reminderOf('notStarted', '2021-03-31', '2021-03-24')).toBe('week');
    expect(reminderOf('inProgress', '2021-03-31', '2021-03-29')).toBe('week');
    expect(reminderOf('inProgress', '2021-03-31', '2021-03-30')).toBe('day');
    expect(reminderOf('inProgress', '2021-03-31', '2021-03-31')).toBe('day');
    expect(reminderOf('inProgress', '2021-03-31', '2021-04-01')).toBe('overdue');
  });

  it('reminds a returned self-evaluation at any date, and nothing once submitted or accepted', () => {
    expect(reminderOf('returned', '2021-03-31', '2021-01-01')).toBe('returned');
    expect(reminderOf('returned', '2021-03-31', '2021-04-02')).toBe('overdue');
    expect(reminderOf('submitted', '2021-03-31', '2021-04-02')).toBeNull();
    expect(reminderOf('accepted', '2021-03-31', '2021-03-31')).toBeNull();
  });

  it('is late only while the unit still owes it', () => {
    expect(isLate('notStarted', '2021-03-31', '2021-04-01')).toBe(true);
    expect(isLate('returned', '2021-03-31', '2021-04-01')).toBe(true);
    expect(isLate('submitted', '2021-03-31', '2021-04-01')).toBe(false);
    expect(isLate('inProgress', '2021-03-31', '2021-03-31')).toBe(false);
  });
});
