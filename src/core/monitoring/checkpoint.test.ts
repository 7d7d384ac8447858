import { describe, expect, it } from 'vitest';
import { checkpointDate, checkpointPassed, datedPlan } from './checkpoint.ts';

describe('checkpoint labels in a budget year', () => {
  it.each([
    ['3月底', '2020-03-31'],
    ['6月底', '2020-06-30'],
    ['10月底', '2020-10-31'],
    ['12月底', '2020-12-31'],
    ['2月末', '2020-02-29'],
    ['1月', '2020-01-31'],
    ['十月底', '2020-10-31'],
    ['十二月', '2020-12-31'],
    ['６月底', '2020-06-30'],
    ['9月15日', '2020-09-15'],
    ['第一季度', '2020-03-31'],
    ['二季度', '2020-06-30'],
    ['第3季度末', '2020-09-30'],
    ['Q4', '2020-12-31'],
    ['上半年', '2020-06-30'],
    ['前三季度', '2020-09-30'],
    ['全年', '2020-12-31'],
    ['年底', '2020-12-31'],
    ['2020-08-15', '2020-08-15'],
  ])('%s → %s', (label, date) => {
    expect(checkpointDate(label, 2020)).toBe(date);
  });
  it('names no date for what it cannot read', () => {
    expect(checkpointDate('13月底', 2020)).toBeNull();
    expect(checkpointDate('验收后', 2020)).toBeNull();
    expect(checkpointDate('2月30日', 2020)).toBeNull();
  });
});

describe('the plan on a date: the last checkpoint passed', () => {
  const plan = datedPlan(
    [
      { checkpoint: '3月底', percent: '20.00' },
      { checkpoint: '6月底', percent: '50.00' },
      { checkpoint: '10月底', percent: '75.00' },
      { checkpoint: '12月底', percent: '100.00' },
    ],
    2020,
  );
  const at = (date: string) => checkpointPassed(plan, date)?.label ?? null;
  it('is nothing before the first checkpoint', () => {
    expect(at('2020-03-30')).toBeNull();
  });
  it('counts a checkpoint on its own day', () => {
    expect(at('2020-03-31')).toBe('3月底');
    expect(at('2020-06-30')).toBe('6月底');
  });
  it('keeps the last checkpoint passed between two (no interpolation)', () => {
    expect(at('2020-08-15')).toBe('6月底');
    expect(at('2020-11-30')).toBe('10月底');
    expect(at('2021-01-10')).toBe('12月底');
  });
  it('skips checkpoints without a date or a percent', () => {
    const gappy = datedPlan(
      [
        { checkpoint: '3月底', percent: '20.00' },
        { checkpoint: '验收后', percent: '60.00' },
        { checkpoint: '6月底', percent: null },
      ],
      2020,
    );
    expect(checkpointPassed(gappy, '2020-07-01')?.label).toBe('3月底');
  });
});
