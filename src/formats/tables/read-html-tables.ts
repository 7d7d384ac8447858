/**
 * Every table of a saved web page (.html/.htm) as a Grid, with the text printed before each.
 *
 * The page is decoded as a browser would (./html-encoding.ts) and parsed by parse5, the HTML
 * Standard's parser, so a government page's unclosed cells and stray tags end up where a browser
 * puts them. Text is what the page shows: source whitespace collapsed, &nbsp; a space, <br> and
 * block boundaries a line break, scripts and styles left out. rowspan/colspan are spread (./spread.ts).
 * A table holding tables lays out the page; its inner tables are the data tables.
 */
import { parse, type DefaultTreeAdapterTypes as Html } from 'parse5';
import { messages } from '../../i18n/index.ts';
import type { Grid, TableFile } from './grid.ts';
import { decodeHtml } from './html-encoding.ts';
import { BEFORE_PARAGRAPHS, GridLayout } from './spread.ts';

const HIDDEN = new Set(['head', 'script', 'style', 'template', 'noscript', 'select', 'textarea', 'object', 'iframe', 'svg']);
// biome-ignore format: a list of names
const BLOCKS = new Set([
  'address', 'article', 'aside', 'blockquote', 'caption', 'center', 'dd', 'div', 'dl', 'dt', 'fieldset', 'figcaption',
  'figure', 'footer', 'form', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'header', 'hr', 'li', 'main', 'nav', 'ol', 'p', 'pre',
  'section', 'table', 'tbody', 'td', 'tfoot', 'th', 'thead', 'tr', 'ul',
]);

const isElement = (n: Html.Node): n is Html.Element => 'tagName' in n;
const attribute = (e: Html.Element, name: string) => e.attrs.find((a) => a.name === name)?.value;

export function readHtmlTables(bytes: Uint8Array, fileName: string): TableFile {
  const grids: Grid[] = [];
  show(parse(decodeHtml(bytes)), new TextCollector(), grids);
  return { file: fileName, tables: grids };
}

/**
 * Collects the text `node` shows; with `grids`, a data table met on the way becomes a grid, the text
 * collected so far its `before`.
 */
function show(node: Html.Node, text: TextCollector, grids?: Grid[]): void {
  if (node.nodeName === '#text') {
    text.add((node as Html.TextNode).value);
    return;
  }
  if (!isElement(node)) {
    for (const child of childrenOf(node)) show(child, text, grids);
    return;
  }
  if (HIDDEN.has(node.tagName)) return;
  if (node.tagName === 'br') {
    text.breakLine();
    return;
  }
  if (grids !== undefined && node.tagName === 'table' && !holdsTables(node)) {
    const caption = node.childNodes.find((c) => isElement(c) && c.tagName === 'caption');
    if (caption !== undefined) show(caption, text);
    grids.push(layOut(node, grids.length + 1, text.take().slice(-BEFORE_PARAGRAPHS)));
    return;
  }
  const block = BLOCKS.has(node.tagName);
  if (block) text.breakLine();
  for (const child of childrenOf(node)) show(child, text, grids);
  if (block) text.breakLine();
}

const childrenOf = (node: Html.Node): Html.ChildNode[] =>
  'content' in node ? [] : 'childNodes' in node ? (node as Html.ParentNode).childNodes : [];

function holdsTables(table: Html.Element): boolean {
  const search = (node: Html.Node): boolean => childrenOf(node).some((c) => isElement(c) && (c.tagName === 'table' || search(c)));
  return search(table);
}

/** The table's own rows: those of its sections, not of a table inside a cell. */
function rowsOf(table: Html.Element): Html.Element[] {
  const rows: Html.Element[] = [];
  for (const child of table.childNodes) {
    if (!isElement(child)) continue;
    if (child.tagName === 'tr') rows.push(child);
    else if (child.tagName === 'thead' || child.tagName === 'tbody' || child.tagName === 'tfoot') {
      for (const row of child.childNodes) if (isElement(row) && row.tagName === 'tr') rows.push(row);
    }
  }
  return rows;
}

const span = (value: string | undefined, max: number, fallback: number): number => {
  const n = Number.parseInt(value ?? '', 10);
  return Number.isFinite(n) && n >= 0 ? Math.min(n, max) : fallback;
};

function layOut(table: Html.Element, n: number, before: string[]): Grid {
  const rows = rowsOf(table);
  const layout = new GridLayout();
  rows.forEach((row, r) => {
    layout.startRow();
    for (const cell of row.childNodes) {
      if (!isElement(cell) || (cell.tagName !== 'td' && cell.tagName !== 'th')) continue;
      // rowspan="0" reaches to the end of the table.
      const rowSpan = span(attribute(cell, 'rowspan'), 65534, 1);
      layout.place({
        text: cellText(cell),
        columns: Math.max(1, span(attribute(cell, 'colspan'), 1000, 1)),
        rows: rowSpan === 0 ? rows.length - r : rowSpan,
      });
    }
  });
  return layout.grid(messages().formats.location.table(n), before);
}

function cellText(cell: Html.Element): string {
  const text = new TextCollector();
  for (const child of cell.childNodes) show(child, text);
  return text.take().join('\n');
}

/** Text as shown: whitespace runs one space, &nbsp; a space, lines trimmed, empty lines dropped. */
class TextCollector {
  private lines: string[] = [];
  private line = '';

  add(text: string): void {
    this.line += text.replace(/[\t\n\f\r ]+/g, ' ');
  }

  breakLine(): void {
    const line = this.line.replace(/\u00a0/g, ' ').trim();
    if (line !== '') this.lines.push(line);
    this.line = '';
  }

  take(): string[] {
    this.breakLine();
    const lines = this.lines;
    this.lines = [];
    return lines;
  }
}
