/**
 * Grids for tests, written as rows of strings: "^" is a cell covered by a merge from the row above,
 * "<" one covered from the cell to the left; either gets the merge's text, as a reader spreads it.
 * Short rows are padded with empty cells. Cells are named as in a sheet ("B7").
 */
import type { Grid, GridCell } from './grid.ts';

export function gridOf(rows: readonly (readonly string[])[], options: { name?: string; before?: string[] } = {}): Grid {
  const width = Math.max(...rows.map((r) => r.length));
  const cells: GridCell[][] = [];
  for (const [r, row] of rows.entries()) {
    const out: GridCell[] = [];
    for (let c = 0; c < width; c++) {
      const t = row[c] ?? '';
      if (t === '^') out.push({ text: cells[r - 1]![c]!.text, mergedFrom: 'above' });
      else if (t === '<') out.push({ text: out[c - 1]!.text, mergedFrom: 'left' });
      else out.push({ text: t, mergedFrom: null });
    }
    cells.push(out);
  }
  return {
    rows: cells,
    name: options.name ?? '表 1',
    cellName: (row, column) => `${String.fromCharCode(65 + column)}${row + 1}`,
    before: options.before ?? [],
  };
}
