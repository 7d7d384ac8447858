/**
 * The page numbers of the table of contents, worked out fast.
 *
 * docx/layout lays a document out as Word does; right, but at over a second of CPU for the seed (it reads
 * the written document back and lays it out at least twice), which a bureau's hundred documents cannot
 * afford. The documents jixiao writes are simple, though: Chinese text (each character an em wide),
 * Times New Roman for the rest, paragraphs that do not break lines unusually, and tables of rows that
 * never break across pages. So this estimator reads what was written (the formatted body docx hands
 * it), breaks lines and stacks rows by the rules docx/layout follows for such documents (lines break
 * around Chinese characters, the larger of the space after one paragraph and before the next, the space
 * above a page's first paragraph left out but on the first page, a merged cell's text making its last
 * row taller …), and lays the pages out twice: with every height a little smaller and a little larger
 * (MARGIN). Where both give the same pages, those are the numbers. A part of the document (from one page
 * break to the next) whose pages differ has a page break too near an edge to trust the estimate: docx/layout
 * lays that part out on its own. The whole document goes to docx/layout when that part is the contents (its
 * lines depend on the numbers), or when it holds something the estimate does not know (a character without
 * a known width, a line-spacing rule it does not follow). The estimate agrees with docx/layout row by row and line by line on the seed, every layout
 * variation and a hundred generated documents (./contents-pages.test.ts keeps a set of them).
 */
import type { IParagraphStyleOptions, IXmlableObject, PageNumberEstimator } from 'docx';
import { TIMES_WIDTHS } from './times-widths.ts';

/** How far a height may be from Word's (and docx/layout's) before a page break could move: a share of it. */
const MARGIN = 0.005;

/** Line heights in ems, as docx/layout measures them: the CJK fonts (from Noto Serif SC's file) and Times New Roman. */
const CJK_LINE = 1.437;
const LATIN_LINE = 2355 / 2048;

type Xml = Record<string, unknown>;

/** The child elements of an element, in order, as [name, value]. */
function elements(value: unknown): Array<[string, unknown]> {
  const out: Array<[string, unknown]> = [];
  const add = (node: unknown) => {
    if (node === null || typeof node !== 'object') return;
    for (const name in node) if (name !== '_attr') out.push([name, (node as Xml)[name]]);
  };
  if (Array.isArray(value)) for (const node of value) add(node);
  else add(value);
  return out;
}
const has = (node: unknown, name: string): node is Xml => node !== null && typeof node === 'object' && name in node;
/** The first child element of the name (the body is read many times over: no arrays made for it). */
function child(value: unknown, name: string): unknown {
  if (!Array.isArray(value)) return has(value, name) ? value[name] : undefined;
  for (const node of value) if (has(node, name)) return node[name];
  return undefined;
}
function all(value: unknown, name: string): unknown[] {
  if (!Array.isArray(value)) return has(value, name) ? [value[name]] : [];
  const out: unknown[] = [];
  for (const node of value) if (has(node, name)) out.push(node[name]);
  return out;
}
function attr(value: unknown, name: string): string | number | undefined {
  const nodes = Array.isArray(value) ? value : [value];
  for (const node of nodes) {
    const a = (node as Xml | null)?._attr as Record<string, string | number> | undefined;
    if (a && name in a) return a[name];
  }
  return undefined;
}
/** A w:ST_OnOff element: on when present, unless its w:val says off. */
const isOn = (element: unknown): boolean =>
  element !== undefined && !['0', 'false', 'off'].includes(String(attr(element, 'w:val') ?? 'on'));
const num = (value: unknown, name: string): number | undefined => {
  const v = attr(value, name);
  return v === undefined ? undefined : Number(v);
};
/** The text of a w:t element: its string children. */
const textOf = (t: unknown): string =>
  Array.isArray(t) ? t.filter((x) => typeof x === 'string').join('') : typeof t === 'string' ? t : '';

// ---- Styles ----

interface Style {
  size: number;
  bold: boolean;
  /** Character spacing (w:spacing of the run), in points. */
  characterSpacing: number;
  before: number;
  after: number;
  line: { exact: number } | { multiple: number };
  firstLine: number;
  left: number;
  keepNext: boolean;
}

export interface DocumentStyles {
  defaults: { run?: { size?: number | string }; paragraph?: { spacing?: { line?: number } } };
  paragraphStyles: readonly IParagraphStyleOptions[];
}

