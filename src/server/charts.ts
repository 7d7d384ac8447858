/**
 * A dashboard chart as the API hands it out: an ECharts `dataset` (typed dimensions, rows of exact
 * decimal strings that ECharts reads as numbers) with the series drawn over it, and the same rows
 * as a plain table — what the page shows with "view as table" and what `?format=csv` downloads.
 */
export interface Dimension {
  name: string;
  displayName: string;
  type: 'ordinal' | 'number';
}

export type Cell = string | number | null;

export interface Series {
  type: 'line' | 'bar' | 'pie';
  name: string;
  encode: Record<string, string>;
  stack?: string;
  step?: string;
}

export interface Chart {
  id: string;
  title: string;
  dataset: { dimensions: Dimension[]; source: Cell[][] };
  series: Series[];
  table: { columns: string[]; rows: Array<Array<string | number>> };
}

export function chart(id: string, title: string, dimensions: Dimension[], source: Cell[][], series: Series[]): Chart {
  return {
    id,
    title,
    dataset: { dimensions, source },
    series,
    table: { columns: dimensions.map((d) => d.displayName), rows: source.map((r) => r.map((c) => c ?? '')) },
  };
}

const cell = (v: string | number) => {
  const s = String(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};

/** The chart's table as CSV with a byte-order mark, so Excel opens the Chinese text as UTF-8. */
export function chartCsv(c: Chart): string {
  return `\ufeff${[c.table.columns, ...c.table.rows].map((r) => r.map(cell).join(',')).join('\r\n')}\r\n`;
}
