/**
 * Every sheet of any workbook (.xlsx) as a Grid: cells as the sheet shows them (../xlsx/cells.ts,
 * exact decimals, never a binary float), a merged range's text spread over the cells it covers.
 * Sheets with nothing in them are left out (a template's empty Sheet2, Sheet3). A sheet has no text
 * "before" its table: its title rows are rows of the grid.
 */
import ExcelJS from 'exceljs';
import { messages } from '../../i18n/index.ts';
import { named } from '../../i18n/message-ref.ts';
import { cellShown } from '../xlsx/cells.ts';
import { loadWorkbook } from '../xlsx/load-workbook.ts';
import type { Grid, GridCell, TableFile } from './grid.ts';

export async function readXlsxTables(bytes: Uint8Array, fileName: string): Promise<TableFile> {
  const workbook = await loadWorkbook(bytes, fileName, (reason) => named.formats.damaged('xlsx', reason));
  return { file: fileName, tables: workbook.worksheets.map(sheetGrid).filter((g) => g.rows.length > 0) };
}

function sheetGrid(sheet: ExcelJS.Worksheet): Grid {
  const rows: GridCell[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: GridCell[] = [];
    row.eachCell({ includeEmpty: false }, (cell, c) => {
      const master = cell.type === ExcelJS.ValueType.Merge ? cell.master : cell;
      const text = cellShown(master);
      const mergedFrom = master === cell ? null : master.row !== cell.row ? 'above' : 'left';
      if (text !== '' || mergedFrom !== null) cells[c - 1] = { text, mergedFrom };
    });
    rows[r - 1] = cells;
  });
  // Rows and columns past the last that shows something are only formatted, not printed.
  const used = rows.findLastIndex((cells) => cells !== undefined && cells.some((c) => c !== undefined && c.text !== ''));
  const usedWidth = Math.max(0, ...rows.map((cells) => (cells ?? []).findLastIndex((c) => c !== undefined && c.text !== '') + 1));
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
