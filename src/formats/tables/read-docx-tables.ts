/**
 * Every table of any Word document (.docx) as a Grid, with the paragraphs printed before each.
 *
 * word/document.xml is read as a stream of tags (saxes), not as a DOM: a county's year of projects
 * is tens of MB of XML, which a DOM takes seconds and a GB to hold. The text rules are Word's own
 * display, as in ../docx/docx-body.ts: field codes and deleted revisions left out, a table of
 * contents left out, text boxes and pictures (beside the reading order) left out, w:br as "\n".
 *
 * Merges: w:gridSpan (and the legacy w:hMerge) spans columns, w:vMerge "restart"/continue spans
 * rows, w:gridBefore leaves a row's first grid columns empty. A table holding tables is a layout
 * table (a page boxed in a one-cell table, a form pasted into a frame): its inner tables are the data
 * tables, and its own paragraphs are text around them.
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { messages } from '../../i18n/index.ts';
import { named } from '../../i18n/message-ref.ts';
import { ImportError } from '../import-error.ts';
import { openZip } from '../zip-reader.ts';
import type { Grid, TableFile } from './grid.ts';
import { BEFORE_PARAGRAPHS, GridLayout } from './spread.ts';

const NAMESPACES = new Set([
  'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  'http://purl.oclc.org/ooxml/wordprocessingml/main',
]);
const MARKUP_COMPATIBILITY = 'http://schemas.openxmlformats.org/markup-compatibility/2006';

type Block = { kind: 'paragraph'; text: string } | { kind: 'table'; table: RawTable };
interface RawCell {
  blocks: Block[];
  columns: number;
  /** w:vMerge: 'restart' starts a merge down, 'continue' is covered by the cell above. */
  vMerge: 'restart' | 'continue' | null;
}
interface RawRow {
  gridBefore: number;
  cells: RawCell[];
}
interface RawTable {
  rows: RawRow[];
}

export function readDocxTables(bytes: Uint8Array, fileName: string): TableFile {
  const xml = openZip(bytes, fileName, named.publication.errors.notDocx).read('word/document.xml');
  if (xml === undefined) throw new ImportError({ file: fileName }, named.publication.errors.notDocx);
  let body: Block[];
  try {
    body = parseBody(documentText(xml));
  } catch (e) {
    throw new ImportError({ file: fileName }, named.formats.damaged('docx', e instanceof Error ? e.message : String(e)));
  }
  return { file: fileName, tables: gridsOf(body) };
}

/**
 * word/document.xml as text, without what the reader skips anyway: as Word writes them (fonts, sizes,
 * spacing on every run, borders on every cell, revision ids on every paragraph) these are most of the
 * bytes, and cutting them out with one regular expression is far cheaper than decoding and parsing
 * them. Cut: paragraph, run and table properties and the table grid whole; every empty element the
 * reader does not read (a cell's width, shading, alignment; a row's height); the revision ids of
 * paragraphs, runs and rows and the xml:space of text. The cut is made on the bytes as Latin-1 (one
 * character a byte, so decoding is a copy and a multi-byte character is never split: every tag is
 * ASCII), and only what is left is decoded as UTF-8. Only where no property holds its own earlier
 * version (w:pPrChange, w:tblGridChange… tracked formatting nests a w:pPr in a w:pPr) — otherwise
 * the whole is decoded and the parser reads every byte.
 */
function documentText(xml: Uint8Array): string {
  const bytes = Buffer.from(xml.buffer, xml.byteOffset, xml.byteLength);
  const raw = bytes.toString('latin1');
  const prefix = WORD_PREFIX.exec(raw.slice(0, 4096))?.[1];
  if (prefix === undefined || TRACKED_PROPERTIES.test(raw)) return new TextDecoder().decode(xml);
  const cut = skipped(prefix);
  let left = raw.replace(cut.markup, '$1');
  // The runs' and the rows' and cells' property tags are then mere wrappers, a third of the tags
  // left, and can go too — when each has lost its attributes, so every start still meets its end.
  if (!cut.attributedWrapper.test(left)) left = left.replace(cut.wrapper, '');
  return new TextDecoder().decode(Buffer.from(left, 'latin1'));
}
const WORD_PREFIX = /xmlns:([A-Za-z_][\w.-]*)="http:\/\/schemas\.openxmlformats\.org\/wordprocessingml\/2006\/main"/;
// A regular expression finds these several times faster than String.includes does.
const TRACKED_PROPERTIES = /PrChange|GridChange/;
/** Elements read by parseBody: any other empty element can go without changing what it reads. */
const READ =
  'p|t|instrText|tab|ptab|br|cr|noBreakHyphen|fldChar|fldSimple|del|moveFrom|delText|drawing|pict|object|pPr|rPr|sectPr|sdt|docPartGallery|sdtContent|tbl|tr|gridBefore|tc|gridSpan|vMerge|hMerge';
