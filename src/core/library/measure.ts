/**
 * The unit an indicator is measured in, as families and history matching compare it: a rate and a
 * count of the same thing are different measures (办理法律援助案件结案率 ≥95% is not 办理法律援助案件数量
 * ≥120件, though the wordings share most of their characters).
 */
import type { Indicator } from '../model/document.ts';
import { PERCENT_LIKE } from '../review/terms.ts';
import type { TargetValue } from '../target-value/target-value.ts';

/**
 * The 度量单位 cell where the form prints one, else the target's unit. A bare number on a rate (the
 * seed's 结案率 "≥95", its corrected copy's "≥95%") is a percentage. Null where the target states no
 * unit (a grade, an unreadable cell, a bare number on anything else — the seed's 专线费用 "100" is its
 * corrected copy's "≤3.00万元"): such a row may be any unit's.
 */
export function measureUnitOf(indicator: Indicator, target: TargetValue, wording: string): string | null {
  const printed = indicator.measureUnit?.normalize('NFKC').trim();
  if (printed) return printed;
  if (target.kind === 'quantitative' && target.unit !== '') return target.unit;
  // A rate is a percentage also where its cell was left empty (the seed's second 服务对象满意率 row).
  return (target.kind === 'quantitative' || target.kind === 'empty') && PERCENT_LIKE.test(wording) ? '%' : null;
}

/** Two rows may be the same measure unless both state a unit and the units differ. */
export const unitsCompatible = (a: string | null, b: string | null): boolean => a === null || b === null || a === b;