const twips = (v: number | string | undefined) => (v === undefined ? undefined : Number(v) / 20);

function styleResolver(s: DocumentStyles): (id: string | undefined) => Style {
  const base: Style = {
    size: Number(s.defaults.run?.size ?? 20) / 2,
    bold: false,
    characterSpacing: 0,
    before: 0,
    after: 0,
    line: { multiple: (s.defaults.paragraph?.spacing?.line ?? 240) / 240 },
    firstLine: 0,
    left: 0,
    keepNext: false,
  };
  const byId = new Map(s.paragraphStyles.map((p) => [p.id, p]));
  const cache = new Map<string, Style>();
  const resolve = (id: string | undefined): Style => {
    const options = id === undefined ? undefined : byId.get(id);
    if (options === undefined) return base;
    const hit = cache.get(options.id);
    if (hit) return hit;
    const parent = resolve(options.basedOn);
    const p = options.paragraph;
    const spacing = p?.spacing;
    const style: Style = {
      size: options.run?.size === undefined ? parent.size : Number(options.run.size) / 2,
      bold: options.run?.bold ?? parent.bold,
      characterSpacing: options.run?.characterSpacing === undefined ? parent.characterSpacing : Number(options.run.characterSpacing) / 20,
      before: twips(spacing?.before) ?? parent.before,
      after: twips(spacing?.after) ?? parent.after,
      line: spacing?.line === undefined ? parent.line : lineOf(spacing.line, spacing.lineRule),
      firstLine: twips(p?.indent?.firstLine) ?? parent.firstLine,
      left: twips(p?.indent?.left) ?? parent.left,
      keepNext: p?.keepNext ?? parent.keepNext,
    };
    cache.set(options.id, style);
    return style;
  };
  return resolve;
}

function lineOf(line: number, rule: string | undefined): Style['line'] {
  if (rule === 'exact') return { exact: line / 20 };
  if (rule === undefined || rule === 'auto') return { multiple: line / 240 };
  throw new Unsupported(`line rule ${rule}`);
}

/** Something the estimate does not follow: the exact layout is used. */
class Unsupported extends Error {}

const breaksAround = (c: string) => EAST_ASIAN.test(c) && !HANGUL.test(c);
/** Whether a line may break between the two characters. */
function breaksBetween(before: string, after: string): boolean {
  if (GLUE.has(before) || GLUE.has(after)) return false;
  return before === ' ' || breaksAround(before) || breaksAround(after) || (DASHES.has(before) && !/[\d-]/.test(after));
}

// ---- Text ----