const skipped = (prefix: string) => {
  const p = prefix.replaceAll('.', '\\.');
  return {
    markup: new RegExp(
      [
        `(<${p}:(?:p|r|tr|t))(?: (?:${p}:rsid\\w*|xml:space)="[^"]*")+(?=[ />])`,
        `<${p}:(pPr|rPr|tblPr|tblGrid|tcBorders|tcMar)\\b[^>]*?(?:/>|>[\\s\\S]*?</${p}:\\2\\s*>)`,
        `<${p}:(?!(?:${READ})[\\s/>])[A-Za-z]+\\b[^>]*/>`,
      ].join('|'),
      'g',
    ),
    attributedWrapper: new RegExp(`<${p}:(?:r|tcPr|trPr)\\s`),
    wrapper: new RegExp(`<${p}:(?:r|tcPr|trPr)>|</${p}:(?:r|tcPr|trPr)\\s*>`, 'g'),
  };
};

/** The body as paragraphs and tables, tables as rows of cells holding their own paragraphs and tables. */
function parseBody(xml: string): Block[] {
  const parser = new SaxesParser<{ xmlns: false; position: false }>({ xmlns: false, position: false });
  const body: Block[] = [];
  /** Where paragraphs and tables go: the body, or the innermost open cell. */
  const containers: Block[][] = [body];
  const tables: RawTable[] = [];
  let w = 'w:';
  let mc = 'mc:';
  let depth = 0;
  /** Depth of the element whose content is skipped; 0 when none is. */
  let skipFrom = 0;
  let paragraph: string | null = null;
  let inText = false;
  /** Open complex fields: their code so far, and whether their shown result has started. */
  const fields: { code: string; inResult: boolean; hidden: boolean }[] = [];
  let inInstr = false;
  /** Open content controls: whether each is a table of contents (then its content is skipped). */
  const controls: boolean[] = [];
  const shown = () => fields.every((f) => f.inResult && !f.hidden);
  const cell = () => tables.at(-1)?.rows.at(-1)?.cells.at(-1);
  const val = (tag: SaxesTagPlain) => tag.attributes[`${w}val`] as string | undefined;

  parser.on('opentag', (tag) => {
    depth++;
    if (skipFrom !== 0) return;
    if (depth === 1) {
      for (const [name, value] of Object.entries(tag.attributes)) {
        if (!name.startsWith('xmlns:')) continue;
        if (NAMESPACES.has(value as string)) w = `${name.slice(6)}:`;
        else if (value === MARKUP_COMPATIBILITY) mc = `${name.slice(6)}:`;
      }
      return;
    }
    const name = tag.name;
    if (!name.startsWith(w)) {
      // Markup compatibility: the fallback is what every reader can show.
      if (name === `${mc}Choice`) skipFrom = depth;
      return;
    }
    switch (name.slice(w.length)) {
      case 'p':
        paragraph = '';
        return;
      case 't':
        inText = paragraph !== null && shown();
        return;
      case 'instrText':
        inInstr = true;
        return;
      case 'tab':
      case 'ptab':
        if (paragraph !== null && shown() && tag.attributes[`${w}val`] === undefined) paragraph += ' ';
        return;
      case 'br':
      case 'cr': {
        const type = tag.attributes[`${w}type`];
        if (paragraph !== null && shown() && type !== 'page' && type !== 'column') paragraph += '\n';
        return;
      }
      case 'noBreakHyphen':
        if (paragraph !== null && shown()) paragraph += '-';
        return;
      case 'fldChar': {
        const type = tag.attributes[`${w}fldCharType`];
        if (type === 'begin') fields.push({ code: '', inResult: false, hidden: false });
        else if (type === 'separate') {
          const field = fields.at(-1);
          if (field !== undefined) {
            field.inResult = true;
            field.hidden = /^\s*TOC\b/.test(field.code);
          }
        } else if (type === 'end') fields.pop();
        return;
      }
      case 'fldSimple':
        if (/^\s*TOC\b/.test((tag.attributes[`${w}instr`] as string | undefined) ?? '')) skipFrom = depth;
        return;
      case 'del':
      case 'moveFrom':
      case 'delText':
      case 'drawing':
      case 'pict':
      case 'object':
      case 'pPr':
      case 'rPr':
      case 'sectPr':
      // A row's or cell's properties before a tracked change: the merges shown are the current ones.
      case 'trPrChange':
      case 'tcPrChange':
        skipFrom = depth;
        return;
      case 'sdt':
        controls.push(false);
        return;
      case 'docPartGallery':
        if (val(tag) === 'Table of Contents' && controls.length > 0) controls[controls.length - 1] = true;
        return;
      case 'sdtContent':
        if (controls.at(-1) === true) skipFrom = depth;
        return;
      case 'tbl': {
        const table: RawTable = { rows: [] };
        containers.at(-1)!.push({ kind: 'table', table });
        tables.push(table);
        return;
      }
      case 'tr':
        tables.at(-1)?.rows.push({ gridBefore: 0, cells: [] });
        return;
      case 'gridBefore': {
        const row = tables.at(-1)?.rows.at(-1);
        if (row !== undefined && row.cells.length === 0) row.gridBefore = count(val(tag));
        return;
      }
      case 'tc': {
        const row = tables.at(-1)?.rows.at(-1);
        if (row === undefined) return;
        const c: RawCell = { blocks: [], columns: 1, vMerge: null };
        row.cells.push(c);
        containers.push(c.blocks);
        return;
      }
      case 'gridSpan': {
        const c = cell();
        if (c !== undefined) c.columns = count(val(tag));
        return;
      }
      case 'vMerge': {
        const c = cell();
        if (c !== undefined) c.vMerge = val(tag) === 'restart' ? 'restart' : 'continue';
        return;
      }
      case 'hMerge': {
        // Legacy horizontal merge: a continuing cell widens the one before it.
        const row = tables.at(-1)?.rows.at(-1);
        if (val(tag) === 'restart' || row === undefined || row.cells.length < 2) return;
        const continuing = row.cells.pop()!;
        // Its content, which Word does not show, goes to the detached cell.
        row.cells.at(-1)!.columns += continuing.columns;
        return;
      }
      default:
        return;
    }
  });

  parser.on('text', (text) => {
    if (skipFrom !== 0) return;
    if (inText) paragraph += text;
    else if (inInstr) {
      const field = fields.at(-1);
      if (field !== undefined && !field.inResult) field.code += text;
    }
  });

  parser.on('closetag', (tag) => {
    if (skipFrom !== 0) {
      if (depth-- === skipFrom) skipFrom = 0;
      return;
    }
    depth--;
    const name = tag.name;
    if (!name.startsWith(w)) return;
    switch (name.slice(w.length)) {
      case 't':
        inText = false;
        return;
      case 'instrText':
        inInstr = false;
        return;
      case 'p':
        if (paragraph !== null) containers.at(-1)!.push({ kind: 'paragraph', text: paragraph });
        paragraph = null;
        return;
      case 'tc':
        if (containers.length > 1) containers.pop();
        return;
      case 'tbl':
        tables.pop();
        return;
      case 'sdt':
        controls.pop();
        return;
      default:
        return;
    }
  });

  parser.write(xml).close();
  return body;
}

