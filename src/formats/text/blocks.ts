/**
 * The first pass over a Word text export: lines become blocks. A Word table is exported one
 * cell per line, each starting with a TAB, with a blank line after each row; a cell of several
 * paragraphs continues on lines without the TAB. Everything else is a plain paragraph line.
 */

export interface Cell {
  text: string;
  /** 1-based line of the cell's first line. */
  line: number;
}

export interface Row {
  line: number;
  cells: Cell[];
  /** The first cell as a label (see labelOf), computed once. */
  label?: string;
  /** Blank lines after the row: Word ends each row with one and a table with one more. */
  blankLinesAfter: number;
}

export type Block =
  | { kind: 'line'; line: number; text: string /** Whether Word marked it as a table-of-contents heading. */; toc: boolean }
  | { kind: 'row'; row: Row };

/**
 * Word's TOC entry field, exported as text after a heading: ` TC 总体绩效目标 \f A \l 1 `.
 * Only the heading before it is content.
 */
const TC_FIELD = /\s+TC\s.*?(?:\s\\[a-z]\s+\S+)+\s*$/;

/** Lines that end a table even though they do not start with a TAB (they are not a cell's continuation). */
export function isStructuralLine(text: string, toc: boolean): boolean {
  return toc || PART_HEADING.test(text) || SECTION_HEADING.test(text) || PROJECT_HEADING.test(text) || DOCUMENT_TITLE.test(text);
}

export const PART_HEADING = /^第\s*[一二三四五六七八九十\d]+\s*部分$/;
export const SECTION_HEADING = /^(?:部门整体绩效目标|(?:预算)?项目(?:支出)?绩效目标)$/;
export const PROJECT_HEADING = /绩效目标(?:申报)?表$/;
/** A title naming unit and year: "315002怀来县司法局2020年预算绩效目标", "怀来县司法局2021年度部门预算绩效目标". */
export const DOCUMENT_TITLE =
  /^(?:([0-9０-９]{3,})\s*)?([^\d\s、，。；：:][^、，。；：:]*?)\s*([0-9０-９]{4})\s*年度?(?:部门)?预算绩效目标$/;

export function toBlocks(text: string): Block[] {
  // One fixed separator splits much faster than a pattern; CR and CRLF files are rare.
  const lines = (text.includes('\r') ? text.replace(/\r\n?/g, '\n') : text).split('\n');
  // What follows the last line break is no line: a file ending in one blank line has just one.
  if (lines[lines.length - 1] === '') lines.pop();
  const blocks: Block[] = [];
  let row: Row | null = null; // the row a TAB line or a continuation line would join
  let blankSinceRow = false;
  for (let i = 0; i < lines.length; i++) {
    let raw = lines[i]!;
    const lineNo = i + 1;
    if (raw.charCodeAt(0) === 9) {
      const cell = { text: raw.slice(1).trim(), line: lineNo };
      if (row === null || blankSinceRow) {
        row = { line: lineNo, cells: [cell], blankLinesAfter: 0 };
        blocks.push({ kind: 'row', row });
      } else row.cells.push(cell);
      row.blankLinesAfter = 0;
      blankSinceRow = false;
      continue;
    }
    let toc = false;
    if (raw.includes('TC ')) {
      const stripped = raw.replace(TC_FIELD, '');
      toc = stripped !== raw;
      raw = stripped;
    }
    const t = raw.trim();
    if (t === '') {
      blankSinceRow = true;
      if (row !== null) row.blankLinesAfter++;
      continue;
    }
    if (row !== null && !isStructuralLine(t, toc)) {
      const last = row.cells[row.cells.length - 1]!;
      last.text = last.text === '' ? t : `${last.text}\n${t}`;
      row.blankLinesAfter = 0;
      // The next TAB line right after a continuation is the next cell of the same row.
      blankSinceRow = false;
      continue;
    }
    row = null;
    blocks.push({ kind: 'line', line: lineNo, text: t, toc });
  }
  return blocks;
}
