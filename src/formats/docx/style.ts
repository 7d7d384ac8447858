/**
 * The look of a published 预算绩效目标 in Word, after GB/T 9704《党政机关公文格式》: A4 with a
 * 156 mm text width, title in 小标宋 二号, body in 仿宋_GB2312 三号, headings in 黑体, tables in 宋体 五号, the page number
 * "— 1 —" in the footer. Chinese fonts are named as Word names them on Chinese Windows, with
 * Times New Roman for digits and Latin letters; Word and LibreOffice substitute where a font is missing.
 */
import { AlignmentType, DocumentGridType, LineRuleType, type IParagraphStyleOptions } from 'docx';
import { TABLE_JOIN_STYLE } from './docx-body.ts';

export { TABLE_JOIN_STYLE };

/** Twips (1/20 pt). */
export const PAGE = {
  width: 11906,
  height: 16838,
  margin: { top: 2098, bottom: 1984, left: 1588, right: 1474, header: 851, footer: 992 },
};
export const TEXT_WIDTH = PAGE.width - PAGE.margin.left - PAGE.margin.right;

const LATIN = 'Times New Roman';
/**
 * The Chinese fonts by their Word names, as GB/T 9704 names them: the body in 仿宋_GB2312, headings in
 * 黑体, tables in 宋体, the title in 小标宋 (方正小标宋简体, the face offices install for it).
 */
export const CJK_FONTS = { fangsong: '仿宋_GB2312', song: '宋体', hei: '黑体', xiaobiaosong: '方正小标宋简体' } as const;
const font = (eastAsia: string) => ({ ascii: LATIN, hAnsi: LATIN, cs: LATIN, eastAsia });
export const FANGSONG = font(CJK_FONTS.fangsong);
export const SONG = font(CJK_FONTS.song);
export const HEI = font(CJK_FONTS.hei);
export const XIAOBIAOSONG = font(CJK_FONTS.xiaobiaosong);

/** Half-points: 二号 22 pt, 三号 16 pt, 四号 14 pt, 五号 10.5 pt, 小五 9 pt. */
export const SIZE = { title: 44, body: 32, tableTitle: 28, table: 21, compact: 18, footer: 28 };

/** Two characters of 三号 text: the first-line indent of Chinese body text. */
export const INDENT = 640;
const BODY_LINE = { line: 579, lineRule: LineRuleType.EXACT };

/**
 * GB/T 9704's grid: 22 lines of 28 characters on the 156 × 225 mm text area. Lines 579 twips apart
 * (12756 / 22), as the body's exact line spacing and the section's grid of lines; 28 characters of
 * 三号 text (16 pt) to a line by narrowing each by a quarter point (BODY_SPACING). Not Word's grid of
 * characters (linesAndChars): LibreOffice spreads the characters of such a grid over twice the width.
 */
export const DOC_GRID = { type: DocumentGridType.LINES, linePitch: 579 };
/** Twips of character spacing that put 28 characters of 三号 on a line of 8844 twips (316 each). */
const BODY_SPACING = -5;

/** Headings below the first: 黑体 body text indented as a paragraph, kept with what follows. */
const subHeading = (level: 2 | 3): IParagraphStyleOptions => ({
  id: `Heading${level}`,
  name: `heading ${level}`,
  basedOn: 'Normal',
  next: 'Normal',
  quickFormat: true,
  run: { font: HEI, size: SIZE.body },
  paragraph: { indent: { firstLine: INDENT }, spacing: BODY_LINE, keepNext: true, outlineLevel: level - 1 },
});

/**
 * The title's spacing. Here, in the contents and under the title, lines have exact heights, about those
 * of single spacing: lines on the grid's pitch would spread them out.
 */
export const TITLE_SPACING = { before: 240, after: 480, line: 640, lineRule: LineRuleType.EXACT };

export const paragraphStyles: IParagraphStyleOptions[] = [
  {
    id: TABLE_JOIN_STYLE,
    name: 'Table Join',
    basedOn: 'Normal',
    run: { size: 2 },
    paragraph: { spacing: { before: 0, after: 0, line: 2, lineRule: LineRuleType.EXACT } },
  },
  {
    id: 'Title',
    name: 'Title',
    basedOn: 'Normal',
    next: 'Normal',
    // 小标宋 is a heavy face of its own: not set bold.
    run: { font: XIAOBIAOSONG, size: SIZE.title },
    paragraph: { alignment: AlignmentType.CENTER, spacing: TITLE_SPACING },
  },
  {
    id: 'Heading1',
    name: 'heading 1',
    basedOn: 'Normal',
    next: 'Normal',
    quickFormat: true,
    run: { font: HEI, size: SIZE.body },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 240, ...BODY_LINE }, keepNext: true, outlineLevel: 0 },
  },
  subHeading(2),
  subHeading(3),
  {
    id: 'BodyText',
    name: 'Body Text',
    basedOn: 'Normal',
    run: { font: FANGSONG, size: SIZE.body, characterSpacing: BODY_SPACING },
    paragraph: { indent: { firstLine: INDENT }, spacing: BODY_LINE, alignment: AlignmentType.JUSTIFIED },
  },
  {
    id: 'TableText',
    name: 'Table Text',
    basedOn: 'Normal',
    run: { font: SONG, size: SIZE.table },
    paragraph: { spacing: { before: 0, after: 0, line: 240, lineRule: LineRuleType.AUTO } },
  },
  {
    id: 'TOCHeading',
    name: 'TOC Heading',
    basedOn: 'Normal',
    next: 'Normal',
    run: { font: HEI, size: SIZE.body },
    paragraph: { alignment: AlignmentType.CENTER, spacing: { before: 240, after: 360, line: 460, lineRule: LineRuleType.EXACT } },
  },
  ...[1, 2, 3].map(
    (level): IParagraphStyleOptions => ({
      id: `TOC${level}`,
      name: `toc ${level}`,
      basedOn: 'Normal',
      next: 'Normal',
      run: { font: FANGSONG, size: SIZE.tableTitle },
      paragraph: { indent: { left: (level - 1) * 560 }, spacing: { before: 60, after: 60, line: 400, lineRule: LineRuleType.EXACT } },
    }),
  ),
];

export const documentDefaults = {
  document: {
    run: { font: FANGSONG, size: SIZE.body },
    paragraph: { spacing: { line: 240, lineRule: LineRuleType.AUTO } },
  },
};