const count = (value: string | undefined): number => {
  const n = Number.parseInt(value ?? '1', 10);
  return Number.isFinite(n) && n > 0 ? n : 1;
};

/** The data tables in document order, each with the paragraphs since the table before. */
function gridsOf(body: readonly Block[]): Grid[] {
  const grids: Grid[] = [];
  let before: string[] = [];
  const flow = (blocks: readonly Block[]) => {
    for (const block of blocks) {
      if (block.kind === 'paragraph') {
        const text = block.text.trim();
        if (text !== '') before.push(text);
      } else if (holdsTables(block.table)) {
        for (const row of block.table.rows) for (const c of row.cells) flow(c.blocks);
      } else {
        grids.push(layOut(block.table, grids.length + 1, before.slice(-BEFORE_PARAGRAPHS)));
        before = [];
      }
    }
  };
  flow(body);
  return grids;
}

const holdsTables = (table: RawTable) => table.rows.some((r) => r.cells.some((c) => c.blocks.some((b) => b.kind === 'table')));

function layOut(table: RawTable, n: number, before: string[]): Grid {
  const layout = new GridLayout();
  for (const row of table.rows) {
    layout.startRow(row.gridBefore);
    for (const c of row.cells) {
      if (c.vMerge === 'continue') layout.continueAbove(c.columns);
      else layout.place({ text: cellText(c), columns: c.columns, rows: 1 });
    }
  }
  return layout.grid(messages().formats.location.table(n), before);
}

/** A cell's paragraphs, one a line, without the empty paragraphs Word leaves around them. */
const cellText = (c: RawCell): string =>
  c.blocks
    .map((b) => (b.kind === 'paragraph' ? b.text : ''))
    .join('\n')
    .trim();
