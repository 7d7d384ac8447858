/**
 * Lines of text as the PDF sets them, worked out before layout: widths from the font pdfmake embeds
 * (its own font loader, so every advance is the one it uses), lines broken greedily where Chinese text
 * may break (between characters, never before a closing mark nor after an opening one) and between
 * words of Latin letters and digits. For deciding page breaks and evening out a cell's lines: a line
 * given here holds no more than the same width holds in the PDF.
 */
import { createRequire } from 'node:module';
import { FONT_FILES } from '../publication/fonts.ts';

interface MeasuredFont {
  widthOfString(text: string, size: number): number;
}

let font: MeasuredFont | undefined;

/** The embedded serif, regular, through pdfmake's font loader (loaded once). */
function measuredFont(): MeasuredFont {
  if (font !== undefined) return font;
  // pdfmake's PDF document class, which loads fonts as the writer does; its module has no types.
  const PDFDocument = createRequire(import.meta.url)('pdfmake/js/PDFDocument.js').default as new (
    ...args: unknown[]
  ) => { provideFont(family: string, bold: boolean, italics: boolean): MeasuredFont };
  const files = FONT_FILES.regular();
  const document = new PDFDocument({ Serif: { normal: files } }, {}, {}, {}, {}, null, (path: string) => path === files);
  font = document.provideFont('Serif', false, false);
  return font;
}

const widths = new Map<string, number>();

/** The width of text in points; remembered, as the same pieces are measured over and over. */
export function textWidth(text: string, size: number): number {
  const key = `${size} ${text}`;
  let width = widths.get(key);
  if (width === undefined) {
    width = measuredFont().widthOfString(text, size);
    if (widths.size > 100_000) widths.clear();
    widths.set(key, width);
  }
  return width;
}

/** Marks a line may not start with, and marks it may not end with. */
const NO_START = /[，。、；：？！）》」』”’…—·,.;:?!)\]}%]/u;
const NO_END = /[（《「『“‘([{]/u;
const WORD = /[A-Za-z0-9.%＋+\-−/≥≤<>=＞＜±~～×÷]/u;

/** Pieces of a paragraph no line breaks inside: a word of Latin letters and digits, or a character with the marks it holds on to. */
function pieces(paragraph: string): string[] {
  const chars = [...paragraph];
  const out: string[] = [];
  for (let i = 0; i < chars.length; ) {
    let j = i + 1;
    while (
      j < chars.length &&
      ((WORD.test(chars[j - 1]!) && WORD.test(chars[j]!)) || NO_START.test(chars[j]!) || NO_END.test(chars[j - 1]!)) &&
      chars[j] !== ' '
    )
      j++;
    // A space goes with the piece before it, taking no room at a line's end.
    while (j < chars.length && chars[j] === ' ') j++;
    out.push(chars.slice(i, j).join(''));
    i = j;
  }
  return out;
}

/** The lines a text takes in a box `width` points wide at `size` points, `first` points of the first line indented. */
export function wrap(text: string, width: number, size: number, first = 0, spacing = 0): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    let line = '';
    let x = first;
    for (const piece of pieces(paragraph)) {
      const w = textWidth(piece.trimEnd(), size) + spacing * [...piece.trimEnd()].length;
      if (line !== '' && x + w > width + 0.01) {
        lines.push(line);
        line = '';
        x = 0;
      }
      line += piece;
      x += textWidth(piece, size) + spacing * [...piece].length;
    }
    lines.push(line);
    first = 0;
  }
  return lines;
}

/** The number of lines. */
export const lineCount = (text: string, width: number, size: number): number => wrap(text, width, size).length;

/**
 * The text with its lines evened out where its last line would hold one character alone ("满意度指 /
 * 标"): as many lines, broken explicitly where the longest of them is shortest.
 */
export function balanced(text: string, width: number, size: number): string {
  const lines = wrap(text, width, size);
  const last = lines[lines.length - 1] ?? '';
  if (lines.length < 2 || text.includes('\n') || [...last.trim()].length !== 1) return text;
  const parts = pieces(text);
  const n = parts.length;
  const span = (i: number, j: number) => textWidth(parts.slice(i, j).join('').trimEnd(), size);
  // longest[k][j]: the shortest longest line of parts 0..j set on k + 1 lines; from[k][j]: where its last line starts.
  const longest: number[][] = [];
  const from: number[][] = [];
  for (let k = 0; k < lines.length; k++) {
    longest.push(new Array<number>(n + 1).fill(Number.POSITIVE_INFINITY));
    from.push(new Array<number>(n + 1).fill(0));
    for (let j = 1; j <= n; j++) {
      if (k === 0) {
        longest[0]![j] = span(0, j);
        continue;
      }
      for (let i = k; i < j; i++) {
        const worst = Math.max(longest[k - 1]![i]!, span(i, j));
        if (worst < longest[k]![j]!) {
          longest[k]![j] = worst;
          from[k]![j] = i;
        }
      }
    }
  }
  if (longest[lines.length - 1]![n]! > width + 0.01) return text;
  const even: string[] = [];
  for (let k = lines.length - 1, j = n; k >= 0; k--) {
    const i = k === 0 ? 0 : from[k]![j]!;
    even.unshift(parts.slice(i, j).join('').trimEnd());
    j = i;
  }
  return even.every((l) => [...l].length > 1) ? even.join('\n') : text;
}

/**
 * The character spacing that pulls a paragraph's last character, alone on its line, back onto the
 * line above (at most 5 % of the size tighter), or 0.
 */
export function tightening(text: string, width: number, size: number, indent: number): number {
  const lines = wrap(text, width, size, indent);
  if (lines.length < 2 || [...(lines[lines.length - 1] ?? '').trim()].length !== 1) return 0;
  for (let spacing = -0.05; spacing >= -0.05 * size; spacing -= 0.05) {
    if (wrap(text, width, size, indent, spacing).length < lines.length) return spacing;
  }
  return 0;
}
