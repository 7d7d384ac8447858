/**
 * Writes units' 预算绩效目标 as a Word document in the published layout (the seed is the text of one):
 * a title naming unit and year, a table of contents, 第一部分 部门整体绩效目标, then 第二部分 with one
 * 项目绩效目标表 per project as a real Word table (merged cells as in the official form). Several units
 * go into one document one after the other, each from a new page, or into a ZIP of one document each
 * (`docxBundle`). `readDocx` reads any of them back to the same documents.
 */
import {
  AlignmentType,
  BorderStyle,
  Document,
  Footer,
  HeadingLevel,
  LineRuleType,
  Packer,
  PageNumber,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableOfContents,
  TableRow,
  TextRun,
  VerticalAlignTable,
  VerticalMergeType,
  WidthType,
  type PageNumberEstimator,
  type ParagraphChild,
} from 'docx';
import { estimatePageNumbersWith } from 'docx/layout';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import type { FormProfile } from '../../core/forms/profile.ts';
import type { NumberedItem, TargetDocument } from '../../core/model/document.ts';
import { messages } from '../../i18n/index.ts';
import { fontData } from '../publication/fonts.ts';
import { documentTitle, type DocumentTitle } from '../publication/document-title.ts';
import type { FormSheet } from '../publication/form-sheet.ts';
import {
  departmentFormRows,
  flatFormRows,
  formRows,
  PROFILE_KEYWORD,
  printsOwnForm,
  profileFormTitle,
} from '../publication/profile-form.ts';
import {
  FORM_WIDTH,
  type FormRow,
  formParts,
  keptWithNext,
  relabelled,
  toFormTable,
  type CellAlign,
  type GridCell,
} from '../publication/project-form.ts';
import { contentsPageNumbers, type ContentsPagesFound } from './contents-pages.ts';
import { planKeeps, rowHeights } from './keep.ts';
import {
  CJK_FONTS,
  DOC_GRID,
  INDENT,
  PAGE,
  TITLE_SPACING,
  XIAOBIAOSONG,
  SIZE,
  SONG,
  TABLE_JOIN_STYLE,
  TEXT_WIDTH,
  documentDefaults,
  paragraphStyles,
} from './style.ts';

const form = () => messages().publication.form;

type Block = Paragraph | Table | TableOfContents;

export interface WriteDocxOptions {
  /**
   * Write the page numbers of the table of contents, so they show in LibreOffice, WPS and viewers that
   * do not update fields (Word updates them on opening either way). true: estimated where certain,
   * else laid out as Word does (./contents-pages.ts; a few milliseconds mostly); 'exact': always laid
   * out (docx/layout: seconds); false: none. Default true.
   */
  contentsPageNumbers?: boolean | 'exact';
  /** Told how the contents' numbers were found (for tests and benchmarks). */
  onContentsPages?: (how: ContentsPagesFound) => void;
  /** The form profile (表样) to print in; jixiao's own form by default. */
  profile?: FormProfile;
}

/** One Word document holding the given units' documents, in order. */
export async function writeDocx(docs: readonly TargetDocument[], options: WriteDocxOptions = {}): Promise<Uint8Array> {
  if (!printsOwnForm(options.profile)) return writeProfileDocx(docs, options.profile!);
  const combined = docs.length > 1;
  const contents = [
    new Paragraph({ style: 'TOCHeading', children: [new TextRun(form().contents)] }),
    new TableOfContents(form().contents, { hyperlink: true, headingStyleRange: combined ? '1-3' : '1-2' }),
  ];
  const children: Block[] = [];
  if (combined) children.push(...contents);
  docs.forEach((doc, i) => {
    const title = documentTitle(doc);
    if (title !== null) children.push(...titleBlocks(title, combined, combined || i > 0));
    if (!combined) children.push(...contents);
    children.push(...documentBlocks(doc, combined, title === null && combined));
  });
  const first = docs[0];
  const document = new Document({
    creator: 'jixiao',
    title: first !== undefined && !combined ? (documentTitle(first)?.title ?? first.unit.name) : form().part2Title,
    styles: { default: documentDefaults, paragraphStyles },
    // Numbers the contents with the shipped font's widths (CJK text is full-width in every 宋/仿宋/黑体),
    // so they are right where fields are not updated (LibreOffice, viewers); Word updates them on opening.
    ...(options.contentsPageNumbers === false ? {} : { pageNumbers: pageNumberEstimator(options) }),
    // Word asks on opening to update fields when told to: only when the contents have no numbers yet.
    ...(options.contentsPageNumbers === false ? { features: { updateFields: true } } : {}),
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.width, height: PAGE.height },
            margin: PAGE.margin,
            pageNumbers: { start: 1 },
          },
          grid: DOC_GRID,
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return withFontTable(new Uint8Array(await Packer.toBuffer(document)));
}

