/**
 * The body of a Word document (word/document.xml) as paragraphs and tables, in order, with the text
 * Word shows: field codes are left out (a TC entry's code is not text), a field's shown result is
 * kept, except a table of contents, whose entries repeat the headings; deleted revisions are left
 * out; line breaks become "\n". A table cell merged into the one above (w:vMerge continue) is marked,
 * a cell spanning grid columns (w:gridSpan) is one cell, as Word's own text export has them.
 */
import { DOMParser, type Element, type Node } from '@xmldom/xmldom';
import { named } from '../../i18n/message-ref.ts';
import { openZip } from '../zip-reader.ts';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';

export interface BodyParagraph {
  kind: 'paragraph';
  text: string;
}

/**
 * The style of the hairline paragraph jixiao writes between two tables printed as one (Word joins
 * tables with nothing between them, and repeats only a table's first rows on a new page, so a form
 * whose header is not its first row is written as two tables): the body reads them as one table.
 */
export const TABLE_JOIN_STYLE = 'TableJoin';

export interface BodyCell {
  paragraphs: string[];
  /** Merged into the cell above (w:vMerge without "restart"): shown empty. */
  mergedAbove: boolean;
}

export interface BodyTable {
  kind: 'table';
  rows: BodyCell[][];
}

export type BodyBlock = BodyParagraph | BodyTable;

/** Undefined when the package has no word/document.xml; an ImportError when it is no package, a broken one or over the limits. */
export function documentXml(bytes: Uint8Array, fileName: string): string | undefined {
  const xml = openZip(bytes, fileName, named.publication.errors.notDocx).read('word/document.xml');
  return xml === undefined ? undefined : new TextDecoder().decode(xml);
}

const children = (node: Node): Element[] => {
  const out: Element[] = [];
  for (let c = node.firstChild; c !== null; c = c.nextSibling) if (c.nodeType === c.ELEMENT_NODE) out.push(c as Element);
  return out;
};
const isW = (e: Element, local: string) => e.namespaceURI === W && e.localName === local;
const child = (e: Element, local: string) => children(e).find((c) => isW(c, local));
const attr = (e: Element | undefined, local: string) => e?.getAttributeNS(W, local) ?? null;

/** Complex fields (w:fldChar … w:instrText … separate … end) can span runs and paragraphs. */
interface FieldState {
  stack: { code: string; inResult: boolean; hidden: boolean }[];
}

/** Whether text at this point is shown: not inside a field's code, nor in a table of contents' result. */
const shown = (s: FieldState) => s.stack.every((f) => f.inResult && !f.hidden);

export function readBody(xml: string): BodyBlock[] | undefined {
  let doc: ReturnType<DOMParser['parseFromString']>;
  try {
    doc = new DOMParser({ onError: () => undefined }).parseFromString(xml, 'text/xml');
  } catch {
    return undefined;
  }
  const root = doc.documentElement;
  const body = root === null ? undefined : child(root as Element, 'body');
  if (body === undefined) return undefined;
  const state: FieldState = { stack: [] };
  const blocks: BodyBlock[] = [];
  blockContent(body, blocks, state);
  return blocks;
}

const isJoin = (p: Element) => attr(child(child(p, 'pPr') ?? p, 'pStyle'), 'val') === TABLE_JOIN_STYLE;

function blockContent(container: Element, out: BodyBlock[], state: FieldState): void {
  let joining = false;
  for (const e of children(container)) {
    if (isW(e, 'p') && isJoin(e) && out[out.length - 1]?.kind === 'table' && paragraphText(e, state) === '') {
      joining = true;
      continue;
    }
    const last = out[out.length - 1];
    if (joining && isW(e, 'tbl') && last?.kind === 'table') {
      last.rows.push(...table(e, state).rows);
      joining = false;
      continue;
    }
    joining = false;
    if (isW(e, 'p')) out.push({ kind: 'paragraph', text: paragraphText(e, state) });
    else if (isW(e, 'tbl')) out.push(table(e, state));
    else if (isW(e, 'sdt')) {
      // Word's table of contents is a content control of the "Table of Contents" gallery.
      const gallery = e.getElementsByTagNameNS(W, 'docPartGallery')[0];
      if (attr(gallery, 'val') === 'Table of Contents') continue;
      const content = child(e, 'sdtContent');
      if (content !== undefined) blockContent(content, out, state);
    } else if (isW(e, 'customXml') || isW(e, 'ins')) blockContent(e, out, state);
  }
}

