/**
 * How far an indicator's actual value reaches its target (指标完成情况), by the target's kind:
 *
 *   正向 higher (≥ >)   ratio = actual / target          (a target of 0 is met by any actual ≥ 0)
 *   反向 lower  (≤ <)   ratio = target / actual          (an actual of 0 meets any target ≥ 0)
 *   exact (= or bare)   credit = 1 − |actual − target| / target   ("proportional"), or 0 unless equal ("none")
 *   range lo–hi         inside → 1; below → actual / lo; above → hi / actual ("proportional")
 *   定性 qualitative     a band: achieved (达成) / partial (部分达成) / unmet (未达成)
 *
 * `credit` is the share of the indicator's points earned, 0…1: over-achievement earns no more
 * than full points (财预〔2020〕10号). `ratio` is the uncapped ratio, for progress and for spotting
 * targets set far too low. Monitoring and self-evaluation both read completion from here.
 */
import Type from 'typebox';
import { Decimal, dec } from '../model/decimal.ts';
import type { DecimalText } from '../model/document.ts';
import { normaliseTargetText, parseTargetValue } from '../target-value/parse.ts';
import type { GradeScale, TargetValue } from '../target-value/target-value.ts';

export const QualitativeBand = Type.Union([Type.Literal('achieved'), Type.Literal('partial'), Type.Literal('unmet')]);
export type QualitativeBand = Type.Static<typeof QualitativeBand>;

export const QuantitativeMethod = Type.Union([Type.Literal('higher'), Type.Literal('lower'), Type.Literal('exact'), Type.Literal('range')]);
export type QuantitativeMethod = Type.Static<typeof QuantitativeMethod>;

export type NotComparableReason = 'noActual' | 'targetEmpty' | 'targetUnreadable' | 'actualNotNumber' | 'actualNotGrade' | 'unitMismatch';

export type Completion =
  | {
      kind: 'quantitative';
      method: QuantitativeMethod;
      actual: DecimalText;
      /** Uncapped: actual/target (higher, exact, range) or target/actual (lower); null where it divides by zero. */
      ratio: Decimal | null;
      credit: Decimal;
      met: boolean;
    }
  | { kind: 'qualitative'; band: QualitativeBand; met: boolean }
  | { kind: 'notComparable'; reason: NotComparableReason };

/** A completion as results carry it: plain data, ready for JSON (the figures are in the results' percent fields). */
export type CompletionView =
  | { kind: 'quantitative'; method: QuantitativeMethod; met: boolean }
  | { kind: 'qualitative'; band: QualitativeBand; met: boolean }
  | { kind: 'notComparable'; reason: NotComparableReason };

export const completionView = (c: Completion): CompletionView =>
  c.kind === 'quantitative' ? { kind: c.kind, method: c.method, met: c.met } : c;

export interface CompletionOptions {
  /** Partial credit for an unmet `=` target or a value outside a range. */
  exactPartialCredit: 'proportional' | 'none';
}

const ZERO = new Decimal(0);
const ONE = new Decimal(1);
const clamp01 = (d: Decimal) => Decimal.max(ZERO, Decimal.min(ONE, d));

