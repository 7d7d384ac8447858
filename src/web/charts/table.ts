/** A chart's data as a table: what the "view as table" switch shows and the CSV download holds. */
export interface ChartTable {
  columns: string[];
  rows: Array<Array<string | number>>;
}

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** CSV with a byte-order mark, so Excel opens the Chinese text as UTF-8. */
export function toCsv(table: ChartTable): string {
  return '\ufeff' + [table.columns, ...table.rows].map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n';
}
