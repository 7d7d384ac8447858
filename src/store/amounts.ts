/** Exact sums of decimal text that keep the scale of the inputs: 5.00 + 86.10 is "91.10", not "91.1". */
import { sum } from '../core/model/decimal.ts';

export function exactSum(values: readonly string[]): string {
  const places = Math.max(0, ...values.map((a) => a.split('.')[1]?.length ?? 0));
  return sum(values).toFixed(places);
}
