/**
 * An indicator row as it is kept: its 指标值 in half-width (≥９５％ is ≥95%), and numbers in its
 * prose written the same way, Chinese punctuation untouched. Applied wherever a row is saved, so the
 * store, the lists, the published documents and the open data all read one spelling. The columns
 * only some forms print are values (指标性质, 度量单位, 上年/前年) or prose (指标解释 …) alike, and stay
 * absent where the row has none.
 */
import { halfWidthNumbers, halfWidthTarget } from '../text/half-width.ts';
import type { Indicator } from './document.ts';

const VALUES = ['nature', 'measureUnit', 'previousYear', 'yearBeforeLast'] as const;
const PROSE = ['direction', 'explanation', 'origin'] as const;

export function halfWidthIndicator(i: Indicator): Indicator {
  const out: Indicator = {
    ...i,
    level3: halfWidthNumbers(i.level3),
    description: halfWidthNumbers(i.description),
    target: halfWidthTarget(i.target),
    basis: halfWidthNumbers(i.basis),
    remark: halfWidthNumbers(i.remark),
  };
  for (const [fields, kept] of [
    [VALUES, halfWidthTarget],
    [PROSE, halfWidthNumbers],
  ] as const)
    for (const f of fields) {
      const v = i[f];
      if (typeof v === 'string') out[f] = kept(v);
    }
  return out;
}
