/**
 * Writes units' 预算绩效目标 as a PDF in the published layout, the same as the Word export: title,
 * contents with page numbers, 第一部分 部门整体绩效目标, 第二部分 with one 项目绩效目标表 per project
 * (merged cells as in the official form), A4, "— 1 —" page numbers. Fonts by role, embedded as
 * subsets so the PDF looks the same on any machine: a serif for 宋体, 小标宋 (its bold) and the body, a
 * sans for 黑体 headings (../publication/fonts.ts). Tables break like an official form's: see formTable.
 */
import pdfmake from 'pdfmake';
import type { FormProfile } from '../../core/forms/profile.ts';
import type { Content, TableCell } from 'pdfmake';
import type { NumberedItem, TargetDocument } from '../../core/model/document.ts';
import { messages } from '../../i18n/index.ts';
import { documentTitle } from '../publication/document-title.ts';
import { FONT_FILES, type FontFile, sansFontFiles } from '../publication/fonts.ts';
import type { FormSheet } from '../publication/form-sheet.ts';
import { LINE_EMS } from '../publication/measure.ts';
import { balanced, lineCount, textWidth, tightening } from './text-lines.ts';
import { departmentFormRows, flatFormRows, formRows, printsOwnForm, profileFormTitle } from '../publication/profile-form.ts';
import { FORM_WIDTH, type FormRow, formParts, relabelled, toFormTable } from '../publication/project-form.ts';

const form = () => messages().publication.form;

/** Points: A4 with the Word export's margins (GB/T 9704: a 156 mm text width). */
const CM = 72 / 2.54;
const MARGINS: [number, number, number, number] = [2.8 * CM, 3.7 * CM, 2.6 * CM, 3.5 * CM];
const TEXT_WIDTH = 595.28 - MARGINS[0] - MARGINS[2];
const SIZE = { title: 22, body: 16, tableTitle: 14, table: 10.5, footer: 14 };
/** The serif (宋体, 小标宋, the body) and the sans (黑体: headings), by role as in the Word export. */
const FONT = 'NotoSerifSC';
const SANS = 'Sans';

let fontsSet = false;
function loadFonts(): void {
  if (fontsSet) return;
  const serif = { normal: FONT_FILES.regular(), bold: FONT_FILES.bold() };
  const found = sansFontFiles();
  // Without Noto Sans CJK, headings are set in the serif's bold.
  const sans = found === null ? { normal: serif.bold, bold: serif.bold } : { normal: found.regular, bold: found.bold };
  // A face of a collection is given as [file, PostScript name], which pdfmake reads but its types do not know.
  const source = (f: FontFile) => f as string;
  pdfmake.setFonts({
    [FONT]: { ...serif, italics: serif.normal, bolditalics: serif.bold },
    [SANS]: { normal: source(sans.normal), bold: source(sans.bold), italics: source(sans.normal), bolditalics: source(sans.bold) },
  });
  // Documents come from users: nothing in them may make the writer read files or fetch URLs.
  const allowed = new Set([...Object.values(serif), ...Object.values(sans)].map((f) => (typeof f === 'string' ? f : f[0])));
  pdfmake.setLocalAccessPolicy((path) => allowed.has(path));
  pdfmake.setUrlAccessPolicy(() => false);
  fontsSet = true;
}

export interface WritePdfOptions {
  /** The form profile (表样) to print in; jixiao's own form by default. */
  profile?: FormProfile;
}