/**
 * The font table Word itself writes for these fonts: their English names (SimSun, FangSong_GB2312, SimHei, FZXiaoBiaoSong)
 * and their GB2312 character set and PANOSE class, by which Word, WPS and LibreOffice substitute a
 * similar Chinese font where one is missing. (docx writes an empty table.)
 */
function withFontTable(docx: Uint8Array): Uint8Array {
  const fonts = [
    [CJK_FONTS.song, 'SimSun', '02010600030101010101', 'auto', 'variable'],
    [CJK_FONTS.fangsong, 'FangSong_GB2312', '02010609030101010101', 'modern', 'fixed'],
    [CJK_FONTS.hei, 'SimHei', '02010609060101010101', 'modern', 'fixed'],
    // Where 小标宋 is missing, a serif of the GB2312 set stands in for it.
    [CJK_FONTS.xiaobiaosong, 'FZXiaoBiaoSong-B05S', '02010600030101010101', 'roman', 'variable'],
  ]
    .map(
      ([name, alt, panose, family, pitch]) =>
        `<w:font w:name="${name}"><w:altName w:val="${alt}"/><w:panose1 w:val="${panose}"/><w:charset w:val="86"/><w:family w:val="${family}"/><w:pitch w:val="${pitch}"/></w:font>`,
    )
    .join('');
  const latin =
    '<w:font w:name="Times New Roman"><w:panose1 w:val="02020603050405020304"/><w:charset w:val="00"/><w:family w:val="roman"/><w:pitch w:val="variable"/></w:font>';
  const files = unzipSync(docx);
  // Lines are not put on the section's grid of lines: the body's exact spacing keeps to it already,
  // and tables, contents and titles keep their own (LibreOffice would spread table rows over it).
  const styles = strFromU8(files['word/styles.xml']!);
  files['word/styles.xml'] = strToU8(styles.replace('<w:pPrDefault><w:pPr>', '<w:pPrDefault><w:pPr><w:snapToGrid w:val="0"/>'));
  files['word/fontTable.xml'] = strToU8(
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:fonts xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">${fonts}${latin}</w:fonts>`,
  );
  return zipSync(files, { level: 6 });
}

/**
 * The documents in a province's profile: each form (a project's, a unit's 部门整体 table, a flat
 * profile's sheet of a unit's projects) under the profile's title and year on a page of its own, as
 * the province publishes them — no contents, no parts. A 部门整体 part the profile has no table for (a project profile) is not printed.
 */
async function writeProfileDocx(docs: readonly TargetDocument[], profile: FormProfile): Promise<Uint8Array> {
  const children: Block[] = [];
  const title = (year: number | null) =>
    new Paragraph({
      style: 'Title',
      alignment: AlignmentType.CENTER,
      pageBreakBefore: children.length > 0,
      children: runs(profileFormTitle(profile, year), { size: SIZE.title }),
    });
  for (const doc of docs) {
    if (doc.department !== null && profile.kind === 'department') {
      children.push(title(doc.year), ...projectTables(departmentFormRows(doc.unit, doc.department, profile)));
    }
    if (profile.layout === 'flat' && doc.projects.length > 0)
      children.push(title(doc.year), ...projectTables(flatFormRows(doc.projects, profile)));
    else for (const project of doc.projects) children.push(title(doc.year), ...projectTables(formRows(project, profile)));
  }
  return packDocx(children, profile.title, `${PROFILE_KEYWORD}${profile.id}`);
}

