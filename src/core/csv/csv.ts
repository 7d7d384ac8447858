/**
 * CSV as jixiao writes it for spreadsheets: UTF-8 with a byte-order mark (so Excel opens Chinese text
 * as UTF-8), CRLF, RFC 4180 quoting — and no formulas. A spreadsheet runs a cell that starts with
 * = + - @ (or a tab or CR before one) as a formula, so a project named `=HYPERLINK(…)` would become a
 * link or a command on the reader's machine; such text cells get a leading apostrophe, as OWASP
 * advises. Numeric columns keep their numbers, negative ones included: a plain decimal is no formula.
 */
export type CsvValue = string | number | null;

const FORMULA_START = /^[=+\-@\t\r]/;
const DECIMAL = /^-?\d+(?:\.\d+)?$/;

/** One cell; `numeric` for a column of numbers (whose other values are neutralised like text). */
export function csvCell(value: CsvValue, numeric: boolean): string {
  if (value === null) return '';
  const s = String(value);
  const safe = typeof value === 'number' || (numeric && DECIMAL.test(s)) || !FORMULA_START.test(s) ? s : `'${s}`;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** A table with its header row; `numeric(i)` tells whether the i-th column holds numbers. */
export function csvText(
  columns: readonly string[],
  rows: readonly (readonly CsvValue[])[],
  numeric: (column: number) => boolean = () => false,
): string {
  const lines = [columns.map((c) => csvCell(c, false)), ...rows.map((r) => r.map((v, i) => csvCell(v, numeric(i))))];
  return `\uFEFF${lines.map((l) => l.join(',')).join('\r\n')}\r\n`;
}