export async function writePdf(docs: readonly TargetDocument[], options: WritePdfOptions = {}): Promise<Uint8Array> {
  loadFonts();
  const combined = docs.length > 1;
  const content: Content[] = [];
  if (!printsOwnForm(options.profile)) return render(profileContent(docs, options.profile!), options.profile!.title);
  const entries: ContentsEntry[] = [];
  const entry: Entry = (text, level, bold = false) => {
    const id = `contents-${entries.length}`;
    entries.push({ id, text, indent: level * 20, bold });
    return { id };
  };
  // Filled in once the entries are known: the contents come before the headings they list.
  const contents = { stack: [] as Content[] };
  if (combined) content.push(contents);
  docs.forEach((doc, i) => {
    const title = documentTitle(doc);
    if (title !== null) {
      content.push({
        text: title.title,
        style: 'title',
        ...(combined ? entry(title.title, 0, true) : {}),
        ...(combined || i > 0 ? { pageBreak: 'before' as const } : {}),
      });
      if (title.unitCode !== null) content.push({ text: title.unitCode, style: 'subtitle' });
    }
    if (!combined) content.push(contents);
    content.push(...documentContent(doc, combined, title === null && combined, entry));
  });
  contents.stack.push({ text: form().contents, style: 'contentsTitle' }, ...entries.map(contentsLine));
  const first = docs[0];
  return render(content, first !== undefined && !combined ? (documentTitle(first)?.title ?? first.unit.name) : form().part2Title);
}

/**
 * The documents in a province's profile: each form under the profile's title and year on a page of
 * its own, as the province publishes them (as the Word export has them: ../docx/write-docx.ts).
 */
function profileContent(docs: readonly TargetDocument[], profile: FormProfile): Content[] {
  const content: Content[] = [];
  const add = (year: number | null, rows: readonly FormRow[]) => {
    const title = profileFormTitle(profile, year);
    content.push({ text: title, style: 'title', ...(content.length > 0 ? { pageBreak: 'before' as const } : {}) });
    content.push(formTable(rows, lineCount(title, TEXT_WIDTH, SIZE.title) * SIZE.title * 1.25 * LINE_EMS + 24));
  };
  for (const doc of docs) {
    if (doc.department !== null && profile.kind === 'department') add(doc.year, departmentFormRows(doc.unit, doc.department, profile));
    if (profile.layout === 'flat' && doc.projects.length > 0) add(doc.year, flatFormRows(doc.projects, profile));
    else for (const project of doc.projects) add(doc.year, formRows(project, profile));
  }
  return content;
}

/** Forms each under a head of its own, each sheet from a new page, as the Word export prints them (writeFormSheetsDocx). */
export async function writeFormSheetsPdf(sheets: readonly FormSheet[], title: string): Promise<Uint8Array> {
  loadFonts();
  const content: Content[] = [];
  for (const sheet of sheets) {
    const head: Content[] = [
      { text: sheet.title, style: 'title', ...(content.length > 0 ? { pageBreak: 'before' as const } : {}) },
      ...sheet.subtitles.map((t): Content => ({ text: t, alignment: 'center', fontSize: SIZE.tableTitle, margin: [0, 0, 0, 6] })),
      ...sheet.paragraphs.map((t): Content => ({ text: t, style: 'body' })),
      ...sheet.above.map((t): Content => ({ text: t, fontSize: SIZE.tableTitle, margin: [0, 6, 0, 6] })),
    ];
    content.push(...head);
    if (sheet.rows.length > 0) {
      const above = [sheet.title, ...sheet.subtitles, ...sheet.above].reduce(
        (h, t) => h + lineCount(t, TEXT_WIDTH, SIZE.tableTitle) * SIZE.tableTitle * 1.25 * LINE_EMS + 8,
        24,
      );
      content.push(formTable(sheet.rows, above));
    }
    content.push(...sheet.closing.map((t): Content => ({ text: t, alignment: 'right', margin: [0, 12, 0, 0] })));
  }
  return render(content, title);
}

