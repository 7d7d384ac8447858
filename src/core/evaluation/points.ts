/**
 * Who gets how many of the 100 points (分值): 预算执行率 and the 一级 families by the bureau's
 * weights, an absent family's weight handed on by the settings' rule, each family's points spread
 * equally over its indicators (or as the bureau set them, or as the form weights them), indicators
 * that do not apply dropped. All points are cents that add up exactly (./apportion.ts).
 */
import type { FormProfile } from '../forms/profile.ts';
import { Decimal, dec } from '../model/decimal.ts';
import { apportion } from './apportion.ts';
import type { EvaluationSettings, Family } from './settings.ts';

/** A line of the score: the budget line (index null) or an indicator row. */
export interface PointLine {
  index: number | null;
  family: Family;
  applicable: boolean;
  /** Points the bureau set for this row; null to spread by family. */
  explicit: Decimal | null;
}

export interface Allocation {
  /** Points of each applicable line, by index (null for the budget line). */
  points: Map<number | null, Decimal>;
  /** Some but not all applicable indicators had points set: they were spread by family instead. */
  explicitIgnored: boolean;
}

const ZERO = new Decimal(0);
const HUNDRED = new Decimal(100);
const sum = (ds: Iterable<Decimal>) => [...ds].reduce((s, d) => s.plus(d), ZERO);

/** The weight of each family present, with absent families' weights handed on by the settings' rule. */
export function familyWeights(present: ReadonlySet<Family>, settings: EvaluationSettings): Map<Family, Decimal> {
  const w = settings.weights;
  const all: [Family, Decimal][] = [
    ['budgetExecution', dec(w.budgetExecution)],
    ...(w.cost === null ? [] : ([['cost', dec(w.cost)]] as [Family, Decimal][])),
    ['output', dec(w.output)],
    ['outcome', dec(w.outcome)],
    ['satisfaction', dec(w.satisfaction)],
  ];
  const weights = new Map(all.filter(([f]) => present.has(f)));
  const absent = sum(all.filter(([f]) => !present.has(f)).map(([, x]) => x));
  if (absent.isZero() || settings.absentFamily === 'forfeit' || weights.size === 0) return weights;
  let receivers = [...weights.keys()].filter((f) => settings.absentFamily === 'allFamilies' || f !== 'budgetExecution');
  if (receivers.length === 0) receivers = [...weights.keys()];
  const base = receivers.map((f) => weights.get(f)!);
  const shares = apportion(absent, sum(base).isZero() ? base.map(() => new Decimal(1)) : base);
  receivers.forEach((f, i) => weights.set(f, weights.get(f)!.plus(shares[i]!)));
  return weights;
}

/**
 * Where the profile's form weights each row (权重/分值), the points the rows share: the form's stated
 * total (90 where 预算执行 takes 10, 100 where it takes none), or else what the bureau's budget line
 * leaves. Undefined where the form does not weight rows and the 一级 split applies.
 */
export function formIndicatorPoints(profile: FormProfile | undefined, settings: EvaluationSettings): Decimal | undefined {
  if (profile?.weights !== 'column') return undefined;
  const total = profile.totalPoints === null ? HUNDRED.minus(settings.weights.budgetExecution) : dec(profile.totalPoints);
  return Decimal.min(total, HUNDRED);
}

/**
 * `formPoints` (./formIndicatorPoints): the rows' points, when every applicable row has some, are
 * scaled to it exactly and the budget line takes the rest of 100; without a budget line the rows take
 * all 100 (or keep the form's total where absent weights are forfeited).
 */
export function allocatePoints(lines: readonly PointLine[], settings: EvaluationSettings, formPoints?: Decimal): Allocation {
  const applicable = lines.filter((l) => l.applicable);
  const indicators = applicable.filter((l) => l.index !== null);
  const explicitCount = indicators.filter((l) => l.explicit !== null).length;
  const points = new Map<number | null, Decimal>();

  if (explicitCount > 0 && explicitCount === indicators.length && formPoints !== undefined) {
    const budgetLine = applicable.length > indicators.length;
    if (budgetLine) points.set(null, HUNDRED.minus(formPoints));
    const share = budgetLine || settings.absentFamily === 'forfeit' ? formPoints : HUNDRED;
    apportion(
      share,
      indicators.map((l) => l.explicit!),
    ).forEach((p, i) => points.set(indicators[i]!.index, p));
    return { points, explicitIgnored: false };
  }

  if (explicitCount > 0 && explicitCount === indicators.length) {
    // The bureau's points are used as given, rescaled to 100 only when rows were dropped.
    const raw = applicable.map((l) => (l.index === null ? dec(settings.weights.budgetExecution) : l.explicit!));
    apportion(new Decimal(100), raw).forEach((p, i) => points.set(applicable[i]!.index, p));
    return { points, explicitIgnored: false };
  }

  const counted = settings.notApplicable === 'withinFamily' ? applicable : lines;
  const weights = familyWeights(new Set(counted.map((l) => l.family)), settings);
  const spread = new Map<number | null, Decimal>();
  for (const [family, weight] of weights) {
    const members = counted.filter((l) => l.family === family);
    apportion(
      weight,
      members.map(() => new Decimal(1)),
    ).forEach((p, i) => spread.set(members[i]!.index, p));
  }
  if (counted === applicable) return { points: spread, explicitIgnored: explicitCount > 0 };

  // acrossAll: drop the rows that do not apply and rescale what remains to the same total.
  const total = sum(weights.values());
  apportion(
    total,
    applicable.map((l) => spread.get(l.index)!),
  ).forEach((p, i) => points.set(applicable[i]!.index, p));
  return { points, explicitIgnored: explicitCount > 0 };
}
