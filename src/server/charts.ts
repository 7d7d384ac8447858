/**
 * A dashboard chart as the API hands it out: an ECharts `dataset` (typed dimensions, rows of exact
 * decimal strings that ECharts reads as numbers) with the series drawn over it, and the same rows
 * as a plain table — what the page shows with "view as table" and what `?format=csv` downloads.
 */
import { csvText } from '../core/csv/csv.ts';

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

/** The chart's table as CSV (core/csv: UTF-8 with a byte-order mark for Excel, no formulas). */
export function chartCsv(c: Chart): string {
  return csvText(c.table.columns, c.table.rows, (i) => c.dataset.dimensions[i]?.type === 'number');
}
