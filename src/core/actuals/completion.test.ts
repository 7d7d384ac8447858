import { describe, expect, it } from 'vitest';
import { parseTargetValue } from '../target-value/parse.ts';
import { bandOf, completionOf, type Completion, type CompletionOptions } from './completion.ts';

const proportional: CompletionOptions = { exactPartialCredit: 'proportional' };
const of = (target: string, actual: string | null, options = proportional) => completionOf(parseTargetValue(target), actual, options);

/** credit and ratio as plain strings for readable expectations. */
function q(c: Completion) {
  if (c.kind !== 'quantitative') throw new Error(`expected quantitative, got ${JSON.stringify(c)}`);
  return { method: c.method, ratio: c.ratio?.toString() ?? null, credit: c.credit.toString(), met: c.met };
}

describe('正向 (higher is better): actual / target, capped at 1', () => {
  it('95 of ≥100 earns 95 %', () => {
    expect(q(of('≥100', '95'))).toEqual({ method: 'higher', ratio: '0.95', credit: '0.95', met: false });
  });
  it('6 of ≥15张 is 40 % (units agree)', () => {
    expect(q(of('≥15张', '6张'))).toEqual({ method: 'higher', ratio: '0.4', credit: '0.4', met: false });
  });
  it('over-achievement earns no more than full credit but keeps its ratio', () => {
    expect(q(of('≥15张', '30'))).toEqual({ method: 'higher', ratio: '2', credit: '1', met: true });
  });
  it('a target of 0 is met by any actual ≥ 0 (no division by zero)', () => {
    expect(q(of('≥0', '3'))).toEqual({ method: 'higher', ratio: null, credit: '1', met: true });
    expect(q(of('≥0', '0'))).toEqual({ method: 'higher', ratio: null, credit: '1', met: true });
  });
  it('reads percentages and full-width marks on either side', () => {
    expect(q(of('≥ 95 %', '96%'))).toMatchObject({ credit: '1', met: true });
    expect(q(of('＞90', '８１'))).toMatchObject({ ratio: '0.9', credit: '0.9' });
  });
});

describe('反向 (lower is better): target / actual, capped at 1', () => {
  it('≤3天 done in 4 days earns 75 %', () => {
    expect(q(of('≤3天', '4天'))).toEqual({ method: 'lower', ratio: '0.75', credit: '0.75', met: false });
  });
  it('≤3天 done in 2 days earns full credit (ratio 1.5 shows how far it beat the target)', () => {
    expect(q(of('≤3天', '2'))).toEqual({ method: 'lower', ratio: '1.5', credit: '1', met: true });
  });
  it('an actual of 0 meets a lower-is-better target (no division by zero)', () => {
    expect(q(of('≤5', '0'))).toEqual({ method: 'lower', ratio: null, credit: '1', met: true });
    expect(q(of('≤0', '0'))).toEqual({ method: 'lower', ratio: null, credit: '1', met: true });
  });
  it('a target of 0 missed earns nothing', () => {
    expect(q(of('≤0起', '2起'))).toEqual({ method: 'lower', ratio: '0', credit: '0', met: false });
  });
});

describe('= targets: full credit when met, proportional closeness otherwise', () => {
  it('100 (a bare number is =) met exactly', () => {
    expect(q(of('100', '100'))).toEqual({ method: 'exact', ratio: '1', credit: '1', met: true });
  });
  it('98 of =100 earns 98 %; 105 of =100 earns 95 % (overshooting an exact target is a miss too)', () => {
    expect(q(of('=100%', '98%'))).toMatchObject({ credit: '0.98', met: false });
    expect(q(of('=100%', '105%'))).toMatchObject({ ratio: '1.05', credit: '0.95', met: false });
  });
  it('with partial credit "none", a miss earns nothing', () => {
    expect(q(of('=12次', '11次', { exactPartialCredit: 'none' }))).toMatchObject({ credit: '0', met: false });
  });
  it('a zero target is met only by zero', () => {
    expect(q(of('=0', '0'))).toMatchObject({ credit: '1', met: true });
    expect(q(of('=0', '1'))).toMatchObject({ credit: '0', met: false });
  });
  it('twice the target or more earns nothing, never a negative credit', () => {
    expect(q(of('=10', '25'))).toMatchObject({ credit: '0' });
  });
});

describe('ranges', () => {
  it('inside earns full credit', () => {
    expect(q(of('90%～100%', '95%'))).toEqual({ method: 'range', ratio: '1', credit: '1', met: true });
  });
  it('below scores like ≥ the lower bound, above like ≤ the upper bound', () => {
    expect(q(of('80-100', '60'))).toEqual({ method: 'range', ratio: '0.75', credit: '0.75', met: false });
    expect(q(of('10-20', '25'))).toEqual({ method: 'range', ratio: '1.25', credit: '0.8', met: false });
  });
});

describe('not comparable: never a crash, always a reason', () => {
  it.each([
    ['', '5', 'targetEmpty'],
    ['看情况', '5', 'targetUnreadable'],
    ['≥95', null, 'noActual'],
    ['≥95', '  ', 'noActual'],
    ['≥95', '较好', 'actualNotNumber'],
    ['≥95', '90-95', 'actualNotNumber'],
    ['≥15张', '16次', 'unitMismatch'],
    ['好', '95', 'actualNotGrade'],
  ])('target %j, actual %j → %s', (target, actual, reason) => {
    expect(of(target, actual)).toEqual({ kind: 'notComparable', reason });
  });
});

describe('qualitative bands', () => {
  const band = (target: string, actual: string) => {
    const t = parseTargetValue(target);
    if (t.kind !== 'qualitative') throw new Error(target);
    return bandOf(t, actual);
  };
  it('reads the band words of 财预〔2020〕10号', () => {
    expect(band('好', '达成')).toBe('achieved');
    expect(band('好', '部分达成')).toBe('partial');
    expect(band('好', '未达成')).toBe('unmet');
  });
  it('compares grades of the same scale: equal or better achieved, one below partial, lower unmet', () => {
    expect(band('较好', '好')).toBe('achieved');
    expect(band('较好', '较好')).toBe('achieved');
    expect(band('较好', '一般')).toBe('partial');
    expect(band('较好', '差')).toBe('unmet');
    expect(band('达到预期', '基本达到预期')).toBe('partial');
  });
  it('是/否: the named answer or not', () => {
    expect(band('是', '是')).toBe('achieved');
    expect(band('是', '否')).toBe('unmet');
  });
  it('reads outcome words against any target (a deadline met 按时完成)', () => {
    expect(band('12月底前完成', '按时完成')).toBe('achieved');
    expect(band('12月底前完成', '基本完成')).toBe('partial');
    expect(band('明显改善', '不达标')).toBe('unmet');
  });
  it('says nothing for text that is no grade', () => {
    expect(band('好', '还行吧')).toBeNull();
    expect(of('好', '还行吧')).toEqual({ kind: 'notComparable', reason: 'actualNotGrade' });
  });
  it('gives met only for achieved', () => {
    expect(of('好', '达成')).toEqual({ kind: 'qualitative', band: 'achieved', met: true });
    expect(of('好', '较好')).toEqual({ kind: 'qualitative', band: 'partial', met: false });
  });
});