/** Forms each under a head of its own, each sheet from a new page (../publication/form-sheet.ts): an approval's 批复表, a notice. */
export async function writeFormSheetsDocx(sheets: readonly FormSheet[], title: string): Promise<Uint8Array> {
  const children: Block[] = [];
  const line = (text: string, alignment: (typeof AlignmentType)[keyof typeof AlignmentType]) =>
    new Paragraph({ alignment, spacing: { after: 120 }, children: runs(text) });
  for (const sheet of sheets) {
    children.push(
      new Paragraph({
        style: 'Title',
        alignment: AlignmentType.CENTER,
        pageBreakBefore: children.length > 0,
        children: runs(sheet.title, { size: SIZE.title }),
      }),
      ...sheet.subtitles.map((t) => line(t, AlignmentType.CENTER)),
      ...sheet.paragraphs.map((t) => body(t)),
      ...sheet.above.map((t) => line(t, AlignmentType.LEFT)),
      ...(sheet.rows.length > 0 ? projectTables(sheet.rows) : []),
      ...sheet.closing.map((t) => line(t, AlignmentType.RIGHT)),
    );
  }
  return packDocx(children, title);
}

/** One A4 section of `children` with page numbers below, in the house styles, as DOCX bytes. */
async function packDocx(children: Block[], title: string, keywords?: string): Promise<Uint8Array> {
  const document = new Document({
    creator: 'jixiao',
    title,
    ...(keywords === undefined ? {} : { keywords }),
    styles: { default: documentDefaults, paragraphStyles },
    sections: [
      {
        properties: {
          page: { size: { width: PAGE.width, height: PAGE.height }, margin: PAGE.margin, pageNumbers: { start: 1 } },
          grid: DOC_GRID,
        },
        footers: { default: pageNumberFooter() },
        children,
      },
    ],
  });
  return withFontTable(new Uint8Array(await Packer.toBuffer(document)));
}

let layout: PageNumberEstimator | undefined;

/** docx/layout with the shipped font's widths for the Chinese fonts; made once, as it reads the font files. */
function exactLayout(): PageNumberEstimator {
  if (layout !== undefined) return layout;
  const { regular, bold } = fontData();
  const fonts = Object.values(CJK_FONTS).flatMap((name) => [
    { data: regular, name },
    { data: bold, name },
  ]);
  const exact = estimatePageNumbersWith({ fonts, guess: true });
  // The headings are not numbered lists: reading the document again for list numbers would find none.
  layout = Object.assign((body: Parameters<PageNumberEstimator>[0], context: Parameters<PageNumberEstimator>[1]) => exact(body, context), {
    listNumbers: () => new Map(),
  });
  return layout;
}

function pageNumberEstimator(options: WriteDocxOptions): PageNumberEstimator {
  if (options.contentsPageNumbers === 'exact') return exactLayout();
  return contentsPageNumbers({
    styles: { defaults: documentDefaults.document, paragraphStyles },
    // Loaded only when needed: it reads the font files.
    exact: (body, context) => exactLayout()(body, context),
    onEstimate: options.onContentsPages,
  });
}

function pageNumberFooter(): Footer {
  const [before, after] = form().pageNumber(0).split('0');
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ font: SONG, size: SIZE.footer, children: [before ?? '', PageNumber.CURRENT, after ?? ''] })],
      }),
    ],
  });
}

const HEADINGS = [HeadingLevel.HEADING_1, HeadingLevel.HEADING_2, HeadingLevel.HEADING_3] as const;

/** Runs of text with its line breaks kept as Word line breaks. */
function runs(text: string, options: { bold?: boolean; size?: number; font?: typeof XIAOBIAOSONG } = {}): ParagraphChild[] {
  return text.split('\n').map((line, i) => new TextRun({ text: line, ...(i > 0 ? { break: 1 } : {}), ...options }));
}

