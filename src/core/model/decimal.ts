/**
 * Exact decimal arithmetic for amounts (万元), percentages and scores.
 * Everything the model stores is a `DecimalText`; arithmetic goes through decimal.js
 * so that 0.1 + 0.2 is 0.3 and 财政资金 + 其他资金 = 预算数 is an exact comparison.
 */
import { Decimal } from 'decimal.js';
import { toHalfWidth } from '../text/half-width.ts';
import type { DecimalText } from './document.ts';

const FULL_WIDTH_DIGITS = /[０-９．－，]/g;

/**
 * Reads a number as people write it in a table cell: "5.00", "５.００", "1,234.5", " 20 ".
 * Returns null for an empty cell and undefined when the text is not a number.
 */
export function readDecimal(cell: string): DecimalText | null | undefined {
  const s = toHalfWidth(cell, FULL_WIDTH_DIGITS).replace(/[,\s]/g, '');
  if (s === '') return null;
  if (!/^-?\d+(\.\d+)?$/.test(s)) return undefined;
  return s.replace(/^(-?)0+(?=\d)/, '$1');
}

export const dec = (value: DecimalText | number): Decimal => new Decimal(value);

/** Exact sum; null entries count as nothing. */
export function sum(values: readonly (DecimalText | null)[]): Decimal {
  let total = new Decimal(0);
  for (const v of values) if (v !== null) total = total.plus(v);
  return total;
}

/** Canonical text with a fixed number of decimals, rounding half up (as in 财政 reports). */
export const fixed = (value: Decimal | DecimalText, places = 2): DecimalText => new Decimal(value).toFixed(places, Decimal.ROUND_HALF_UP);

/** Whether two decimals are numerically equal ("5" equals "5.00"). */
export const sameAmount = (a: DecimalText, b: DecimalText): boolean => new Decimal(a).equals(b);

export { Decimal };
