/**
 * Exact values in and out of Excel cells. Amounts are written as numbers showing the decimals the
 * document has ("5.00" → 5 shown as 5.00), so Excel users can sum them; they are read back as the
 * decimal Excel shows, never as a binary float: the double is taken to 15 significant digits (Excel's
 * own precision, so 0.1+0.2 is 0.3 again) and padded to the cell format's decimals.
 */
import type { Cell, CellValue } from 'exceljs';
import { Decimal, readDecimal } from '../../core/model/decimal.ts';
import type { DecimalText } from '../../core/model/document.ts';

/** A number format showing exactly the decimals of `text`: "5.00" → "0.00", "12" → "0". */
export function numberFormatFor(text: DecimalText): string {
  const decimals = text.split('.')[1]?.length ?? 0;
  return decimals === 0 ? '0' : `0.${'0'.repeat(decimals)}`;
}

/** Whether a decimal survives as an Excel number (15 significant digits). */
export const fitsExcelNumber = (text: DecimalText): boolean => new Decimal(text).precision(true) <= 15;

/** Writes an amount: a number with a matching format, or the text itself when a double cannot hold it. */
export function writeAmount(cell: Cell, text: DecimalText | null): void {
  if (text === null) {
    cell.value = null;
    return;
  }
  if (fitsExcelNumber(text)) {
    cell.value = Number(text);
    cell.numFmt = numberFormatFor(text);
  } else {
    cell.value = text;
    cell.numFmt = '@';
  }
}

/** What a formula, a hyperlink or rich text shows, as a plain value. */
function plain(value: CellValue): string | number | boolean | Date | null {
  if (value === null || value === undefined) return null;
  if (typeof value !== 'object' || value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((r) => r.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = (value as { result?: CellValue }).result;
    return result === undefined ? null : plain(result);
  }
  if ('text' in value) return plain(value.text as CellValue);
  if ('error' in value) return String(value.error);
  return null;
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** A cell as text: what the user typed. Numbers print without float noise, dates as YYYY-MM-DD. */
export function cellText(cell: Cell): string {
  const v = plain(cell.value);
  if (v === null) return '';
  if (typeof v === 'number') return new Decimal(v).toSignificantDigits(15).toFixed();
  if (v instanceof Date) return `${v.getUTCFullYear()}-${pad2(v.getUTCMonth() + 1)}-${pad2(v.getUTCDate())}`;
  return String(v).replace(/\r\n?/g, '\n').trim();
}

/**
 * An amount or a percentage cell: null when empty, undefined when it is not a number. A number
 * formatted as a percentage (the user typed "20%") reads as 20.
 */
export function cellDecimal(cell: Cell): DecimalText | null | undefined {
  const v = plain(cell.value);
  if (v === null || v === '') return null;
  if (typeof v !== 'number') return typeof v === 'string' ? readDecimal(v.normalize('NFKC').replace(/%$/, '')) : undefined;
  const format = cell.numFmt ?? '';
  let d = new Decimal(v).toSignificantDigits(15);
  if (format.includes('%')) d = d.times(100);
  const text = d.toFixed();
  const decimals = /\.(0+)/.exec(format)?.[1]?.length ?? 0;
  const has = text.split('.')[1]?.length ?? 0;
  return has >= decimals ? text : d.toFixed(decimals);
}

/**
 * A cell as the sheet shows it, exactly: a number with the decimals and thousands separators its
 * format shows (a percentage format shows "85%" for 0.85); General as Excel's 15 significant
 * digits; a date in its format's year, month and day ("2021年3月5日", "2021/3/5"), ISO when it has none.
 */
export function cellShown(cell: Cell): string {
  const v = plain(cell.value);
  if (v === null) return '';
  const format = firstSection(cell.numFmt ?? '');
  if (typeof v === 'number') return numberShown(v, format);
  if (v instanceof Date) return dateShown(v, format);
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v).replace(/\r\n?/g, '\n').trim();
}

/** The positive numbers' section of a format, with its quoted text, escapes and [colour] left out. */
const firstSection = (format: string): string =>
  (/^((?:"[^"]*"|\\.|[^;])*)/.exec(format)?.[1] ?? '').replace(/"[^"]*"|\\.|\[[^\]]*\]/g, (m) => (m[0] === '[' ? '' : m));

const literal = (format: string) => format.replace(/"[^"]*"|\\./g, '');

function numberShown(value: number, format: string): string {
  let d = new Decimal(value).toSignificantDigits(15);
  const code = literal(format);
  if (!/[0#?]/.test(code)) return d.toFixed();
  const percent = code.includes('%');
  if (percent) d = d.times(100);
  const decimals = /\.([0#?]*)/.exec(code)?.[1] ?? '';
  const least = decimals.replace(/[#?]/g, '').length;
  let text = d.toDecimalPlaces(decimals.length).toFixed();
  const has = text.split('.')[1]?.length ?? 0;
  if (has < least) text = d.toFixed(least);
  if (/[0#?],[0#?]/.test(code.split('.')[0]!)) text = text.replace(/^(-?\d+)/, (digits) => digits.replace(/\B(?=(\d{3})+$)/g, ','));
  return percent ? `${text}%` : text;
}

function dateShown(date: Date, format: string): string {
  const parts = { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
  if (!/[yd]/i.test(literal(format))) return `${parts.y}-${pad2(parts.m)}-${pad2(parts.d)}`;
  // Only the date is shown: a time part in the format is dropped with what separates it.
  return format
    .replace(/\s*[hH]+.*$/, '')
    .replace(/"([^"]*)"|\\(.)|(y+|Y+)|(m+|M+)|(d+|D+)/g, (_, quoted, escaped, y, m, d) => {
      if (quoted !== undefined) return quoted;
      if (escaped !== undefined) return escaped;
      if (y !== undefined) return y.length <= 2 ? pad2(parts.y % 100) : String(parts.y);
      if (m !== undefined) return m.length === 1 ? String(parts.m) : pad2(parts.m);
      return d.length === 1 ? String(parts.d) : pad2(parts.d);
    })
    .trim();
}
