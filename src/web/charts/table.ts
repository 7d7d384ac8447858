/** A chart's data as a table: what the "view as table" switch shows and the CSV download holds. */
import { csvText } from '../../core/csv/csv.ts';

export interface ChartTable {
  columns: string[];
  rows: Array<Array<string | number>>;
  /** Which columns hold numbers (kept as they are in the CSV, negative ones included); the others are text. */
  numeric?: readonly boolean[];
}

/** The table as CSV (core/csv: UTF-8 with a byte-order mark for Excel, no formulas). */
export function toCsv(table: ChartTable): string {
  return csvText(table.columns, table.rows, (i) => table.numeric?.[i] === true);
}