/** The title, and the unit code under it; in a combined document the title heads the unit in the contents. */
function titleBlocks(title: DocumentTitle, combined: boolean, newPage: boolean): Paragraph[] {
  const blocks = [
    new Paragraph({
      // In a combined document the title heads its unit in the contents: a heading, set as the title
      // (one paragraph style only: a paragraph naming two is read differently by different readers).
      ...(combined
        ? { heading: HeadingLevel.HEADING_1, spacing: TITLE_SPACING, children: runs(title.title, { size: SIZE.title, font: XIAOBIAOSONG }) }
        : { style: 'Title', children: runs(title.title, { size: SIZE.title }) }),
      alignment: AlignmentType.CENTER,
      pageBreakBefore: newPage,
    }),
  ];
  if (title.unitCode !== null) {
    blocks.push(
      new Paragraph({
        alignment: AlignmentType.CENTER,
        spacing: { after: 480, line: 460, lineRule: LineRuleType.EXACT },
        children: runs(title.unitCode),
      }),
    );
  }
  return blocks;
}

function documentBlocks(doc: TargetDocument, combined: boolean, newPage: boolean): Block[] {
  const f = form();
  // In a combined document each unit's title is the top level of the contents.
  const level = (n: 0 | 1) => HEADINGS[n + (combined ? 1 : 0)]!;
  const blocks: Block[] = [];
  const d = doc.department;
  if (d !== null) {
    blocks.push(
      new Paragraph({
        heading: level(0),
        alignment: AlignmentType.CENTER,
        pageBreakBefore: !combined || newPage,
        children: runs(`${f.part1}\n${f.part1Title}`),
      }),
    );
    blocks.push(new Paragraph({ heading: level(1), children: runs(f.overallGoal) }));
    for (const line of d.overallGoal === '' ? [] : d.overallGoal.split('\n')) blocks.push(body(line));
    blocks.push(new Paragraph({ heading: level(1), children: runs(f.subGoals) }));
    blocks.push(...d.subGoals.flatMap((item) => itemParagraphs(item, 0)));
    blocks.push(new Paragraph({ heading: level(1), children: runs(f.safeguards) }));
    blocks.push(...d.safeguards.flatMap((item) => itemParagraphs(item, 0)));
  }
  if (doc.projects.length > 0) {
    blocks.push(
      new Paragraph({
        heading: level(0),
        alignment: AlignmentType.CENTER,
        pageBreakBefore: true,
        children: runs(`${f.part2}\n${f.part2Title}`),
      }),
    );
  }
  doc.projects.forEach((project, i) => {
    blocks.push(
      new Paragraph({
        heading: level(1),
        alignment: AlignmentType.CENTER,
        // Each table from a new page, as tables are printed and read one by one.
        pageBreakBefore: i > 0,
        indent: { firstLine: 0 },
        spacing: { before: 0, after: 120 },
        children: runs(f.projectTitle(i + 1, project.name), { size: SIZE.tableTitle }),
      }),
      ...projectTables(formRows(project)),
    );
  });
  return blocks;
}

const body = (text: string, depth = 0) =>
  new Paragraph({ style: 'BodyText', indent: { firstLine: INDENT, left: depth * INDENT }, children: runs(text) });

function itemParagraphs(item: NumberedItem, depth: number): Paragraph[] {
  const [first = '', ...rest] = item.text.split('\n');
  return [
    body(`${item.label}${first}`, depth),
    ...rest.map((line) => body(line, depth)),
    ...item.children.flatMap((child) => itemParagraphs(child, depth + 1)),
  ];
}

const ALIGN: Record<CellAlign, (typeof AlignmentType)[keyof typeof AlignmentType]> = {
  left: AlignmentType.LEFT,
  center: AlignmentType.CENTER,
  right: AlignmentType.RIGHT,
};

const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000' };
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };

/**
 * A project's form as Word tables: the block above the indicator table, then the indicator table (one
 * per term), each with its header rows repeated on every page (Word repeats only a table's first
 * rows). Between them a hairline paragraph of the TableJoin style, which the reader takes for no break
 * at all (./docx-body.ts). Rows never split, and an 一级 group's rows are kept on one page.
 */
