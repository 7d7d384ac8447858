/**
 * Every sheet of any workbook (.xlsx) as a Grid: cells as the sheet shows them (../xlsx/cells.ts,
 * exact decimals, never a binary float), a merged range's text spread over the cells it covers.
 * Sheets with nothing in them are left out (a template's empty Sheet2, Sheet3). A sheet has no text
 * "before" its table: its title rows are rows of the grid.
 */
import type ExcelJS from 'exceljs';
import { messages } from '../../i18n/index.ts';
import { named, type MessageRef } from '../../i18n/message-ref.ts';
import { ImportError } from '../import-error.ts';
import { cellShown } from '../xlsx/cells.ts';
import { loadWorkbook } from '../xlsx/load-workbook.ts';
import { openZip } from '../zip-reader.ts';
import type { Grid, GridCell, TableFile } from './grid.ts';
import { sheetMerges, type MergedRange } from './sheet-merges.ts';

export async function readXlsxTables(bytes: Uint8Array, fileName: string): Promise<TableFile> {
  const damaged = (reason: string | MessageRef) => named.formats.damaged('xlsx', reason);
  const workbook = await loadWorkbook(bytes, fileName, damaged, ['mergeCells']);
  let merges: Map<string, MergedRange[]>;
  try {
    merges = sheetMerges(openZip(bytes, fileName, damaged(named.formats.zip.broken)));
  } catch (e) {
    if (e instanceof ImportError) throw e;
    throw new ImportError({ file: fileName }, damaged(e instanceof Error ? e.message : String(e)));
  }
  const grids = workbook.worksheets.map((sheet) => sheetGrid(sheet, merges.get(sheet.name) ?? []));
  return { file: fileName, tables: grids.filter((g) => g.rows.length > 0) };
}

function sheetGrid(sheet: ExcelJS.Worksheet, merges: readonly MergedRange[]): Grid {
  const rows: GridCell[][] = [];
  sheet.eachRow({ includeEmpty: false }, (row, r) => {
    const cells: GridCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const text = cellShown(cell);
      if (text !== '') cells[c - 1] = { text, mergedFrom: null };
    });
    rows[r - 1] = cells;
  });
  for (const m of merges) {
    const text = rows[m.top]?.[m.left]?.text ?? '';
    for (let r = m.top; r <= m.bottom; r++) {
      const cells = (rows[r] ??= []);
      for (let c = m.left; c <= m.right; c++) {
        if (r !== m.top || c !== m.left) cells[c] = { text, mergedFrom: r > m.top ? 'above' : 'left' };
      }
    }
  }
  // Rows and columns past the last that shows something are only formatted, not printed.
  const shows = (c: GridCell | undefined) => c !== undefined && c.text !== '';
  const used = rows.findLastIndex((cells) => cells?.some(shows) === true);
  let usedWidth = 0;
  for (const cells of rows) usedWidth = Math.max(usedWidth, (cells ?? []).findLastIndex(shows) + 1);
  return {
    name: messages().formats.location.sheet(sheet.name),
    before: [],
    cellName: (row, column) => `${columnName(column)}${row + 1}`,
    rows: Array.from({ length: used + 1 }, (_, r) =>
      Array.from({ length: usedWidth }, (_, c) => rows[r]?.[c] ?? { text: '', mergedFrom: null }),
    ),
  };
}

/** "A", …, "Z", "AA", … for a 0-based column. */
function columnName(column: number): string {
  let name = '';
  for (let n = column + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
