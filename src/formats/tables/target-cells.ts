/**
 * A target printed over several cells — 指标性质 (the sign), 指标值 (the number), 度量单位 (the unit)
 * — read as one reads it: "≥" + "95" + "%" → "≥95%". Some forms (乌海) print 正向/反向 under 指标性质
 * and the sign under 指标方向: what a cell holds decides, not its heading, so each keeps what it
 * printed and the form can be written again in its own profile.
 */
const OPERATOR = /^(?:[≥≤=＝><＞＜≧≦≠]|>=|<=|大于等于|小于等于|大于|小于|等于|不低于|不高于|不少于|不超过)$/u;
const DIRECTION = /^(?:正向|反向)(?:指标)?$/u;

export const isOperator = (text: string): boolean => text.length <= 4 && OPERATOR.test(text);
export const isDirection = (text: string): boolean => text.length <= 4 && DIRECTION.test(text);

export interface TargetCells {
  /** What the form printed under 指标性质 (or its alias), and under 指标方向(性). */
  nature: string | null;
  direction: string | null;
  value: string;
  measureUnit: string | null;
}

export interface ComposedTarget {
  target: string;
  nature: string | null;
  direction: string | null;
}

export function composeTarget(cells: TargetCells): ComposedTarget {
  let { nature, direction } = cells;
  // 乌海: 指标性质 holds the direction and 指标方向 the sign.
  if (nature !== null && isDirection(nature) && (direction === null || direction === '' || isOperator(direction))) {
    [nature, direction] = [direction, nature];
  }
  const sign = nature !== null && isOperator(nature) ? nature : '';
  const target = cells.value === '' ? '' : `${sign}${cells.value}${cells.measureUnit ?? ''}`;
  return { target, nature: nature === '' ? null : nature, direction: direction === '' ? null : direction };
}
