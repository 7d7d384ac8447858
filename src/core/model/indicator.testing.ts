/** Test builder for the indicator rows most test tables hold. */
import type { Indicator } from './document.ts';

/** An annual (年度) row with no 三级指标 and no remark. */
export const annualRow = (level1: string, level2: string, description: string, target: string, basis: string): Indicator => ({
  term: 'annual',
  level1,
  level2,
  level3: '',
  description,
  target,
  basis,
  remark: '',
});
