import { strFromU8, unzipSync } from 'fflate';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedDocuments, LAYOUT_VARIATIONS, seedDocuments } from '../publication/fixtures.testing.ts';
import { compareImages, docxToPdf, pdfInfo, pdfPages, pdfText, referenceImage } from '../publication/render.testing.ts';
import { writeDocx } from './write-docx.ts';

const REFERENCE = resolve(import.meta.dirname, 'reference');
const FONTCONFIG = resolve(REFERENCE, 'fonts.conf');
const partOf = (docx: Uint8Array, name: string) => strFromU8(unzipSync(docx)[name]!);
const count = (s: string, needle: string) => s.split(needle).length - 1;

describe('writeDocx: the published layout as Word markup', () => {
  it('A4 with the official margins, page numbers in the footer, Chinese fonts with eastAsia settings', async () => {
    const docx = await writeDocx(seedDocuments(), { contentsPageNumbers: false });
    const xml = partOf(docx, 'word/document.xml');
    expect(xml).toContain('<w:pgSz w:w="11906" w:h="16838"');
    const footers = Object.keys(unzipSync(docx)).filter((n) => /^word\/footer\d*\.xml$/.test(n));
    expect(footers.map((f) => partOf(docx, f)).join('')).toMatch(/PAGE/);
    const styles = partOf(docx, 'word/styles.xml');
    for (const font of ['仿宋_GB2312', '宋体', '黑体', '方正小标宋简体']) expect(styles).toContain(`w:eastAsia="${font}"`);
    expect(styles).toContain('w:ascii="Times New Roman"');
    // The font table names the fonts as Word does, so a machine without them substitutes a Chinese face.
    const table = partOf(docx, 'word/fontTable.xml');
    for (const [font, alt] of [
      ['仿宋_GB2312', 'FangSong_GB2312'],
      ['宋体', 'SimSun'],
      ['黑体', 'SimHei'],
      ['方正小标宋简体', 'FZXiaoBiaoSong-B05S'],
    ]) {
      expect(table).toContain(`<w:font w:name="${font}"><w:altName w:val="${alt}"/>`);
    }
    expect(table.match(/<w:charset w:val="86"\/>/g)).toHaveLength(4);
  });

  it('GB/T 9704 grid: 22 lines of 28 characters of 三号 body text', async () => {
    const docx = await writeDocx(seedDocuments(), { contentsPageNumbers: false });
    // 12756 twips of text height / 22 lines; lines are not snapped to it (the body's exact spacing keeps to it).
    expect(partOf(docx, 'word/document.xml')).toMatch(/<w:docGrid w:type="lines" w:linePitch="579"\/>/);
    const styles = partOf(docx, 'word/styles.xml');
    expect(styles).toContain('<w:pPrDefault><w:pPr><w:snapToGrid w:val="0"/>');
    const body = styles.slice(styles.indexOf('w:styleId="BodyText"'), styles.indexOf('</w:style>', styles.indexOf('w:styleId="BodyText"')));
    expect(body).toMatch(/<w:spacing w:line="579" w:lineRule="exact"\/>/);
    // 28 characters of 16 pt less a quarter point each: 28 × 315 twips fit the 8844 of a line, 29 do not.
    expect(body).toContain('<w:spacing w:val="-5"/>');
    expect(body).toContain('<w:sz w:val="32"/>');
  });

  it('Word asks to update fields on opening only when the contents have no page numbers yet', async () => {
    expect(partOf(await writeDocx(seedDocuments()), 'word/settings.xml')).not.toContain('updateFields');
    expect(partOf(await writeDocx(seedDocuments(), { contentsPageNumbers: false }), 'word/settings.xml')).toContain('<w:updateFields/>');
  });

  it('a table of contents field over the headings, with page numbers worked out', async () => {
    const docx = await writeDocx(seedDocuments());
    const xml = partOf(docx, 'word/document.xml');
    expect(xml).toMatch(/TOC [^<]*\\o &quot;1-2&quot;/);
    expect(count(xml, 'w:val="Heading1"')).toBe(2);
    expect(count(xml, 'w:val="Heading2"')).toBe(3 + 6);
    // LibreOffice shows the cached contents: every project heading with the page it starts on.
    const text = pdfText(docxToPdf(docx, FONTCONFIG));
    const contents = text.slice(0, text.indexOf('第一部分', text.indexOf('工作保障措施')));
    expect(contents).toMatch(/1、法律援助绩效目标表[.…\s]*\d+/);
    expect(contents).toMatch(/6、社区矫正绩效目标表[.…\s]*9/);
  });

  it('one form per project, 一级 and 二级 merged down over their rows, as two tables printed as one', async () => {
    const [seed] = seedDocuments();
    const xml = partOf(await writeDocx([seed!], { contentsPageNumbers: false }), 'word/document.xml');
    // The block above the indicator table, then the indicator table, joined by a hairline paragraph.
    expect(count(xml, '<w:tbl>')).toBe(2 * 6);
    expect(count(xml, '<w:pStyle w:val="TableJoin"/>')).toBe(6);
    // Project 1: 一级 产出/效果/满意度 each over 2 rows, 二级 too: 6 merges started, 6 continued,
    // plus 预算规模 and 资金支出计划 over 2 rows each, in each of the 6 forms.
    const first = xml.slice(xml.indexOf('<w:tbl>'), xml.indexOf('</w:tbl>', xml.indexOf('</w:tbl>') + 1));
    expect(count(first, '<w:vMerge w:val="restart"/>')).toBe(2 + 6);
    expect(count(first, '<w:vMerge w:val="continue"/>') + count(first, '<w:vMerge/>')).toBe(2 + 6);
    expect(first).toContain('<w:gridSpan');
  });

  it('page breaks: the header row repeats on every page, rows never split, an 一级 group is kept on one page', async () => {
    const [seed] = seedDocuments();
    const xml = partOf(await writeDocx([seed!], { contentsPageNumbers: false }), 'word/document.xml');
    const indicators = xml.slice(xml.indexOf('<w:tbl>', xml.indexOf('TableJoin')), xml.indexOf('</w:tbl>', xml.indexOf('TableJoin')));
    const rows = indicators.split('<w:tr>').slice(1);
    // 一级指标 … as the repeated header; 产出/效果/满意度 two rows each.
    expect(rows.map((r) => r.includes('<w:tblHeader/>'))).toEqual([true, false, false, false, false, false, false]);
    expect(rows.every((r) => r.includes('<w:cantSplit/>'))).toBe(true);
    // Kept with the next: the header, and each group's rows but its last (Word reads the first cell's paragraph).
    const firstParagraph = (row: string) => row.slice(row.indexOf('<w:p>'), row.indexOf('</w:p>'));
    const kept = rows.map((r) => firstParagraph(r).includes('<w:keepNext/>'));
    expect(kept).toEqual([true, true, false, true, false, true, false]);
    expect(xml).not.toContain('w:val="off"');
  });

  it('several units: one document, each unit from a new page under its own title', async () => {
    const docs = generatedDocuments(LAYOUT_VARIATIONS.plain!);
    const xml = partOf(await writeDocx(docs, { contentsPageNumbers: false }), 'word/document.xml');
    for (const doc of docs) expect(xml).toContain(`${doc.unit.name}${doc.year}年度预算绩效目标`);
    expect(xml).toMatch(/TOC [^<]*\\o &quot;1-3&quot;/);
  });
});

/**
 * Pages as LibreOffice prints them, compared loosely with reviewed renders kept in ./reference
 * (regenerate with JIXIAO_UPDATE_REFERENCE=1, then look at them before committing).
 */
describe('writeDocx: printed pages look as reviewed', () => {
  const cases = [
    { name: 'seed-page1-contents.png', docs: () => seedDocuments(), page: 1 },
    { name: 'seed-page4-first-table.png', docs: () => seedDocuments(), page: 4 },
    { name: 'everything-page3-table.png', docs: () => generatedDocuments(LAYOUT_VARIATIONS.everything!).slice(0, 1), page: 3 },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const pdf = docxToPdf(await writeDocx(c.docs()), FONTCONFIG);
      expect(pdfInfo(pdf).pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
      const [fresh] = pdfPages(pdf, 40, c.page, c.page);
      const difference = compareImages(referenceImage(REFERENCE, c.name, fresh!), fresh!);
      expect(difference.sameSize).toBe(true);
      // Two different table pages differ by about 0.04 (mean) and 0.3 (worst block).
      expect(difference.mean).toBeLessThan(0.012);
      expect(difference.worst).toBeLessThan(0.25);
    });
  }
});