function projectTables(formRows: readonly FormRow[]): Block[] {
  const table = toFormTable(formRows);
  // Whole twips that add up to the text width exactly.
  const edges = [0];
  let x = 0;
  for (const w of table.columns) edges.push(Math.round(((x += w) * TEXT_WIDTH) / FORM_WIDTH));
  const widths = edges.slice(1).map((e, i) => e - edges[i]!);
  const cellWidth = (c: GridCell) => edges[c.column + c.span]! - edges[c.column]!;
  const heights = rowHeights(
    table.rows.map((row, r) => ({
      cells: row.cells.map((c) => ({
        text: c.merge === 'continue' ? '' : c.paragraphs.join('\n'),
        width: (cellWidth(c) - 170) / 20,
        rows: c.merge === 'restart' ? mergedRows(table.rows, r, c.column) : 1,
      })),
    })),
    SIZE.table / 2,
    // The cell's margins and line, with room to spare.
    6,
  );
  const rows = table.rows.map((row, r) => ({ ...row, keepNext: keptWithNext(formRows, r), height: heights[r]! }));
  const blocks: Block[] = [];
  const parts = formParts(rows);
  const { joined, cuts } = planKeeps(parts, (PAGE.height - PAGE.margin.top - PAGE.margin.bottom) / 20);
  parts.forEach((part, i) => {
    for (const r of [...cuts[i]!].sort((a, b) => a - b)) part[r] = relabelled(part, r);
  });
  parts.forEach((part, i) => {
    if (i > 0) blocks.push(joinParagraph());
    blocks.push(
      new Table({
        width: { size: TEXT_WIDTH, type: WidthType.DXA },
        columnWidths: widths,
        layout: TableLayoutType.FIXED,
        margins: { left: 85, right: 85, top: 40, bottom: 40 },
        // Where the upper part is kept with the lower, the line between them is the lower one's top.
        borders: {
          top: LINE,
          bottom: joined[i] ? NONE : LINE,
          left: LINE,
          right: LINE,
          insideHorizontal: LINE,
          insideVertical: LINE,
        },
        rows: part.map(
          (row) =>
            new TableRow({
              cantSplit: true,
              // Written only where on: Word reads an element with w:val="off" as off, but not every reader does.
              ...(row.header ? { tableHeader: true } : {}),
              ...(row.keepNext ? { keepNext: true } : {}),
              children: row.cells.map(
                (cell) =>
                  new TableCell({
                    width: { size: cellWidth(cell), type: WidthType.DXA },
                    columnSpan: cell.span > 1 ? cell.span : undefined,
                    verticalMerge:
                      cell.merge === 'restart'
                        ? VerticalMergeType.RESTART
                        : cell.merge === 'continue'
                          ? VerticalMergeType.CONTINUE
                          : undefined,
                    verticalAlign: row.frameless ? VerticalAlignTable.BOTTOM : VerticalAlignTable.CENTER,
                    margins: cell.compact
                      ? { left: 20, right: 20, top: 40, bottom: 40 }
                      : { left: 85, right: 85, top: row.frameless ? 0 : 40, bottom: row.frameless ? 60 : 40 },
                    borders: row.frameless ? { top: NONE, left: NONE, right: NONE, bottom: LINE } : undefined,
                    children: cell.paragraphs.map(
                      (p) =>
                        new Paragraph({
                          style: 'TableText',
                          alignment: ALIGN[cell.align],
                          ...(row.keepNext ? { keepNext: true } : {}),
                          children: runs(p, cell.compact ? { size: SIZE.compact } : row.frameless ? { size: SIZE.table } : {}),
                        }),
                    ),
                  }),
              ),
            }),
        ),
      }),
    );
  });
  return blocks;
}

/** How many rows a cell merged down from row `r` covers. */
function mergedRows(rows: ReturnType<typeof toFormTable>['rows'], r: number, column: number): number {
  let n = 1;
  while (rows[r + n]?.cells.some((c) => c.column === column && c.merge === 'continue')) n++;
  return n;
}

/** The hairline between two tables printed as one, kept with the table below. */
const joinParagraph = () => new Paragraph({ style: TABLE_JOIN_STYLE, keepNext: true, children: [] });
