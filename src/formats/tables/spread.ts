/**
 * Lays cells that span rows and columns out on a Grid, as HTML's table model does: each cell takes
 * the first free column of its row and covers its spans; a covered position repeats the cell's text
 * and says where it came from. Word tables (w:gridSpan, w:vMerge) and web pages (colspan, rowspan)
 * are both placed here, so a merge reads the same whatever marked it.
 */
import { messages } from '../../i18n/index.ts';
import type { Grid, GridCell } from './grid.ts';

/** How many paragraphs before a table are kept as its `before`: a title, a unit line, an amount unit, a note. */
export const BEFORE_PARAGRAPHS = 8;

export interface SpanningCell {
  text: string;
  columns: number;
  rows: number;
}

/** Past this, a span is a typing error or an attack (HTML clamps colspan at 1000 and rowspan at 65534 too). */
const MAX_COLUMNS = 1000;

export class GridLayout {
  private readonly rows: (GridCell | undefined)[][] = [];
  private row = -1;
  private column = 0;

  /** Starts the next row, `skip` columns in (Word's w:gridBefore). */
  startRow(skip = 0): void {
    this.row++;
    this.rows[this.row] ??= [];
    this.column = 0;
    this.skip(skip);
  }

  /** Leaves `count` free columns empty. */
  skip(count: number): void {
    for (let i = 0; i < count; i++) {
      this.nextFree();
      this.column++;
    }
  }

  place(cell: SpanningCell): void {
    this.nextFree();
    const columns = Math.min(Math.max(1, cell.columns), MAX_COLUMNS - this.column);
    for (let r = 0; r < Math.max(1, cell.rows); r++) {
      const row = (this.rows[this.row + r] ??= []);
      for (let c = 0; c < columns; c++) {
        row[this.column + c] = { text: cell.text, mergedFrom: r > 0 ? 'above' : c > 0 ? 'left' : null };
      }
    }
    this.column += columns;
  }

  /** Continues the merge above over the next `columns` columns (Word's w:vMerge "continue"). */
  continueAbove(columns: number): void {
    this.nextFree();
    const above = this.rows[this.row - 1];
    const cells = this.rows[this.row]!;
    for (let c = 0; c < Math.max(1, columns); c++) {
      cells[this.column + c] = { text: above?.[this.column + c]?.text ?? '', mergedFrom: above === undefined ? null : 'above' };
    }
    this.column += Math.max(1, columns);
  }

  private nextFree(): void {
    const cells = this.rows[this.row]!;
    while (cells[this.column] !== undefined) this.column++;
  }

  /** The grid, short rows padded with empty cells; rows a rowspan reached past the table's end are dropped. */
  grid(name: string, before: string[], cellName: Grid['cellName'] = wordCellName): Grid {
    const rows = this.rows.slice(0, this.row + 1);
    const width = Math.max(0, ...rows.map((r) => r.length));
    return {
      name,
      before,
      cellName,
      rows: rows.map((r) => Array.from({ length: width }, (_, c) => r[c] ?? { text: '', mergedFrom: null })),
    };
  }
}

/** "第 7 行第 2 列": a Word table or a web page has no cell names of its own. */
export const wordCellName = (row: number, column: number): string => messages().formats.tables.cell(row + 1, column + 1);
