/**
 * An indicator row as it is kept: its 指标值 in half-width (≥９５％ is ≥95%), and numbers in its
 * prose written the same way, Chinese punctuation untouched. Applied wherever a row is saved, so the
 * store, the lists, the published documents and the open data all read one spelling.
 */
import { halfWidthNumbers, halfWidthTarget } from '../text/half-width.ts';
import type { Indicator } from './document.ts';

export const halfWidthIndicator = (i: Indicator): Indicator => ({
  ...i,
  level3: halfWidthNumbers(i.level3),
  description: halfWidthNumbers(i.description),
  target: halfWidthTarget(i.target),
  basis: halfWidthNumbers(i.basis),
  remark: halfWidthNumbers(i.remark),
});
