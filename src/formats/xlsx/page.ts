/**
 * Print setup and row heights shared by the workbook writers. Every sheet prints on A4 fitted to the
 * page width, as many pages long as it takes. Row heights for wrapped text: Excel sizes a wrapped row only when the file is edited there, and
 * never sizes a row for a merged cell, so the writers set heights themselves, estimated from the text:
 * a column width counts characters of the default font, and CJK (fullwidth) characters take two.
 */
import type { PageSetup } from 'exceljs';

export const a4FitToWidth = (landscape: boolean): Partial<PageSetup> => ({
  paperSize: 9,
  orientation: landscape ? 'landscape' : 'portrait',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
});

/** Points per line of text: Excel's 15 for an 11-point font, in proportion for other sizes. */
const lineHeight = (fontSize: number) => (fontSize * 15) / 11;

const WIDE = /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/u;

/** Width of one line in column-width units. */
export function displayWidth(line: string): number {
  let width = 0;
  for (const ch of line) width += WIDE.test(ch) ? 2 : 1;
  return width;
}

/** Lines `text` takes wrapped in a column `width` wide (a little is lost to the cell's margins). */
export function wrappedLines(text: string, width: number): number {
  const usable = Math.max(1, width - 1);
  return text.split('\n').reduce((n, line) => n + Math.max(1, Math.ceil(displayWidth(line) / usable)), 0);
}

/** The height of a row whose tallest cell takes `lines` lines. */
export const heightFor = (lines: number, fontSize = 11): number => Math.ceil(Math.max(1, lines) * lineHeight(fontSize) + 2);

/** Sets each row's height to fit its wrapped cells: `cells` gives each cell's text and width. */
export function fitRowHeight(row: { height: number }, cells: readonly { text: string; width: number }[], fontSize = 11): void {
  const lines = Math.max(1, ...cells.map((c) => wrappedLines(c.text, c.width)));
  if (lines > 1) row.height = heightFor(lines, fontSize);
}
