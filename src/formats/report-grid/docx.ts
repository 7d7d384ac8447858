/**
 * Renders report forms as a Word document in the publication's look (../docx/style.ts): A4, title
 * in 黑体, tables in 宋体 五号 with single borders and merged cells, one form after another with a
 * page break between. Wide forms (the 监控表) are set on landscape pages.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Packer,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
  type ISectionOptions,
} from 'docx';
import { HEI, PAGE, SIZE, SONG, TABLE_JOIN_STYLE, documentDefaults, paragraphStyles } from '../docx/style.ts';
import { planKeeps, rowHeights } from '../docx/keep.ts';
import { placeCells, type Align, type GridRow, type PlacedCell, type ReportForm } from './grid.ts';

const LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const ALIGN: Record<Align, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

/** Forms are printed with the narrower margins of a table page (20 mm, 25 mm left for binding). */
const MARGIN = { top: 1134, bottom: 1134, left: 1418, right: 1134, header: 567, footer: 567 };

const textWidth = (landscape: boolean) => (landscape ? PAGE.height : PAGE.width) - MARGIN.left - MARGIN.right;

/** Paragraphs of a cell: one per line of its text. */
const paragraphs = (text: string, align: Align, bold: boolean) =>
  text
    .split('\n')
    .map(
      (line) => new Paragraph({ style: 'TableText', alignment: ALIGN[align], children: [new TextRun({ text: line, bold, font: SONG })] }),
    );

/**
 * The form's table, as one Word table per part: a part starts at a run of header rows, which Word
 * repeats on each page only as a table's first rows. The parts are joined by a hairline paragraph and
 * print as one table. Rows never split across pages, and rows kept with the next (a merged 一级 group)
 * go to the next page together.
 */
function formTables(form: ReportForm): (Paragraph | Table)[] {
  const total = form.columns.reduce((a, b) => a + b, 0);
  const width = textWidth(form.landscape);
  // Whole twips that add up to the text width exactly.
  const edges = [0];
  let x = 0;
  for (const w of form.columns) edges.push(Math.round(((x += w) * width) / total));
  const cellWidth = (c: PlacedCell) => edges[c.column + c.span]! - edges[c.column]!;
  const parts: GridRow[][] = [[]];
  form.rows.forEach((row, i) => {
    if (row.header && i > 0 && !form.rows[i - 1]!.header && parts[parts.length - 1]!.length > 0) parts.push([]);
    parts[parts.length - 1]!.push(row);
  });
  const placedParts = parts.map((rows) => placeCells({ ...form, rows }));
  const heights = placedParts.map((placed, i) =>
    rowHeights(
      parts[i]!.map((_, r) => ({
        cells: placed.filter((c) => c.row === r).map((c) => ({ text: c.text, width: (cellWidth(c) - 170) / 20, rows: c.rowSpan })),
      })),
      SIZE.table / 2,
      // The cell's margins and line, with room to spare.
      6,
    ),
  );
  const kept = parts.map((rows, i) =>
    rows.map((row, r) => ({ height: heights[i]![r]!, keepNext: row.keepWithNext === true, header: row.header === true })),
  );
  const pageHeight = ((form.landscape ? PAGE.width : PAGE.height) - MARGIN.top - MARGIN.bottom) / 20;
  const { joined, cuts } = planKeeps(kept, pageHeight);
  // Where a group is cut, the cells merged over the cut start again below it, with their text.
  placedParts.forEach((placed, i) => {
    for (const cut of [...cuts[i]!].sort((a, b) => a - b)) {
      for (const cell of [...placed]) {
        if (cell.row >= cut || cell.row + cell.rowSpan <= cut) continue;
        placed.push({ ...cell, row: cut, rowSpan: cell.row + cell.rowSpan - cut });
        cell.rowSpan = cut - cell.row;
      }
    }
    placed.sort((a, b) => a.row - b.row || a.column - b.column);
  });

  return parts.flatMap((rows, i) => {
    const placed = placedParts[i]!;
    const table = new Table({
      width: { size: width, type: WidthType.DXA },
      columnWidths: edges.slice(1).map((e, i) => e - edges[i]!),
      layout: TableLayoutType.FIXED,
      // Where the upper part is kept with the lower, the line between them is the lower one's top.
      borders: { top: LINE, bottom: joined[i] ? NONE : LINE, left: LINE, right: LINE, insideHorizontal: LINE, insideVertical: LINE },
      rows: rows.map(
        (row, r) =>
          new TableRow({
            cantSplit: true,
            ...(row.header ? { tableHeader: true } : {}),
            ...(kept[i]![r]!.keepNext ? { keepNext: true } : {}),
            children: placed
              .filter((c) => c.row === r)
              .map(
                (c) =>
                  new TableCell({
                    width: { size: cellWidth(c), type: WidthType.DXA },
                    columnSpan: c.span > 1 ? c.span : undefined,
                    rowSpan: c.rowSpan > 1 ? c.rowSpan : undefined,
                    verticalAlign: VerticalAlignTable.CENTER,
                    margins: { left: 85, right: 85, top: 20, bottom: 20 },
                    children: paragraphs(c.text, c.align ?? (c.label ? 'center' : 'left'), c.label === true),
                  }),
              ),
          }),
      ),
    });
    return i === 0 ? [table] : [new Paragraph({ style: TABLE_JOIN_STYLE, keepNext: true, children: [] }), table];
  });
}

function formSection(form: ReportForm): ISectionOptions {
  // docx swaps width and height itself for a landscape page.
  const size = { width: PAGE.width, height: PAGE.height, ...(form.landscape ? { orientation: PageOrientation.LANDSCAPE } : {}) };
  const children: (Paragraph | Table)[] = [
    new Paragraph({
      alignment: AlignmentType.CENTER,
      spacing: { after: 120 },
      keepNext: true,
      children: [new TextRun({ text: form.title, font: HEI, size: SIZE.tableTitle + 4 })],
    }),
  ];
  if (form.subtitle !== null)
    children.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 120 },
        keepNext: true,
        children: [new TextRun({ text: form.subtitle, font: SONG, size: SIZE.table + 3 })],
      }),
    );
  if (form.caption !== null)
    children.push(
      new Paragraph({
        style: 'TableText',
        tabStops: [{ type: 'right', position: textWidth(form.landscape) }],
        spacing: { after: 60 },
        keepNext: true,
        children: [new TextRun({ text: form.caption.left, font: SONG }), new TextRun({ text: `\t${form.caption.right}`, font: SONG })],
      }),
    );
  children.push(...formTables(form));
  for (const note of form.notes)
    children.push(new Paragraph({ style: 'TableText', spacing: { before: 60 }, children: [new TextRun({ text: note, font: SONG })] }));
  return { properties: { page: { size, margin: MARGIN } }, children };
}

/**
 * A Word document of forms, each starting on a new page, as bytes. `keywords`: what its properties
 * say (a form printed in a province's profile names it, so readers take it for that province's form).
 */
export async function formsDocument(forms: readonly ReportForm[], title: string, keywords?: string): Promise<Uint8Array> {
  const document = new Document({
    creator: 'jixiao',
    title,
    ...(keywords === undefined ? {} : { keywords }),
    styles: { default: documentDefaults, paragraphStyles },
    sections: forms.map(formSection),
  });
  return new Uint8Array(await Packer.toBuffer(document));
}
