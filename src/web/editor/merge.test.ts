import { describe, expect, it } from 'vitest';
import { mergeFields } from './merge.ts';

describe('mergeFields', () => {
  const base = { name: '法律援助', useOfFunds: '办案', goals: ['a'] };

  it('keeps my changed fields and their changed fields', () => {
    const mine = { ...base, useOfFunds: '办理法律援助案件' };
    const theirs = { ...base, name: '法律援助（2020）' };
    expect(mergeFields(base, mine, theirs)).toEqual({ name: '法律援助（2020）', useOfFunds: '办理法律援助案件', goals: ['a'] });
  });

  it('lets mine win where both changed a field', () => {
    expect(mergeFields(base, { ...base, goals: ['mine'] }, { ...base, goals: ['theirs'] }).goals).toEqual(['mine']);
  });

  it('compares nested values by content, not identity', () => {
    expect(mergeFields(base, { ...base, goals: ['a'] }, { ...base, goals: ['b'] }).goals).toEqual(['b']);
  });

  it('takes mine whole when there is no base or no newer version', () => {
    const mine = { ...base, name: 'x' };
    expect(mergeFields(null, mine, base)).toBe(mine);
    expect(mergeFields(base, mine, null)).toBe(mine);
  });
});