async function render(content: Content[], title: string): Promise<Uint8Array> {
  const pdf = pdfmake.createPdf({
    pageSize: 'A4',
    pageMargins: MARGINS,
    info: {
      title,
      creator: 'jixiao',
      producer: 'jixiao',
    },
    content,
    footer: (page: number) => ({ text: form().pageNumber(page), alignment: 'center', fontSize: SIZE.footer, margin: [0, 1.2 * CM, 0, 0] }),
    defaultStyle: { font: FONT, fontSize: SIZE.body, lineHeight: 1.25 },
    styles: {
      // 小标宋: no free face is packaged; a bold serif stands in, as GB/T 9704 allows.
      title: { fontSize: SIZE.title, bold: true, alignment: 'center', margin: [0, 12, 0, 12] },
      subtitle: { alignment: 'center', margin: [0, 0, 0, 24] },
      // Headings in 黑体, as the Word export has them.
      contentsTitle: { font: SANS, fontSize: SIZE.body, alignment: 'center', margin: [0, 12, 0, 18] },
      part: { font: SANS, fontSize: SIZE.body, alignment: 'center', margin: [0, 12, 0, 12] },
      section: { font: SANS, fontSize: SIZE.body, leadingIndent: 2 * SIZE.body },
      body: { leadingIndent: 2 * SIZE.body, alignment: 'justify' },
      tableTitle: { font: SANS, fontSize: SIZE.tableTitle, alignment: 'center', margin: [0, 0, 0, 8] },
      cell: { fontSize: SIZE.table, lineHeight: 1.15 },
    },
  });
  return new Uint8Array(await pdf.getBuffer());
}

interface ContentsEntry {
  /** The heading's id, which the line's page number refers to. */
  id: string;
  text: string;
  indent: number;
  bold: boolean;
}

/** Lists a heading in the contents; gives the id to set on it. */
type Entry = (text: string, level: number, bold?: boolean) => { id: string };

/**
 * A line of the contents: the heading (wrapped where long), a dotted leader to the page number, and the
 * number, leader and number on the heading's last line. The heading's width is measured (./text-lines.ts),
 * as the leader's length is set before layout.
 */
function contentsLine(e: ContentsEntry): Content {
  const size = SIZE.tableTitle;
  const line = size * 1.25 * LINE_EMS;
  // Room for pdfmake's placeholder, 00000, laid out before the number is known.
  const number = 3 * size;
  const room = TEXT_WIDTH - e.indent - number - 3 * size;
  const title = Math.min(room, textWidth(e.text, size) + 2);
  const lines = lineCount(e.text, title, size);
  const leader = TEXT_WIDTH - e.indent - title - number;
  const below = (lines - 1) * line;
  return {
    table: {
      widths: [title, leader, number],
      body: [
        [
          { text: e.text, fontSize: size, bold: e.bold, linkToDestination: e.id },
          {
            canvas: [{ type: 'line', x1: 4, y1: 0, x2: leader - 4, y2: 0, lineWidth: 1, dash: { length: 1, space: 3 } }],
            margin: [0, below + 0.72 * line, 0, 0],
          },
          { text: [{ pageReference: e.id }] as never, fontSize: size, alignment: 'right', margin: [0, below, 0, 0] },
        ],
      ],
    },
    layout: { defaultBorder: false, paddingLeft: () => 0, paddingRight: () => 0, paddingTop: () => 1, paddingBottom: () => 1 },
    margin: [e.indent, 0, 0, 0],
  } as Content;
}

function documentContent(doc: TargetDocument, combined: boolean, newPage: boolean, entry: Entry): Content[] {
  const f = form();
  const toc = (level: 0 | 1, text: string) => entry(text, level + (combined ? 1 : 0));
  const out: Content[] = [];
  const d = doc.department;
  if (d !== null) {
    out.push({
      text: `${f.part1}\u3000${f.part1Title}`,
      style: 'part',
      ...toc(0, `${f.part1}\u3000${f.part1Title}`),
      ...(!combined || newPage ? { pageBreak: 'before' as const } : {}),
    });
    out.push({ text: f.overallGoal, style: 'section', ...toc(1, f.overallGoal) });
    for (const line of d.overallGoal === '' ? [] : d.overallGoal.split('\n')) out.push(bodyParagraph(line, 0));
    out.push({ text: f.subGoals, style: 'section', ...toc(1, f.subGoals) });
    out.push(...d.subGoals.flatMap((item) => itemContent(item, 0)));
    out.push({ text: f.safeguards, style: 'section', ...toc(1, f.safeguards) });
    out.push(...d.safeguards.flatMap((item) => itemContent(item, 0)));
  }
  if (doc.projects.length > 0)
    out.push({ text: `${f.part2}\u3000${f.part2Title}`, style: 'part', ...toc(0, `${f.part2}\u3000${f.part2Title}`), pageBreak: 'before' });
  doc.projects.forEach((project, i) => {
    out.push({
      text: f.projectTitle(i + 1, project.name),
      style: 'tableTitle',
      ...toc(1, f.projectTitle(i + 1, project.name)),
      ...(i > 0 ? { pageBreak: 'before' as const } : {}),
    });
    // Where the page's text starts above the form: the part's heading over the first project, then the title.
    const above =
      (i === 0 ? 3 * SIZE.body * LINE_EMS : 0) +
      lineCount(f.projectTitle(i + 1, project.name), TEXT_WIDTH, SIZE.tableTitle) * SIZE.tableTitle * 1.25 * LINE_EMS +
      8;
    out.push(formTable(formRows(project), above));
  });
  return out;
}

