/**
 * Splitting points to the cent so that the parts add up exactly (largest-remainder method):
 * 50 points over three indicators are 16.67 + 16.67 + 16.66, never 16.67 × 3 = 50.01, so the
 * 自评表's 分值 column always adds up to its 总分. The extra cents go to the largest remainders,
 * and among equal remainders to the earlier rows.
 */
import { Decimal } from '../model/decimal.ts';

const CENT = new Decimal('0.01');

export function apportion(total: Decimal, weights: readonly Decimal[]): Decimal[] {
  if (weights.length === 0) return [];
  if (weights.every((w) => w.equals(weights[0]!)) && !weights[0]!.isZero()) return spreadEqually(total, weights.length);
  const sum = weights.reduce((s, w) => s.plus(w), new Decimal(0));
  if (sum.isZero()) return weights.map(() => new Decimal(0));
  const quotas = weights.map((w) => total.times(w).div(sum));
  const floors = quotas.map((q) => q.toDecimalPlaces(2, Decimal.ROUND_DOWN));
  let cents = total
    .toDecimalPlaces(2, Decimal.ROUND_HALF_UP)
    .minus(floors.reduce((s, f) => s.plus(f), new Decimal(0)))
    .div(CENT)
    .round()
    .toNumber();
  const order = quotas
    .map((q, i) => ({ i, remainder: q.minus(floors[i]!) }))
    .sort((a, b) => b.remainder.comparedTo(a.remainder) || a.i - b.i);
  const parts = [...floors];
  for (const { i } of order) {
    if (cents <= 0) break;
    parts[i] = parts[i]!.plus(CENT);
    cents--;
  }
  return parts;
}

/** The common case, equal shares: every remainder is the same, so the extra cents go to the first rows. */
function spreadEqually(total: Decimal, n: number): Decimal[] {
  const share = total.div(n).toDecimalPlaces(2, Decimal.ROUND_DOWN);
  const extra = total.toDecimalPlaces(2, Decimal.ROUND_HALF_UP).minus(share.times(n)).div(CENT).round().toNumber();
  const more = share.plus(CENT);
  return Array.from({ length: n }, (_, i) => (i < extra ? more : share));
}
