/**
 * Amounts as published tables print them: "3,309,840.00" (thousands separators), "250万" (the unit
 * in the cell), "/" (not applicable), full-width digits. Read exactly, in the unit the document
 * declares: nothing is converted, a 元 table stays in 元.
 */
import type { AmountUnit, DecimalText } from '../../core/model/document.ts';
import { readDecimal } from '../../core/model/decimal.ts';

const UNIT_SUFFIX = /(万元|万|元)$/u;
const NOT_APPLICABLE = /^[/／—-]$/u;
/** "单位：元", "金额单位:万元", "(万元)", "（元）" in a caption or a heading. */
const DECLARED = /单位\s*[:：]\s*(万元|元)|[(（]\s*(万元|元)\s*[)）]/u;

export interface AmountReading {
  value: DecimalText | null;
  /** The unit the cell itself printed ("250万"), if any. */
  unit: AmountUnit | null;
}

/** An amount cell; undefined when it is not one. */
export function readAmountCell(text: string): AmountReading | undefined {
  const t = text.trim();
  if (t === '' || NOT_APPLICABLE.test(t)) return { value: null, unit: null };
  const suffix = UNIT_SUFFIX.exec(t);
  const value = readDecimal(suffix === null ? t : t.slice(0, suffix.index));
  if (value === undefined || (value === null && suffix !== null)) return undefined;
  return { value, unit: suffix === null ? null : suffix[1] === '元' ? '元' : '万元' };
}

/** The unit a caption or heading declares ("单位：元", "预算数(万元)"), if it declares one. */
export function declaredAmountUnit(text: string): AmountUnit | undefined {
  if (!text.includes('元') || text.length > 60) return undefined;
  const m = DECLARED.exec(text);
  return m === null ? undefined : ((m[1] ?? m[2]) as AmountUnit);
}
