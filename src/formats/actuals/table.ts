/**
 * The rows of an actuals file, CSV or XLSX, recognised by content (an XLSX is a ZIP). Every cell
 * keeps where it came from, so errors can name the line (CSV) or the sheet and cell (XLSX).
 */
import type ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { safeText } from '../../core/text/safe-text.ts';
import { named, type MessageRef } from '../../i18n/message-ref.ts';
import { ImportError, type ImportLocation } from '../import-error.ts';
import { decodeText } from '../text/decode.ts';
import { cellDecimal, cellText } from '../xlsx/cells.ts';
import { loadWorkbook } from '../xlsx/load-workbook.ts';
import { looksLikeZip } from '../zip-reader.ts';

export interface TableCell {
  text: string;
  /** Where the cell is, without the field: the reader adds the column's name. */
  at: Omit<ImportLocation, 'field'>;
}

export interface Table {
  header: TableCell[];
  /** Data rows, blank rows left out; `at` locates the row itself. */
  rows: { at: Omit<ImportLocation, 'field'>; cells: TableCell[] }[];
}

/** `empty`: what a file without a header is told (by default, the header an actuals file needs). */
export async function readTable(
  bytes: Uint8Array,
  fileName: string,
  empty: MessageRef = named.monitoring.actualsFile.empty,
): Promise<Table> {
  if (!looksLikeZip(bytes)) return readCsv(bytes, fileName, empty);
  try {
    return await readXlsx(bytes, fileName, empty);
  } catch (e) {
    if (e instanceof ImportError) throw e;
    // exceljs failing inside a damaged workbook: the file's fault, reported as such.
    throw new ImportError({ file: fileName }, named.formats.damaged('xlsx', e instanceof Error ? e.message : String(e)));
  }
}

function readCsv(bytes: Uint8Array, file: string, empty: MessageRef): Table {
  // A file's NUL or lone surrogate is cleaned here: no database column could hold it.
  const text = safeText(decodeText(bytes).text);
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { info: true, relax_column_count: true, skip_empty_lines: false, trim: false }) as unknown as typeof records;
  } catch (e) {
    const line = (e as { lines?: number }).lines;
    throw new ImportError({ file, ...(line === undefined ? {} : { line }) }, named.monitoring.actualsFile.badCsv((e as Error).message));
  }
  const lines: { line: number; cells: string[] }[] = [];
  let end = 0;
  for (const { record, info } of records) {
    lines.push({ line: end + 1, cells: record });
    end = info.lines;
  }
  const [head, ...body] = lines.filter((l) => l.cells.some((c) => c.trim() !== ''));
  if (!head) throw new ImportError({ file }, empty);
  const row = (l: { line: number; cells: string[] }) => ({
    at: { file, line: l.line },
    cells: l.cells.map((text) => ({ text: text.trim(), at: { file, line: l.line } })),
  });
  return { header: row(head).cells, rows: body.map(row) };
}

async function readXlsx(bytes: Uint8Array, file: string, empty: MessageRef): Promise<Table> {
  const workbook = await loadWorkbook(bytes, file, named.monitoring.actualsFile.badXlsx);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new ImportError({ file }, named.monitoring.actualsFile.noSheet);
  const rows: { at: Omit<ImportLocation, 'field'>; cells: TableCell[] }[] = [];
  sheet.eachRow({ includeEmpty: false }, (r, number) => {
    const cells: TableCell[] = [];
    for (let c = 1; c <= Math.max(r.cellCount, sheet.columnCount); c++) {
      const cell = r.getCell(c);
      cells.push({ text: textOf(cell), at: { file, sheet: sheet.name, cell: cell.address } });
    }
    if (cells.some((c) => c.text !== '')) rows.push({ at: { file, sheet: sheet.name, cell: `A${number}` }, cells });
  });
  const [head, ...body] = rows;
  if (!head) throw new ImportError({ file, sheet: sheet.name }, empty);
  return { header: head.cells, rows: body };
}

/** What the user typed; a number formatted as a percentage ("96%" typed in Excel) keeps its sign. */
function textOf(cell: ExcelJS.Cell): string {
  if (typeof cell.value === 'number' && (cell.numFmt ?? '').includes('%')) return `${cellDecimal(cell)}%`;
  return safeText(cellText(cell));
}
