/**
 * Renders report forms as worksheets in the look of the official forms: title in 黑体, table in
 * 宋体 with thin borders, labels centred, wrapped text in rows tall enough for it, A4 print setup
 * fitted to the page width.
 */
import ExcelJS from 'exceljs';
import { CJK_FONTS } from '../docx/style.ts';
import { writeAmount } from '../xlsx/cells.ts';
import { a4FitToWidth, heightFor, wrappedLines } from '../xlsx/page.ts';
import { placeCells, type ReportForm } from './grid.ts';

/** Excel column width units per relative width unit: the widest form is about 150 characters. */
const CHARS_PER_UNIT = 1;

const FONT_SIZE = 10.5;

const THIN = { style: 'thin' as const };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

export function addFormSheet(workbook: ExcelJS.Workbook, form: ReportForm): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(form.sheetName, {
    pageSetup: { ...a4FitToWidth(form.landscape), horizontalCentered: true },
  });
  const width = form.columns.length;
  const widthOf = (from: number, span: number) => form.columns.slice(from, from + span).reduce((a, b) => a + b * CHARS_PER_UNIT, 0);
  sheet.columns = form.columns.map((w) => ({ width: w * CHARS_PER_UNIT }));

  let r = 1;
  const banner = (text: string, size: number, bold: boolean, fontName: string) => {
    sheet.mergeCells(r, 1, r, width);
    const cell = sheet.getCell(r, 1);
    cell.value = text;
    cell.font = { name: fontName, size, bold };
    cell.alignment = { horizontal: 'center', vertical: 'middle' };
    sheet.getRow(r).height = size * 1.8;
    r++;
  };
  banner(form.title, 16, true, CJK_FONTS.hei);
  if (form.subtitle !== null) banner(form.subtitle, 12, false, CJK_FONTS.song);
  if (form.caption !== null) {
    const half = Math.max(1, Math.floor(width / 2));
    sheet.mergeCells(r, 1, r, half);
    sheet.mergeCells(r, half + 1, r, width);
    Object.assign(sheet.getCell(r, 1), { value: form.caption.left, font: { name: CJK_FONTS.song, size: FONT_SIZE } });
    Object.assign(sheet.getCell(r, half + 1), {
      value: form.caption.right,
      font: { name: CJK_FONTS.song, size: FONT_SIZE },
      alignment: { horizontal: 'right' },
    });
    r++;
  }

  const top = r;
  const heights = new Array<number>(form.rows.length).fill(heightFor(1, FONT_SIZE));
  for (const c of placeCells(form)) {
    const row = top + c.row;
    const column = c.column + 1;
    if (c.span > 1 || c.rowSpan > 1) sheet.mergeCells(row, column, row + c.rowSpan - 1, column + c.span - 1);
    const cell = sheet.getCell(row, column);
    if (c.amount && c.text !== '') writeAmount(cell, c.text);
    else cell.value = c.text;
    cell.font = { name: CJK_FONTS.song, size: FONT_SIZE, bold: c.label === true };
    cell.alignment = { horizontal: c.align ?? (c.label ? 'center' : 'left'), vertical: 'middle', wrapText: c.noWrap !== true };
    if (c.noWrap !== true) {
      const share = heightFor(wrappedLines(c.text, widthOf(c.column, c.span)), FONT_SIZE) / c.rowSpan;
      for (let y = c.row; y < c.row + c.rowSpan; y++) heights[y] = Math.max(heights[y] ?? 0, share);
    }
    // Borders on every cell of a merged range, so the frame is closed whatever Excel keeps.
    for (let y = row; y < row + c.rowSpan; y++) for (let x = column; x < column + c.span; x++) sheet.getCell(y, x).border = BORDER;
  }
  for (const [y, h] of heights.entries()) sheet.getRow(top + y).height = Math.ceil(h);
  r = top + form.rows.length;
  for (const note of form.notes) {
    sheet.mergeCells(r, 1, r, width);
    Object.assign(sheet.getCell(r, 1), { value: note, font: { name: CJK_FONTS.song, size: FONT_SIZE }, alignment: { wrapText: true } });
    sheet.getRow(r).height = heightFor(wrappedLines(note, widthOf(0, width)), FONT_SIZE);
    r++;
  }
  return sheet;
}

/** A workbook of forms, one sheet each, as bytes. */
export async function formsWorkbook(forms: readonly ReportForm[]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'jixiao';
  for (const form of forms) addFormSheet(workbook, form);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