function itemContent(item: NumberedItem, depth: number): Content[] {
  const [first = '', ...rest] = item.text.split('\n');
  const margin = depth * 2 * SIZE.body;
  return [
    bodyParagraph(`${item.label}${first}`, margin),
    ...rest.map((line) => bodyParagraph(line, margin)),
    ...item.children.flatMap((child) => itemContent(child, depth + 1)),
  ];
}

/** A paragraph of the body, set a little tighter where its last character would stand alone on a line. */
function bodyParagraph(text: string, margin: number): Content {
  const spacing = tightening(text, TEXT_WIDTH - margin, SIZE.body, 2 * SIZE.body);
  return { text, style: 'body', margin: [margin, 0, 0, 0], ...(spacing === 0 ? {} : { characterSpacing: spacing }) };
}

type Grid = ReturnType<typeof toFormTable>;
type GridRow = Grid['rows'][number];

/** Points of A4 height the text may fill: the page less its margins. */
const PAGE_HEIGHT = 841.89 - MARGINS[1] - MARGINS[3];
/** The share of the room left on a page that a cut group's part is sized to: heights are estimated. */
const SAFE = 0.9;

/**
 * A project's form as tables stacked without a gap: the project block, kept on one page, and the
 * indicator table (one per term). The indicator table is a table of 一级 groups, each a table of its
 * own with its 一级/二级 cells really merged, that never breaks across pages: a group that does not fit
 * goes to the next page whole, where the header rows are drawn again, and every page's part of the
 * table is closed by the group's own bottom line. A group taller than a page is cut between rows where
 * a page would end, and its 一级/二级 labels are printed again below the cut.
 */
