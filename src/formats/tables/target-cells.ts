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

/**
 * The 指标值 cell of a form that prints the sign and the unit in cells of their own: the target
 * without them ("≥95%" under 指标性质 "≥" and 度量单位 "%" → "95"), so that the form written again
 * reads back as it was. Where the target does not start with the sign or end with the unit (edited
 * since), it is printed whole rather than cut wrongly.
 */
export function valueCell(target: string, printed: { nature: string | null; measureUnit: string | null }): string {
  let value = target;
  const sign = printed.nature !== null && isOperator(printed.nature) ? printed.nature : '';
  if (sign !== '' && value.startsWith(sign)) value = value.slice(sign.length);
  else if (sign !== '') return target;
  const unit = printed.measureUnit ?? '';
  if (unit !== '' && value.endsWith(unit) && value.length > unit.length) value = value.slice(0, -unit.length);
  else if (unit !== '') return target;
  return value;
}
