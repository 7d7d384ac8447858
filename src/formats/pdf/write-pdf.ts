/**
 * Writes units' 预算绩效目标 as a PDF in the published layout, the same as the Word export: title,
 * contents with page numbers, 第一部分 部门整体绩效目标, 第二部分 with one 项目绩效目标表 per project
 * (merged cells as in the official form), A4, "— 1 —" page numbers. The CJK font (Noto Serif SC) is
 * embedded as a subset, so the PDF looks the same on any machine.
 */
import pdfmake from 'pdfmake';
import type { Content, TableCell } from 'pdfmake';
import type { NumberedItem, TargetDocument } from '../../core/model/document.ts';
import { messages } from '../../i18n/index.ts';
import { documentTitle } from '../publication/document-title.ts';
import { FONT_FILES } from '../publication/fonts.ts';
import { FORM_WIDTH, projectFormRows, toFormTable } from '../publication/project-form.ts';

const form = () => messages().publication.form;

/** Points: A4 with the Word export's margins (GB/T 9704: a 156 mm text width). */
const CM = 72 / 2.54;
const MARGINS: [number, number, number, number] = [2.8 * CM, 3.7 * CM, 2.6 * CM, 3.5 * CM];
const TEXT_WIDTH = 595.28 - MARGINS[0] - MARGINS[2];
const SIZE = { title: 22, body: 16, tableTitle: 14, table: 10.5, footer: 14 };
const FONT = 'NotoSerifSC';

let fontsSet = false;
function loadShippedFont(): void {
  if (fontsSet) return;
  const files = { normal: FONT_FILES.regular(), bold: FONT_FILES.bold() };
  pdfmake.setFonts({ [FONT]: { ...files, italics: files.normal, bolditalics: files.bold } });
  // Documents come from users: nothing in them may make the writer read files or fetch URLs.
  const allowed = new Set(Object.values(files));
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  pdfmake.setUrlAccessPolicy(() => false);
  fontsSet = true;
}

export async function writePdf(docs: readonly TargetDocument[]): Promise<Uint8Array> {
  loadShippedFont();
  const combined = docs.length > 1;
  const content: Content[] = [];
  const contents: Content = {
    toc: {
      title: { text: form().contents, style: 'contentsTitle' },
      textStyle: { fontSize: SIZE.tableTitle },
      numberStyle: { fontSize: SIZE.tableTitle },
    },
  };
  if (combined) content.push(contents);
  docs.forEach((doc, i) => {
    const title = documentTitle(doc);
    if (title !== null) {
      content.push({
        text: title.title,
        style: 'title',
        ...(combined ? { tocItem: true, tocStyle: { bold: true } } : {}),
        ...(combined || i > 0 ? { pageBreak: 'before' as const } : {}),
      });
      if (title.unitCode !== null) content.push({ text: title.unitCode, style: 'subtitle' });
    }
    if (!combined) content.push(contents);
    content.push(...documentContent(doc, combined, title === null && combined));
  });
  const first = docs[0];
  const pdf = pdfmake.createPdf({
    pageSize: 'A4',
    pageMargins: MARGINS,
    info: {
      title: first !== undefined && !combined ? (documentTitle(first)?.title ?? first.unit.name) : form().part2Title,
      creator: 'jixiao',
      producer: 'jixiao',
    },
    content,
    footer: (page: number) => ({ text: form().pageNumber(page), alignment: 'center', fontSize: SIZE.footer, margin: [0, 1.2 * CM, 0, 0] }),
    defaultStyle: { font: FONT, fontSize: SIZE.body, lineHeight: 1.25 },
    styles: {
      title: { fontSize: SIZE.title, bold: true, alignment: 'center', margin: [0, 12, 0, 12] },
      subtitle: { alignment: 'center', margin: [0, 0, 0, 24] },
      contentsTitle: { fontSize: SIZE.body, bold: true, alignment: 'center', margin: [0, 12, 0, 18] },
      part: { fontSize: SIZE.body, bold: true, alignment: 'center', margin: [0, 12, 0, 12] },
      section: { fontSize: SIZE.body, bold: true, leadingIndent: 2 * SIZE.body },
      body: { leadingIndent: 2 * SIZE.body, alignment: 'justify' },
      tableTitle: { fontSize: SIZE.tableTitle, bold: true, alignment: 'center', margin: [0, 0, 0, 8] },
      cell: { fontSize: SIZE.table, lineHeight: 1.15 },
    },
  });
  return new Uint8Array(await pdf.getBuffer());
}

function documentContent(doc: TargetDocument, combined: boolean, newPage: boolean): Content[] {
  const f = form();
  const toc = (level: 0 | 1) => ({
    tocItem: true,
    tocMargin: [(level + (combined ? 1 : 0)) * 20, 0, 0, 0] as [number, number, number, number],
  });
  const out: Content[] = [];
  const d = doc.department;
  if (d !== null) {
    out.push({
      text: `${f.part1}\u3000${f.part1Title}`,
      style: 'part',
      ...toc(0),
      ...(!combined || newPage ? { pageBreak: 'before' as const } : {}),
    });
    out.push({ text: f.overallGoal, style: 'section', ...toc(1) });
    for (const line of d.overallGoal === '' ? [] : d.overallGoal.split('\n')) out.push({ text: line, style: 'body' });
    out.push({ text: f.subGoals, style: 'section', ...toc(1) });
    out.push(...d.subGoals.flatMap((item) => itemContent(item, 0)));
    out.push({ text: f.safeguards, style: 'section', ...toc(1) });
    out.push(...d.safeguards.flatMap((item) => itemContent(item, 0)));
  }
  if (doc.projects.length > 0) out.push({ text: `${f.part2}\u3000${f.part2Title}`, style: 'part', ...toc(0), pageBreak: 'before' });
  doc.projects.forEach((project, i) => {
    out.push({
      text: f.projectTitle(i + 1, project.name),
      style: 'tableTitle',
      ...toc(1),
      ...(i > 0 ? { pageBreak: 'before' as const } : {}),
    });
    out.push(projectTable(project));
  });
  return out;
}