function formTable(rows: readonly FormRow[], above: number): Content {
  const grid = toFormTable(rows);
  const widths = grid.columns.map((w) => (w * TEXT_WIDTH) / FORM_WIDTH - 2 * CELL_PADDING - LINE_WIDTH);
  const [info = [], ...sections] = formParts(grid.rows);
  // Where on its page the table has got to, as estimated: for cutting a group taller than a page where the page ends.
  let y = above + estimatedHeight(info, widths);
  return {
    stack: [
      { unbreakable: true, ...pdfTable(info, widths, { frameTop: false }) },
      ...sections.flatMap((rows) => {
        const headers = rows.filter((r) => r.header);
        const headerHeight = estimatedHeight(headers, widths);
        y += headerHeight;
        // A group cut to fit a page goes on on the next page: the table is ended there and started again.
        const tables: GridRow[][][] = [[]];
        for (const group of groupsOf(rows.filter((r) => !r.header))) {
          const height = estimatedHeight(group, widths);
          if (y + height <= PAGE_HEIGHT) {
            tables[tables.length - 1]!.push(group);
            y += height;
            continue;
          }
          if (headerHeight + height <= PAGE_HEIGHT) {
            // The group goes to the next page whole, under the header drawn again.
            tables[tables.length - 1]!.push(group);
            y = headerHeight + height;
            continue;
          }
          // Cut with room to spare: a part that does not fit after all would leave a page empty.
          const parts = cutToFit(group, widths, (PAGE_HEIGHT - y) * SAFE, (PAGE_HEIGHT - headerHeight) * SAFE);
          parts.forEach((part, i) => {
            if (i > 0) tables.push([]);
            tables[tables.length - 1]!.push(part);
          });
          y = headerHeight + estimatedHeight(parts[parts.length - 1]!, widths);
        }
        return tables.map(
          (chunks, i): Content =>
            ({
              table: {
                widths: [TEXT_WIDTH],
                // A table of its own for each: pdfmake writes its layout into the nodes it lays out.
                body: [[pdfTable(headers, widths)], ...chunks.map((chunk) => [pdfTable(chunk, widths)])],
                headerRows: 1,
                keepWithHeaderRows: 1,
                dontBreakRows: true,
              },
              layout: {
                hLineWidth: () => 0,
                vLineWidth: () => 0,
                paddingLeft: () => 0,
                paddingRight: () => 0,
                // Each group's top line drawn over the line above it, not under it as a second line.
                paddingTop: (r: number) => (r > 0 ? -LINE_WIDTH : 0),
                paddingBottom: () => 0,
              },
              // The table's top line over the project block's bottom line.
              margin: [0, -LINE_WIDTH, 0, 0],
              ...(i > 0 ? { pageBreak: 'before' } : {}),
            }) as Content,
        );
      }),
    ],
  };
}

/** The indicator rows in 一级 groups: a group starts at every row whose 一级 cell is not merged into the one above. */
function groupsOf(rows: readonly GridRow[]): GridRow[][] {
  const groups: GridRow[][] = [];
  for (const row of rows) {
    if (groups.length === 0 || row.cells[0]?.merge !== 'continue') groups.push([]);
    groups[groups.length - 1]!.push(row);
  }
  return groups;
}

/**
 * A group taller than a page cut between rows: a first part of at most `first` points (what is left
 * of the page, estimated; none if that is under a few rows), then parts of at most `room`, as even as
 * their number allows. Each part after the first starts with the 一级/二级 labels of the cells merged
 * over the cut.
 */
function cutToFit(group: readonly GridRow[], widths: readonly number[], first: number, room: number): GridRow[][] {
  const heights = group.map((row) => estimatedHeight([row], widths));
  const parts: GridRow[][] = [];
  let r = 0;
  const take = (limit: number) => {
    const part: GridRow[] = [];
    let height = 0;
    while (r < group.length && (part.length === 0 || height + heights[r]! <= limit)) {
      part.push(r > 0 && part.length === 0 ? relabelled(group, r) : group[r]!);
      height += heights[r++]!;
    }
    parts.push(part);
  };
  if (first >= 4 * SIZE.table * CELL_LINE_HEIGHT) take(first);
  const rest = heights.slice(r).reduce((a, h) => a + h, 0);
  const even = rest / Math.ceil(rest / room);
  while (r < group.length) take(Math.min(room, even + heights[r]! / 2));
  return parts;
}

/** Rough height of rows: each as tall as its tallest cell that does not span rows (./measure.ts). */
function estimatedHeight(rows: readonly GridRow[], widths: readonly number[]): number {
  return rows.reduce((sum, row) => sum + rowHeight(row, widths), 0);
}

const rowHeight = (row: GridRow, widths: readonly number[]): number =>
  Math.max(
    0,
    ...row.cells
      .filter((c) => c.merge === undefined)
      .map((c) => lineCount(c.paragraphs.join('\n'), cellWidth(c, widths), SIZE.table) * SIZE.table * CELL_LINE_HEIGHT),
  ) +
  2 * CELL_PADDING_Y +
  LINE_WIDTH;

/** The width a cell's text has: its columns, with the padding and lines between them. */
const cellWidth = (cell: { column: number; span: number }, widths: readonly number[]): number =>
  widths.slice(cell.column, cell.column + cell.span).reduce((a, w) => a + w, 0) + (cell.span - 1) * (2 * CELL_PADDING + LINE_WIDTH);

