/**
 * Exact comparison of decimal texts ("95", "100.00", "-0.5") without building decimal.js objects:
 * a review compares every target and checkpoint with 0 or 100, a few hundred thousand times in a
 * province's run, and only needs the order, never arithmetic. Compares digit by digit, so it is as
 * exact as decimal.js (no binary floats).
 */
import type { DecimalText } from '../model/document.ts';

/** -1, 0 or 1 as a <, = or > b. Both must be DecimalText (optional minus, digits, optional fraction). */
export function compareDecimal(a: DecimalText, b: DecimalText): number {
  const negA = a.charCodeAt(0) === 45; // '-'
  const negB = b.charCodeAt(0) === 45;
  if (negA !== negB) return isZero(a) && isZero(b) ? 0 : negA ? -1 : 1;
  const order = compareMagnitude(negA ? a.slice(1) : a, negB ? b.slice(1) : b);
  return negA && order !== 0 ? -order : order;
}

function isZero(s: string): boolean {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 49 && c <= 57) return false; // 1-9
  }
  return true;
}

function compareMagnitude(a: string, b: string): number {
  let dotA = a.indexOf('.');
  let dotB = b.indexOf('.');
  if (dotA < 0) dotA = a.length;
  if (dotB < 0) dotB = b.length;
  // Skip leading zeros of the integer parts, then the longer integer part is larger.
  let i = 0;
  let j = 0;
  while (i < dotA - 1 && a.charCodeAt(i) === 48) i++;
  while (j < dotB - 1 && b.charCodeAt(j) === 48) j++;
  const lengthA = dotA - i;
  const lengthB = dotB - j;
  if (lengthA !== lengthB) return lengthA < lengthB ? -1 : 1;
  for (; i < dotA; i++, j++) {
    const d = a.charCodeAt(i) - b.charCodeAt(j);
    if (d !== 0) return d < 0 ? -1 : 1;
  }
  // Fractions, padding the shorter with zeros.
  const fractionLength = Math.max(a.length - dotA, b.length - dotB);
  for (let k = 1; k < fractionLength; k++) {
    const da = dotA + k < a.length ? a.charCodeAt(dotA + k) : 48;
    const db = dotB + k < b.length ? b.charCodeAt(dotB + k) : 48;
    if (da !== db) return da < db ? -1 : 1;
  }
  return 0;
}