function itemContent(item: NumberedItem, depth: number): Content[] {
  const [first = '', ...rest] = item.text.split('\n');
  const margin: [number, number, number, number] = [depth * 2 * SIZE.body, 0, 0, 0];
  return [
    { text: `${item.label}${first}`, style: 'body', margin },
    ...rest.map((line): Content => ({ text: line, style: 'body', margin })),
    ...item.children.flatMap((child) => itemContent(child, depth + 1)),
  ];
}

type Grid = ReturnType<typeof toFormTable>;
type GridRow = Grid['rows'][number];

/**
 * A project's form as tables stacked without a gap: the project block, kept on one page, and the
 * indicator table (one per term), whose header rows repeat on each page it runs onto. In the indicator
 * table a merged 一级/二级 cell is drawn by leaving out the lines between its rows, with its text in the
 * middle row: unlike a spanned cell it can break across pages.
 */
function projectTable(project: TargetDocument['projects'][number]): Content {
  const grid = toFormTable(projectFormRows(project));
  const widths = grid.columns.map((w) => (w * TEXT_WIDTH) / FORM_WIDTH - 2 * CELL_PADDING - LINE_WIDTH);
  const firstHeader = grid.rows.findIndex((r) => r.header);
  const info = firstHeader < 0 ? grid.rows : grid.rows.slice(0, firstHeader);
  const sections: GridRow[][] = [];
  if (firstHeader >= 0) {
    grid.rows.slice(firstHeader).forEach((row, i, rows) => {
      if (row.header && (i === 0 || !rows[i - 1]!.header)) sections.push([]);
      sections[sections.length - 1]!.push(row);
    });
  }
  return {
    stack: [
      { unbreakable: true, ...pdfTable(info, widths, 'span', 0) },
      ...sections.map((rows) => pdfTable(rows, widths, 'lines', rows.filter((r) => r.header).length)),
    ],
  };
}

function pdfTable(rows: readonly GridRow[], widths: number[], merges: 'span' | 'lines', headerRows: number) {
  const body: TableCell[][] = rows.map(() => widths.map((): TableCell => ({ text: '' })));
  rows.forEach((row, r) => {
    for (const cell of row.cells) {
      if (cell.merge === 'continue' && merges === 'span') continue;
      // The rows a cell merged downwards covers.
      let rows_ = 1;
      if (cell.merge === 'restart') {
        while (rows[r + rows_]?.cells.some((c) => c.column === cell.column && c.merge === 'continue')) rows_++;
      }
      const spanned = merges === 'span' && rows_ > 1;
      const lines = merges === 'lines' && cell.merge !== undefined;
      let text = cell.paragraphs.join('\n');
      let border: [boolean, boolean, boolean, boolean] | undefined;
      if (row.frameless) border = [false, false, false, false];
      else if (lines) {
        const first = rowOfGroupStart(rows, r, cell.column);
        const length = groupLength(rows, first, cell.column);
        const middle = first + Math.floor((length - 1) / 2);
        const source = rows[first]!.cells.find((c) => c.column === cell.column)!;
        text = r === middle ? source.paragraphs.join('\n') : '';
        border = [true, r === first, true, r === first + length - 1];
      }
      body[r]![cell.column] = {
        text,
        style: 'cell',
        alignment: cell.align,
        ...(cell.span > 1 ? { colSpan: cell.span } : {}),
        ...(spanned ? { rowSpan: rows_ } : {}),
        ...(border === undefined ? {} : { border }),
        ...(row.frameless ? { margin: [0, 0, 0, 2] } : {}),
        ...(cell.compact ? { fontSize: 9, margin: [-2.5, 0, -2.5, 0] } : {}),
      };
    }
  });
  return {
    table: { widths, body, dontBreakRows: true, headerRows },
    layout: {
      // The project block starts with the unit line, above the frame.
      hLineWidth: (i: number) => (i === 0 && merges === 'span' ? 0 : LINE_WIDTH),
      vLineWidth: () => LINE_WIDTH,
      paddingLeft: () => CELL_PADDING,
      paddingRight: () => CELL_PADDING,
      paddingTop: () => 3,
      paddingBottom: () => 3,
    },
  };
}

/** The row where the merged cell covering (r, column) starts. */
function rowOfGroupStart(rows: readonly GridRow[], r: number, column: number): number {
  let first = r;
  while (first > 0 && rows[first]!.cells.find((c) => c.column === column)?.merge === 'continue') first--;
  return first;
}

function groupLength(rows: readonly GridRow[], first: number, column: number): number {
  let n = 1;
  while (rows[first + n]?.cells.find((c) => c.column === column)?.merge === 'continue') n++;
  return n;
}

const CELL_PADDING = 4;
const LINE_WIDTH = 0.5;