/** Chinese, Japanese and Korean characters and East Asian punctuation: in the East Asian font, each an em wide. */
const EAST_ASIAN =
  /[\u1100-\u11ff\u2e80-\u2fff\u3000-\u30ff\u3130-\u318f\u31c0-\u33ff\u3400-\u4dbf\u4e00-\u9fff\ua960-\ua97f\uac00-\ud7ff\uf900-\ufaff\ufe30-\ufe4f\uff00-\uffef\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u;
/** Half-width forms in the East Asian block are not an em wide. */
const HALF_WIDTH = /[\uff61-\uffdc\uffe8-\uffee]/u;
const HANGUL = /\p{Script=Hangul}/u;
const DASHES = new Set(['-', '\u2010', '\u2013', '\u2014']);
/** Characters that keep the ones either side of them on one line (no-break spaces, word joiners). */
const GLUE = new Set(['\u00a0', '\u202f', '\u2007', '\u2060', '\ufeff']);

const TIMES = (() => {
  const table = (runs: ReadonlyArray<readonly number[]>) => {
    const widths = new Map<number, number>();
    for (const [first, ...run] of runs) run.forEach((w, i) => widths.set(first! + i, w / 2048));
    return widths;
  };
  return { regular: table(TIMES_WIDTHS.regular), bold: table(TIMES_WIDTHS.bold) };
})();

/** A character's width in ems. */
function emsOf(c: string, bold: boolean): number {
  const em = EAST_ASIAN.test(c) ? (HALF_WIDTH.test(c) ? undefined : 1) : TIMES[bold ? 'bold' : 'regular'].get(c.codePointAt(0)!);
  if (em === undefined) throw new Unsupported(`the width of ${c}`);
  return em;
}

/**
 * The heights of the lines the text takes at the width, the first line `firstLine` shorter, filled as
 * Word fills them: a line may break around a Chinese character and after a space or a dash, a word
 * that does not fit goes to the next line, one longer than a line is broken where it must be.
 */
function lineHeights(
  text: string,
  size: number,
  bold: boolean,
  width: number,
  firstLine: number,
  height: (eastAsian: boolean) => number,
  space: number,
): number[] {
  const out: number[] = [];
  for (const part of text.split('\n')) {
    const chars = [...part];
    const widths = chars.map((c) => emsOf(c, bold) * size + space);
    const breakBefore = (i: number) => breaksBetween(chars[i - 1]!, chars[i]!);
    let x = firstLine;
    let lineEastAsian = false;
    let i = 0;
    const endLine = () => {
      out.push(height(lineEastAsian));
      x = 0;
      lineEastAsian = false;
    };
    while (i < chars.length) {
      // The next piece: up to the next place a line may break; spaces after it take no room at a line's end.
      let j = i + 1;
      while (j < chars.length && !breakBefore(j) && chars[j] !== ' ') j++;
      let spaces = j;
      while (spaces < chars.length && chars[spaces] === ' ') spaces++;
      const piece = widths.slice(i, j).reduce((a, b) => a + b, 0);
      const eastAsian = chars.slice(i, j).some((c) => EAST_ASIAN.test(c));
      if (x > 0 && x + piece > width + 0.01) endLine();
      if (piece > width) {
        // Broken character by character.
        for (let k = i; k < j; k++) {
          if (x > 0 && x + widths[k]! > width + 0.01) endLine();
          x += widths[k]!;
          lineEastAsian ||= EAST_ASIAN.test(chars[k]!);
        }
      } else {
        x += piece;
        lineEastAsian ||= eastAsian;
      }
      x += widths.slice(j, spaces).reduce((a, b) => a + b, 0);
      i = spaces;
    }
    endLine();
  }
  return out;
}

// ---- Blocks ----

interface ParagraphBlock {
  type: 'paragraph';
  before: number;
  after: number;
  lines: number[];
  keepNext: boolean;
  pageBreakBefore: boolean;
  /** The _Toc bookmarks starting in it. */
  bookmarks: string[];
}

interface TableBlock {
  type: 'table';
  rows: number[];
  /** The first rows, repeated at the top of each page the table goes on to (w:tblHeader). */
  header: number;
  /** Each row's keep-with-next: Word's, the first paragraph of its first cell's (w:keepNext). */
  kept: boolean[];
  /** The line drawn under the last row on a page when the table goes on (its bottom border). */
  breakBorder: number;
  /** The _Toc bookmarks in each row's cells. */
  bookmarks: string[][];
}

type Block = ParagraphBlock | TableBlock;

interface Page {
  height: number;
  width: number;
}

/** How the body is read: its styles, and how many digits the contents' page numbers have. */
interface Reading {
  style: (id: string | undefined) => Style;
  digits: number;
}

function readParagraph(p: unknown, width: number, { style, digits }: Reading, inCell: boolean): ParagraphBlock {
  const pPr = child(p, 'w:pPr');
  const ids = all(pPr, 'w:pStyle').map((s) => String(attr(s, 'w:val')));
  // A paragraph given both a heading and a style names two: the last one counts, as docx/layout reads it.
  const s = style(ids[ids.length - 1]);
  const spacing = child(pPr, 'w:spacing');
  const ind = child(pPr, 'w:ind');
  const line = num(spacing, 'w:line');
  const own: Style = {
    ...s,
    before: twips(attr(spacing, 'w:before')) ?? s.before,
    after: twips(attr(spacing, 'w:after')) ?? s.after,
    line: line === undefined ? s.line : lineOf(line, attr(spacing, 'w:lineRule') as string | undefined),
    firstLine: twips(attr(ind, 'w:firstLine')) ?? s.firstLine,
    left: twips(attr(ind, 'w:left')) ?? s.left,
  };
  const bookmarks: string[] = [];
  let text = '';
  let size = 0;
  let bold = s.bold;
  const runs = (value: unknown) => {
    for (const [name, node] of elements(value)) {
      if (name === 'w:hyperlink') runs(node);
      if (name === 'w:bookmarkStart') {
        const n = attr(node, 'w:name');
        if (typeof n === 'string' && n.startsWith('_Toc')) bookmarks.push(n);
      }
      if (name !== 'w:r') continue;
      const rPr = child(node, 'w:rPr');
      const sz = num(child(rPr, 'w:sz'), 'w:val');
      size = Math.max(size, sz === undefined ? s.size : sz / 2);
      if (child(rPr, 'w:b') !== undefined) bold = true;
      for (const [n, v] of elements(node)) {
        if (n === 'w:t') text += textOf(v);
        if (n === 'w:br') text += '\n';
        // The one tab is a contents entry's, before its page number (see `entry` below).
        if (n === 'w:tab') text += ' ';
      }
    }
  };
  runs(p);
  if (size === 0) size = s.size;
  const available = width - own.left;
  // A contents entry ends with its page number, right-aligned at a tab stop: the line holds the text and the number.
  const entry = all(child(pPr, 'w:tabs'), 'w:tab').length > 0 ? '0'.repeat(digits) : '';
  // Lines keep their own heights on a grid of lines too: jixiao's documents do not snap them to it (w:snapToGrid off).
  const height = (eastAsian: boolean) =>
    'exact' in own.line ? own.line.exact : own.line.multiple * size * (eastAsian ? CJK_LINE : LATIN_LINE);
  const lines = lineHeights(text.trimEnd() + entry, size, bold, available, own.firstLine, height, s.characterSpacing);
  return {
    type: 'paragraph',
    before: own.before,
    after: own.after,
    lines,
    keepNext: !inCell && (child(pPr, 'w:keepNext') !== undefined || own.keepNext),
    pageBreakBefore: child(pPr, 'w:pageBreakBefore') !== undefined,
    bookmarks,
  };
}

const paragraphHeight = (p: ParagraphBlock) => p.before + p.lines.reduce((a, b) => a + b, 0) + p.after;

function readTable(tbl: unknown, reading: Reading): TableBlock {
  const tblPr = child(tbl, 'w:tblPr');
  const cellMar = child(tblPr, 'w:tblCellMar');
  const margin = (node: unknown, side: string, fallback: number) => twips(attr(child(node, side), 'w:w')) ?? fallback;
  const defaults = {
    top: margin(cellMar, 'w:top', 0),
    bottom: margin(cellMar, 'w:bottom', 0),
    left: margin(cellMar, 'w:left', 5.4),
    right: margin(cellMar, 'w:right', 5.4),
  };
  const grid = all(child(tbl, 'w:tblGrid'), 'w:gridCol').map((c) => twips(attr(c, 'w:w'))!);
  const borderOf = (node: unknown) => {
    const v = attr(node, 'w:val');
    return node === undefined || v === 'none' || v === 'nil' ? 0 : (num(node, 'w:sz') ?? 4) / 8;
  };
  const tableBorders = child(tblPr, 'w:tblBorders');
  const bottomBorder = borderOf(child(tableBorders, 'w:bottom'));
  const rows = all(tbl, 'w:tr');
  const heights: number[] = [];
  const bookmarks: string[][] = [];
  const header = rows.findIndex((tr) => !isOn(child(child(tr, 'w:trPr'), 'w:tblHeader')));
  const kept = rows.map((tr) => isOn(child(child(child(child(tr, 'w:tc'), 'w:p'), 'w:pPr'), 'w:keepNext')));
  /** Cells merged down from a row: where they started, the column, and the height their text needs. */
  const open = new Map<number, { first: number; height: number }>();
  const merges: Array<{ first: number; last: number; height: number }> = [];
  rows.forEach((tr, r) => {
    let column = 0;
    let content = 0;
    const continued = new Set<number>();
    const marks: string[] = [];
    bookmarks.push(marks);
    let top = 0;
    let bottom = 0;
    // The table's borders make the room between rows, whatever a cell draws (the unit line above the frame draws none).
    const borderTop = r === 0 ? borderOf(child(tableBorders, 'w:top')) : borderOf(child(tableBorders, 'w:insideH'));
    for (const tc of all(tr, 'w:tc')) {
      const tcPr = child(tc, 'w:tcPr');
      const span = num(child(tcPr, 'w:gridSpan'), 'w:val') ?? 1;
      const mar = child(tcPr, 'w:tcMar');
      const m = {
        top: margin(mar, 'w:top', defaults.top),
        bottom: margin(mar, 'w:bottom', defaults.bottom),
        left: margin(mar, 'w:left', defaults.left),
        right: margin(mar, 'w:right', defaults.right),
      };
      const vMerge = child(tcPr, 'w:vMerge');
      const merge = vMerge === undefined ? undefined : attr(vMerge, 'w:val') === 'restart' ? 'restart' : 'continue';
      const width = grid.slice(column, column + span).reduce((a, b) => a + b, 0) - m.left - m.right;
      const paragraphs = all(tc, 'w:p').map((p) => readParagraph(p, width, reading, true));
      const height = paragraphs.map(paragraphHeight).reduce((a, b) => a + b, 0);
      marks.push(...paragraphs.flatMap((p) => p.bookmarks));
      if (merge === 'continue') continued.add(column);
      if (merge === 'restart') {
        const before = open.get(column);
        if (before) merges.push({ first: before.first, last: r - 1, height: before.height });
        open.set(column, { first: r, height: borderTop + m.top + height + m.bottom });
      }
      if (merge === undefined) content = Math.max(content, height);
      if (merge !== 'restart') {
        top = Math.max(top, m.top);
        bottom = Math.max(bottom, m.bottom);
      }
      column += span;
    }
    // A merged cell ends above the first row that does not go on with it.
    for (const [column, started] of open) {
      if (continued.has(column) || started.first === r) continue;
      merges.push({ first: started.first, last: r - 1, height: started.height });
      open.delete(column);
    }
    const last = r === rows.length - 1;
    heights.push(top + content + bottom + borderTop + (last ? bottomBorder : 0));
  });
  for (const [, started] of open) merges.push({ first: started.first, last: rows.length - 1, height: started.height });
  // A merged cell whose text needs more room than its rows makes the last of them taller.
  for (const m of merges) {
    const below = m.last === rows.length - 1 ? bottomBorder : 0;
    const missing = m.height + below - heights.slice(m.first, m.last + 1).reduce((a, b) => a + b, 0);
    if (missing > 0) heights[m.last]! += missing;
  }
  return { type: 'table', rows: heights, header: header < 0 ? rows.length : header, kept, breakBorder: bottomBorder, bookmarks };
}

/**
 * A run of the body that starts on a page of its own (at a page break before a paragraph): its pages do
 * not depend on what comes before or after it.
 */
interface Segment {
  /** The body's elements it is made of, as written. */
  elements: Xml[];
  blocks: Block[];
  /** It holds the table of contents, whose lines depend on the numbers. */
  contents: boolean;
}

function readBody(body: unknown, reading: Reading): { page: Page; sectPr: unknown; segments: Segment[] } {
  const content = child(body, 'w:body') ?? body;
  const sectPr = child(content, 'w:sectPr');
  const size = child(sectPr, 'w:pgSz');
  const mar = child(sectPr, 'w:pgMar');
  const page = {
    width: twips(attr(size, 'w:w'))! - twips(attr(mar, 'w:left'))! - twips(attr(mar, 'w:right'))!,
    height: twips(attr(size, 'w:h'))! - twips(attr(mar, 'w:top'))! - twips(attr(mar, 'w:bottom'))!,
  };
  const segments: Segment[] = [];
  const read = (value: unknown, into: Block[]) => {
    for (const [name, node] of elements(value)) {
      if (name === 'w:p') into.push(readParagraph(node, page.width, reading, false));
      if (name === 'w:tbl') into.push(readTable(node, reading));
      if (name === 'w:sdt') read(child(node, 'w:sdtContent'), into);
    }
  };
  for (const element of (Array.isArray(content) ? content : [content]) as Xml[]) {
    if (element === null || typeof element !== 'object' || 'w:sectPr' in element) continue;
    const blocks: Block[] = [];
    read(element, blocks);
    const first = blocks[0];
    const startsPage = first?.type === 'paragraph' && first.pageBreakBefore;
    if (segments.length === 0 || startsPage) segments.push({ elements: [], blocks: [], contents: false });
    const segment = segments[segments.length - 1]!;
    segment.elements.push(element);
    segment.blocks.push(...blocks);
    segment.contents ||= 'w:sdt' in element;
  }
  return { page, sectPr, segments };
}

// ---- Pages ----

/**
 * Lays the blocks out on pages with each height scaled, and gives the page each bookmark starts on.
 * Rows never break (the tables' rows cannot split); a paragraph kept with the next stays with the next
 * one's first lines or the next table's first row. The space above the blocks' first paragraph counts
 * only at the document's start (`documentStart`): at the top of a page after a break it is left out.
 */
function paginate(
  blocks: readonly Block[],
  page: Page,
  scale: number,
  documentStart: boolean,
): { bookmarks: Map<string, number>; pages: number } {
  const pages = new Map<string, number>();
  let number = 1;
  let y = 0;
  let after = 0;
  const newPage = () => {
    number++;
    y = 0;
    after = 0;
  };
  /**
   * The room a paragraph kept with the next needs: it, the paragraphs after it kept with the next, and
   * the first line of the paragraph or the first row of the table they are kept with.
   */
  const kept = (i: number): number => {
    let height = 0;
    let previousAfter = after;
    for (let j = i; j < blocks.length; j++) {
      const b = blocks[j]!;
      if (j > i && b.type === 'paragraph' && b.pageBreakBefore) return height;
      if (b.type === 'table') return height + (previousAfter + (b.rows[0] ?? 0)) * scale;
      height += (Math.max(previousAfter, b.before) + (b.keepNext ? b.lines.reduce((a, h) => a + h, 0) : (b.lines[0] ?? 0))) * scale;
      if (!b.keepNext) return height;
      previousAfter = b.after;
    }
    return height;
  };
  const sum = (heights: readonly number[]) => heights.reduce((a, h) => a + h, 0) * scale;
  /**
   * Rows as docx/layout places them (Word's rules for rows that cannot split): rows kept with the next
   * go to the next page together when they do not fit, with the first lines of what follows the table
   * when its last row is kept with the next, unless they do not fit on a page of their own either;
   * on each page the table goes on to, its header rows are repeated first.
   */
  const table = (b: TableBlock, i: number) => {
    if (y > 0) y += after * scale;
    const last = b.rows.length - 1;
    const newTablePage = (r: number) => {
      newPage();
      if (r >= b.header) y += sum(b.rows.slice(0, b.header));
    };
    let brokenUntil = -1;
    b.rows.forEach((row, r) => {
      let end = r;
      while (end < last && b.kept[end]) end++;
      const keptPast = end === last && b.kept[last]!;
      if ((end > r || keptPast) && r > brokenUntil) {
        const together = () =>
          sum(b.rows.slice(r, end + 1)) + (end < last ? b.breakBorder * scale : 0) + (keptPast && i + 1 < blocks.length ? kept(i + 1) : 0);
        if (y > 0 && y + together() > page.height) newTablePage(r);
        if (y + together() > page.height) brokenUntil = end;
      }
      const border = r < last ? b.breakBorder * scale : 0;
      if (y > 0 && y + row * scale + border > page.height) newTablePage(r);
      for (const bookmark of b.bookmarks[r]!) pages.set(bookmark, number);
      y += row * scale;
    });
    after = 0;
  };
  blocks.forEach((b, i) => {
    if (b.type === 'table') {
      table(b, i);
      return;
    }
    if (b.pageBreakBefore && y > 0) newPage();
    // The larger of the space below the paragraph before and above this one (as Word spaces paragraphs by default).
    const space = Math.max(after, b.before) * scale;
    const lines = b.lines.map((h) => h * scale);
    if (b.keepNext && y > 0 && y + kept(i) > page.height) newPage();
    else if (y > 0 && y + space + (lines[0] ?? 0) > page.height) newPage();
    for (const bookmark of b.bookmarks) pages.set(bookmark, number);
    // The space above a paragraph is left out at the top of a page, but for the document's first.
    if (y > 0 || (i === 0 && documentStart)) y += space;
    for (const h of lines) {
      if (y > 0 && y + h > page.height) newPage();
      y += h;
    }
    after = b.after;
  });
  return { bookmarks: pages, pages: number };
}

export type ContentsPagesFound = 'estimated' | 'partly laid out' | 'laid out';

export interface ContentsPageOptions {
  styles: DocumentStyles;
  /** The exact layout, for documents whose pages the estimate cannot settle. */
  exact: PageNumberEstimator;
  /** Called with how the numbers were found: all estimated, some parts laid out, the whole document laid out (for tests and benchmarks). */
  onEstimate?: (how: ContentsPagesFound) => void;
}

/** The pages of a segment and where its bookmarks are on them, counted from its first page. */
interface Laid {
  bookmarks: Map<string, number>;
  pages: number;
}

const sameLayout = (a: Laid, b: Laid) =>
  a.pages === b.pages && a.bookmarks.size === b.bookmarks.size && [...a.bookmarks].every(([name, n]) => b.bookmarks.get(name) === n);

/**
 * A page-number estimator for docx's `pageNumbers`: the contents' numbers, estimated where certain; a
 * part of the document (from one page break to the next) whose pages are not is laid out by itself, and
 * the whole document when that is the contents or the part cannot be laid out alone.
 */
export function contentsPageNumbers(o: ContentsPageOptions): PageNumberEstimator {
  const style = styleResolver(o.styles);
  const estimate = (body: IXmlableObject, context: Parameters<PageNumberEstimator>[1]) => {
    const exactly = () => {
      o.onEstimate?.('laid out');
      return o.exact(body, context);
    };
    /** Parts laid out by docx/layout, by their place: they do not change with the contents' numbers. */
    const laidOut = new Map<number, Laid>();
    let partly = false;
    // The contents' entries end with their page numbers: read again while the numbers have more digits than assumed.
    for (let digits = 1; ; digits++) {
      let read: ReturnType<typeof readBody>;
      try {
        read = readBody(body, { style, digits });
      } catch (e) {
        if (!(e instanceof Unsupported)) throw e;
        return exactly();
      }
      const numbers = new Map<string, number>();
      let offset = 0;
      for (const [i, segment] of read.segments.entries()) {
        const low = paginate(segment.blocks, read.page, 1 - MARGIN, i === 0);
        let laid: Laid | undefined = sameLayout(low, paginate(segment.blocks, read.page, 1 + MARGIN, i === 0)) ? low : laidOut.get(i);
        if (laid === undefined) {
          if (segment.contents) return exactly();
          laid = layOutAlone(segment, i === 0, read.sectPr, context);
          if (laid === undefined) return exactly();
          laidOut.set(i, laid);
          partly = true;
        }
        for (const [name, n] of laid.bookmarks) numbers.set(name, offset + n);
        offset += laid.pages;
      }
      if (Math.max(0, ...numbers.values()) < 10 ** digits) {
        o.onEstimate?.(partly ? 'partly laid out' : 'estimated');
        return { bookmarks: new Map([...numbers].map(([name, n]) => [name, String(n)])), bookmarkPageNumbers: numbers };
      }
    }
  };

  /**
   * A part laid out by docx/layout on its own: its elements alone in a body. A part after a page break
   * starts at the top of a page, where the space above its first paragraph is left out.
   */
  const layOutAlone = (
    segment: Segment,
    first: boolean,
    sectPr: unknown,
    context: Parameters<PageNumberEstimator>[1],
  ): Laid | undefined => {
    const elements = first ? segment.elements : [withoutSpaceAbove(segment.elements[0]!), ...segment.elements.slice(1)];
    const result = o.exact({ 'w:body': [...elements, { 'w:sectPr': sectPr }] }, context);
    if (result.pageCount === undefined || result.bookmarkPageNumbers === undefined) return undefined;
    const bookmarks = new Map(
      [...segment.blocks.flatMap((b) => (b.type === 'paragraph' ? b.bookmarks : b.bookmarks.flat()))].map((name) => [
        name,
        result.bookmarkPageNumbers!.get(name),
      ]),
    );
    if ([...bookmarks.values()].some((n) => n === undefined)) return undefined;
    return { bookmarks: bookmarks as Map<string, number>, pages: result.pageCount };
  };

  // The headings are not numbered lists: nothing to read for list numbers.
  return Object.assign(estimate, { listNumbers: () => new Map() });
}

/** A copy of a paragraph element with no space above it. */
function withoutSpaceAbove(element: Xml): Xml {
  const p = element['w:p'];
  if (!Array.isArray(p)) return element;
  const noSpace = { 'w:spacing': { _attr: { 'w:before': 0 } } };
  const pPr = child(p, 'w:pPr');
  const properties = Array.isArray(pPr)
    ? child(pPr, 'w:spacing') === undefined
      ? [...pPr, noSpace]
      : pPr.map((e: Xml) =>
          'w:spacing' in e ? { 'w:spacing': { _attr: { ...((e['w:spacing'] as Xml)._attr as object), 'w:before': 0 } } } : e,
        )
    : [noSpace];
  return { 'w:p': [{ 'w:pPr': properties }, ...p.filter((e: Xml) => !('w:pPr' in e))] };
}