export function completionOf(target: TargetValue, actualText: string | null, options: CompletionOptions): Completion {
  if (target.kind === 'empty') return { kind: 'notComparable', reason: 'targetEmpty' };
  if (target.kind === 'unreadable') return { kind: 'notComparable', reason: 'targetUnreadable' };
  if (actualText === null || actualText.trim() === '') return { kind: 'notComparable', reason: 'noActual' };
  if (target.kind === 'qualitative') {
    const band = bandOf(target, actualText);
    return band === null ? { kind: 'notComparable', reason: 'actualNotGrade' } : { kind: 'qualitative', band, met: band === 'achieved' };
  }

  const actual = parseTargetValue(actualText);
  if (actual.kind !== 'quantitative' || actual.operator === 'range') return { kind: 'notComparable', reason: 'actualNotNumber' };
  if (target.unit !== '' && actual.unit !== '' && target.unit !== actual.unit) return { kind: 'notComparable', reason: 'unitMismatch' };

  const a = dec(actual.value);
  const t = dec(target.value);
  const result = (method: QuantitativeMethod, ratio: Decimal | null, credit: Decimal) => ({
    kind: 'quantitative' as const,
    method,
    actual: actual.value,
    ratio,
    credit: clamp01(credit),
    met: credit.gte(ONE),
  });

  if (target.operator === 'range') {
    const lo = t;
    const hi = dec(target.upper!);
    if (a.gte(lo) && a.lte(hi)) return result('range', ONE, ONE);
    const bound = a.lt(lo) ? lo : hi;
    const ratio = bound.isZero() ? null : a.div(bound);
    // Below the range scores like a ≥ target, above it like a ≤ target.
    const closeness = ratio === null || a.isZero() ? ZERO : a.lt(lo) ? ratio : hi.div(a);
    return result('range', ratio, options.exactPartialCredit === 'proportional' ? closeness : ZERO);
  }
  switch (target.direction) {
    case 'higher': {
      if (t.isZero()) return result('higher', null, a.gte(t) ? ONE : ZERO);
      const ratio = a.div(t);
      return result('higher', ratio, ratio);
    }
    case 'lower': {
      if (a.isZero()) return result('lower', null, t.gte(a) ? ONE : ZERO);
      const ratio = t.div(a);
      return result('lower', ratio, ratio);
    }
    case 'exact': {
      if (a.equals(t)) return result('exact', t.isZero() ? null : ONE, ONE);
      if (t.isZero()) return result('exact', null, ZERO);
      const closeness = ONE.minus(a.minus(t).abs().div(t.abs()));
      return result('exact', a.div(t), options.exactPartialCredit === 'proportional' ? closeness : ZERO);
    }
  }
}

/** Words an evaluator writes for the band itself (财预〔2020〕10号's three levels). */
const VERDICTS: Readonly<Record<string, QualitativeBand>> = {
  达成: 'achieved',
  已达成: 'achieved',
  全部达成: 'achieved',
  达成年度指标: 'achieved',
  实现: 'achieved',
  已实现: 'achieved',
  部分达成: 'partial',
  基本达成: 'partial',
  部分达成并具有一定效果: 'partial',
  部分实现: 'partial',
  基本实现: 'partial',
  未达成: 'unmet',
  未达成且效果较差: 'unmet',
  未实现: 'unmet',
};

/**
 * Grade families that describe an outcome whatever the target said (按时完成, 基本达标 …):
 * the lowest rank that counts as achieved and as partial.
 */
const OUTCOME_SCALES: Partial<Record<GradeScale, { achieved: number; partial: number }>> = {
  completion: { achieved: 3, partial: 1 },
  expectation: { achieved: 3, partial: 1 },
  compliance: { achieved: 2, partial: 1 },
};

/**
 * The band of a qualitative target's actual: a band word; else a grade of the target's own family,
 * one level below the target being partial and two or more unmet; else the same wording as the
 * target; else an outcome grade (按时完成, 基本达到预期, 不达标). Null when it says none of these.
 */
export function bandOf(target: Extract<TargetValue, { kind: 'qualitative' }>, actualText: string): QualitativeBand | null {
  const s = normaliseTargetText(actualText);
  const verdict = VERDICTS[s];
  if (verdict) return verdict;
  const actual = parseTargetValue(actualText);
  if (actual.kind !== 'qualitative') return null;
  if (actual.scale === target.scale && actual.rank !== null && target.rank !== null) {
    const shortBy = target.rank - actual.rank;
    return shortBy <= 0 ? 'achieved' : shortBy === 1 ? 'partial' : 'unmet';
  }
  if (actual.grade === target.grade) return 'achieved';
  if (actual.scale === 'yesNo' && target.scale === 'yesNo') return 'unmet';
  const outcome = OUTCOME_SCALES[actual.scale];
  if (outcome && actual.rank !== null)
    return actual.rank >= outcome.achieved ? 'achieved' : actual.rank >= outcome.partial ? 'partial' : 'unmet';
  return null;
}
