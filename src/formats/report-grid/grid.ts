/**
 * A report form (监控表, 自评表, 汇总表) as a grid of cells, laid out once and rendered by both the
 * XLSX and the DOCX writers (./xlsx.ts, ./docx.ts), so the spreadsheet and the Word file show the
 * same rows and merged cells. Rows list only the cells that start in them, as in HTML: a cell
 * covered by a `rowSpan` from above is left out of the rows below.
 */

export type Align = 'left' | 'center' | 'right';

export interface GridCell {
  text: string;
  /** Columns spanned (default 1). */
  span?: number;
  /** Rows spanned (default 1). */
  rowSpan?: number;
  align?: Align;
  /** A label of the form (项目名称, 一级指标 …) rather than the unit's own value. */
  label?: boolean;
  /** The text is an amount (a DecimalText): a spreadsheet stores it as a number that sums. */
  amount?: boolean;
  /** Kept on one line (a project code): a code broken across lines reads as two. */
  noWrap?: boolean;
}

export interface GridRow {
  cells: GridCell[];
  /**
   * A header row, repeated at the top of each page the table goes on to: writers start a table of their
   * own at the first of a run of header rows (a table repeats only its first rows), so no cell may span
   * from above into it.
   */
  header?: boolean;
  /** Printed on the same page as the next row: the rows of a merged 一级 group but its last, a block of the form. */
  keepWithNext?: boolean;
}

/**
 * Whether the rows of a table that starts with header rows are kept with the next: the header rows,
 * and the rows of an 一级 group (`level1`: run lengths, as `runLengths` gives them) but its last.
 */
function keptInGroups(level1: readonly number[]): boolean[] {
  return level1.map((_, k) => k + 1 < level1.length && level1[k + 1] === 0);
}

/**
 * An indicator table's merges and page keeping: each row's 一级 and 二级 run lengths (the 二级 within
 * its 一级) and whether it is kept with the next (`keptInGroups`).
 */
export function indicatorGroups(indicators: readonly { level1: string; level2: string }[]): {
  level1: number[];
  level2: number[];
  kept: boolean[];
} {
  const level1 = runLengths(indicators.map((i) => i.level1));
  const level2 = runLengths(
    indicators.map((i) => i.level2),
    level1,
  );
  return { level1, level2, kept: keptInGroups(level1) };
}

export interface ReportForm {
  /** Sheet name in a workbook (Excel allows 31 characters, no []:*?/\). */
  sheetName: string;
  title: string;
  subtitle: string | null;
  /** Lines between the title and the table, left and right: 单位名称：…, 单位：万元. */
  caption: { left: string; right: string } | null;
  /** Relative column widths; their count is the grid's width. */
  columns: number[];
  rows: GridRow[];
  /** Lines under the table (notes, the department's summary). */
  notes: string[];
  landscape: boolean;
}

export interface PlacedCell extends GridCell {
  row: number;
  column: number;
  span: number;
  rowSpan: number;
}

/**
 * Places every cell on the grid: its row and first column, skipping columns still covered by a
 * rowSpan from above. Throws when a row does not fill the grid exactly: a layout bug, not input.
 */
export function placeCells(form: ReportForm): PlacedCell[] {
  const width = form.columns.length;
  const coveredUntil = new Array<number>(width).fill(-1);
  const placed: PlacedCell[] = [];
  form.rows.forEach((row, r) => {
    let column = 0;
    for (const cell of row.cells) {
      while (column < width && coveredUntil[column]! >= r) column++;
      const span = cell.span ?? 1;
      const rowSpan = cell.rowSpan ?? 1;
      if (column + span > width) throw new Error(`${form.sheetName}: row ${r + 1} is wider than ${width} columns`);
      for (let c = column; c < column + span; c++) coveredUntil[c] = r + rowSpan - 1;
      placed.push({ ...cell, row: r, column, span, rowSpan });
      column += span;
    }
    while (column < width && coveredUntil[column]! >= r) column++;
    if (column !== width) throw new Error(`${form.sheetName}: row ${r + 1} fills ${column} of ${width} columns`);
  });
  return placed;
}

/**
 * Runs of equal values in a column (一级/二级 cells merged down over their rows): the row span at
 * each run's start, 0 inside a run. With `within` (the spans of the column to the left), a run also
 * ends where one of those runs ends, so a 二级 cell never spans two 一级 cells.
 */
export function runLengths(values: readonly string[], within?: readonly number[]): number[] {
  const spans = new Array<number>(values.length).fill(0);
  for (let i = 0; i < values.length; ) {
    let j = i + 1;
    while (j < values.length && values[j] === values[i] && (within === undefined || within[j] === 0)) j++;
    spans[i] = j - i;
    i = j;
  }
  return spans;
}

/** A sheet name Excel accepts, unique among `taken`. */
export function sheetName(wanted: string, taken: Set<string>): string {
  const base = wanted.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'Sheet';
  let name = base;
  for (let n = 2; taken.has(name); n++) name = `${base.slice(0, 31 - String(n).length - 1)}-${n}`;
  taken.add(name);
  return name;
}
