import { describe, expect, it } from 'vitest';
import type { User } from '../api/types.ts';
import { homeOf, mayOpen } from './session.ts';

const SCOPES = {
  unit: { role: 'unit', unitId: 1, bureauId: null },
  reviewer: { role: 'reviewer', unitId: null, bureauId: 1 },
  admin: { role: 'admin', unitId: null, bureauId: null },
  evaluator: { role: 'evaluator', unitId: null, bureauId: 1, organisation: '评价机构' },
} as const;
const user = (role: User['role']): User => ({
  id: 1,
  username: 'u',
  displayName: 'U',
  ...SCOPES[role],
  disabled: false,
  mustChangePassword: false,
});

describe('where users go', () => {
  it('starts each role on its own page, and a visitor on the public one', () => {
    expect(homeOf(user('unit'))).toBe('/unit');
    expect(homeOf(user('reviewer'))).toBe('/review');
    expect(homeOf(user('admin'))).toBe('/admin');
    expect(homeOf(user('evaluator'))).toBe('/evaluations');
    expect(homeOf(null)).toBe('/public');
  });

  it('sends a user whose password is one-time to change it first', () => {
    expect(homeOf({ ...user('reviewer'), mustChangePassword: true })).toBe('/account/password');
  });

  it('does not send a user back to a page of another role remembered from the last session', () => {
    expect(mayOpen(user('unit'), '/review/3')).toBe(false);
    expect(mayOpen(user('unit'), '/documents/3/edit?tab=p2')).toBe(true);
    expect(mayOpen(user('reviewer'), '/documents/3/edit')).toBe(false);
    expect(mayOpen(user('reviewer'), '/review?status=submitted')).toBe(true);
    expect(mayOpen(user('reviewer'), '/documents/3/monitoring?date=2020-06-30')).toBe(true);
    expect(mayOpen(user('unit'), '/admin/users')).toBe(false);
    expect(mayOpen(user('admin'), '/admin/users')).toBe(true);
    expect(mayOpen(user('evaluator'), '/evaluations/3')).toBe(true);
    expect(mayOpen(user('evaluator'), '/documents/3/monitoring')).toBe(false);
    expect(mayOpen(user('evaluator'), '/library')).toBe(false);
  });
});