/**
 * Rows as a pdfmake table, merged cells spanning their rows. Text is centred in its cell by a top
 * margin worked out from the estimated heights, which are also set as the rows' heights (pdfmake's
 * own vertical alignment misplaces a cell spanning rows); a merged cell's text needing more height than
 * its rows have shares the extra out among them, not to the last alone.
 */
function pdfTable(rows: readonly GridRow[], widths: number[], options: { frameTop?: boolean } = {}) {
  const body: TableCell[][] = rows.map(() => widths.map((): TableCell => ({ text: '' })));
  const texts = rows.map((row) =>
    row.cells.map((cell) => balanced(cell.paragraphs.join('\n'), cellWidth(cell, widths), cell.compact ? 9 : SIZE.table)),
  );
  const heightOf = (text: string, cell: GridRow['cells'][number]) => {
    const size = cell.compact ? 9 : SIZE.table;
    return lineCount(text, cellWidth(cell, widths) + (cell.compact ? 5 : 0), size) * size * CELL_LINE_HEIGHT;
  };
  const spans = rows.map((row, r) =>
    row.cells.map((cell) => {
      let span = 1;
      if (cell.merge === 'restart') while (rows[r + span]?.cells.some((c) => c.column === cell.column && c.merge === 'continue')) span++;
      return span;
    }),
  );
  // Content heights, without padding: the tallest cell of one row, then merged cells' extra shared out.
  const heights = rows.map((row, r) =>
    Math.max(SIZE.table * CELL_LINE_HEIGHT, ...row.cells.map((cell, c) => (cell.merge === undefined ? heightOf(texts[r]![c]!, cell) : 0))),
  );
  const between = 2 * CELL_PADDING_Y + LINE_WIDTH;
  const box = (r: number, span: number) => heights.slice(r, r + span).reduce((a, h) => a + h, 0) + (span - 1) * between;
  rows.forEach((row, r) =>
    row.cells.forEach((cell, c) => {
      const span = spans[r]![c]!;
      if (cell.merge !== 'restart') return;
      const extra = heightOf(texts[r]![c]!, cell) - box(r, span);
      if (extra > 0) for (let k = r; k < r + span; k++) heights[k]! += extra / span;
    }),
  );
  rows.forEach((row, r) => {
    row.cells.forEach((cell, c) => {
      if (cell.merge === 'continue') return;
      const span = spans[r]![c]!;
      const top = row.frameless ? 0 : Math.max(0, (box(r, span) - heightOf(texts[r]![c]!, cell)) / 2);
      body[r]![cell.column] = {
        text: texts[r]![c]!,
        style: 'cell',
        alignment: cell.align,
        margin: row.frameless ? [0, 0, 0, 2] : cell.compact ? [-2.5, top, -2.5, 0] : [0, top, 0, 0],
        ...(cell.span > 1 ? { colSpan: cell.span } : {}),
        ...(span > 1 ? { rowSpan: span } : {}),
        ...(row.frameless ? { border: [false, false, false, false] } : {}),
        ...(cell.compact ? { fontSize: 9 } : {}),
      } as TableCell;
    });
  });
  return {
    table: { widths, body, heights: (r: number) => heights[r]! },
    layout: {
      // The project block starts with the unit line, above the frame.
      hLineWidth: (i: number) => (i === 0 && options.frameTop === false ? 0 : LINE_WIDTH),
      vLineWidth: () => LINE_WIDTH,
      paddingLeft: () => CELL_PADDING,
      paddingRight: () => CELL_PADDING,
      paddingTop: () => CELL_PADDING_Y,
      paddingBottom: () => CELL_PADDING_Y,
    },
  };
}

const CELL_PADDING = 4;
const CELL_PADDING_Y = 3;
const CELL_LINE_HEIGHT = 1.15 * LINE_EMS;
const LINE_WIDTH = 0.5;
