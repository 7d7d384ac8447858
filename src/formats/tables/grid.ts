/**
 * A published table as the reader sees it, whatever file it came from (Word, Excel, a saved web
 * page): rows of cells with merged cells spread out, so the recogniser never has to know how a
 * format marks a merge (w:vMerge, a merged range, rowspan/colspan).
 */

export interface GridCell {
  /** The cell's text, whitespace as printed (line breaks inside a cell kept as "\n"). */
  text: string;
  /**
   * Where a merged cell's text came from: 'above' or 'left' when this position is covered by a
   * merge that starts in an earlier row or column (its `text` is then the merge's text), null for
   * the cell a merge starts in and for ordinary cells.
   */
  mergedFrom: 'above' | 'left' | null;
}

export interface Grid {
  /** Every row has the same number of cells (short rows are padded with empty cells). */
  rows: GridCell[][];
  /** Names the table in errors: "表 2", "工作表「Sheet1」", "表格 1". */
  name: string;
  /** How a cell is named in errors: "B7" in a sheet, "第 7 行第 2 列" in a Word table or a web page. */
  cellName(row: number, column: number): string;
  /** The text printed just before the table (title, "单位：万元", "预算单位：…"), nearest last. */
  before: string[];
}

/** Every table of one file, in document order. */
export interface TableFile {
  file: string;
  tables: Grid[];
}