function table(tbl: Element, state: FieldState): BodyTable {
  const rows: BodyCell[][] = [];
  for (const tr of children(tbl).filter((c) => isW(c, 'tr'))) {
    const cells: BodyCell[] = [];
    for (const tc of cellsOf(tr)) {
      const props = child(tc, 'tcPr');
      // Legacy horizontal merge: the continuing cell belongs to the one before it.
      if (props !== undefined && child(props, 'hMerge') !== undefined && attr(child(props, 'hMerge'), 'val') !== 'restart') continue;
      const vMerge = props === undefined ? undefined : child(props, 'vMerge');
      const paragraphs: string[] = [];
      const nested: BodyBlock[] = [];
      blockContent(tc, nested, state);
      for (const b of nested) {
        if (b.kind === 'paragraph') paragraphs.push(b.text);
        else for (const row of b.rows) for (const c of row) paragraphs.push(...c.paragraphs);
      }
      cells.push({ paragraphs, mergedAbove: vMerge !== undefined && attr(vMerge, 'val') !== 'restart' });
    }
    rows.push(cells);
  }
  return { kind: 'table', rows };
}

/** A row's cells, also those inside content controls or custom XML around them. */
function cellsOf(tr: Element): Element[] {
  const out: Element[] = [];
  for (const e of children(tr)) {
    if (isW(e, 'tc')) out.push(e);
    else if (isW(e, 'sdt')) out.push(...cellsOf(child(e, 'sdtContent') ?? e));
    else if (isW(e, 'customXml')) out.push(...cellsOf(e));
  }
  return out;
}

function paragraphText(p: Element, state: FieldState): string {
  let text = '';
  const visit = (e: Element): void => {
    if (e.namespaceURI !== W) {
      for (const c of children(e)) visit(c);
      return;
    }
    switch (e.localName) {
      case 'pPr':
      case 'rPr':
      case 'del':
      case 'moveFrom':
      case 'instrText':
      case 'delText':
      // Text boxes and pictures float beside the text, outside its reading order.
      case 'drawing':
      case 'pict':
      case 'object':
        return;
      case 'fldChar': {
        const type = attr(e, 'fldCharType');
        if (type === 'begin') state.stack.push({ code: '', inResult: false, hidden: false });
        else if (type === 'separate') {
          const field = state.stack[state.stack.length - 1];
          if (field !== undefined) {
            field.inResult = true;
            field.hidden = /^\s*TOC\b/.test(field.code);
          }
        } else if (type === 'end') state.stack.pop();
        return;
      }
      case 't':
        if (shown(state)) text += e.textContent ?? '';
        return;
      case 'tab':
      case 'ptab':
        if (shown(state)) text += ' ';
        return;
      case 'br':
      case 'cr':
        if (shown(state) && attr(e, 'type') !== 'page' && attr(e, 'type') !== 'column') text += '\n';
        return;
      case 'noBreakHyphen':
        if (shown(state)) text += '-';
        return;
      case 'fldSimple':
        if (/^\s*TOC\b/.test(attr(e, 'instr') ?? '')) return;
        break;
      default:
        break;
    }
    for (const c of children(e)) {
      if (isW(c, 'instrText')) {
        const field = state.stack[state.stack.length - 1];
        if (field !== undefined && !field.inResult) field.code += c.textContent ?? '';
        continue;
      }
      // Markup compatibility: the fallback is what every reader can show.
      if (c.namespaceURI === 'http://schemas.openxmlformats.org/markup-compatibility/2006' && c.localName === 'AlternateContent') {
        const choice = children(c).find((x) => x.localName === 'Fallback') ?? children(c)[0];
        if (choice !== undefined) for (const x of children(choice)) visit(x);
        continue;
      }
      visit(c);
    }
  };
  for (const c of children(p)) visit(c);
  return text;
}
