import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { TargetDocument } from '../../core/model/document.ts';
import { generatedDocuments, LAYOUT_VARIATIONS, seedDocuments } from '../publication/fixtures.testing.ts';
import { projectFormRows } from '../publication/project-form.ts';
import { compareImages, pdfInfo, pdfPages, pdfText, referenceImage } from '../publication/render.testing.ts';
import { writePdf } from './write-pdf.ts';

const squeeze = (s: string) => s.replace(/\s+/g, '');

/** Every text the published form prints: headings, part 1's paragraphs and every cell of every table. */
function printedTexts(docs: readonly TargetDocument[]): string[] {
  const texts: string[] = [];
  for (const doc of docs) {
    if (doc.year !== null) texts.push(`${doc.unit.name}${doc.year}年度预算绩效目标`);
    const d = doc.department;
    if (d !== null) {
      texts.push('部门整体绩效目标', '一、总体绩效目标', d.overallGoal);
      const items = (list: typeof d.subGoals): string[] => list.flatMap((i) => [`${i.label}${i.text}`, ...items(i.children)]);
      texts.push(...items(d.subGoals), ...items(d.safeguards));
    }
    doc.projects.forEach((p, n) => {
      texts.push(`${n + 1}、${p.name}绩效目标表`);
      for (const row of projectFormRows(p)) for (const cell of row.cells) texts.push(...cell.paragraphs);
    });
  }
  return texts.filter((t) => t !== '');
}

describe('writePdf', () => {
  it('the seed: A4, the font embedded, and every cell of every table in the text', async () => {
    const docs = seedDocuments();
    const pdf = await writePdf(docs);
    const info = pdfInfo(pdf);
    expect(info.pageSize).toMatch(/^595\.\d+ x 841\.\d+ pts \(A4\)/);
    expect(info.pages).toBeGreaterThanOrEqual(8);
    // pdffonts: the subset of Noto Serif SC, embedded ("yes" in the emb column).
    expect(info.fonts).toMatch(/NotoSerifSC\S*\s+CID TrueType\s+Identity-H\s+yes/);
    // Fonts by role: headings (黑体) in Noto Sans CJK, from Debian's fonts-noto-cjk (.ci/run installs it).
    expect(info.fonts).toMatch(/NotoSansCJKsc-Regular\s+CID Type 0C\s+Identity-H\s+yes/);
    const text = squeeze(pdfText(pdf));
    const missing = printedTexts(docs).filter((t) => !text.includes(squeeze(t)));
    expect(missing).toEqual([]);
    expect(text).toContain('—1—');
    expect(text).toContain('目录');
  });

  for (const name of ['everything', 'noDepartment', 'quarterlyCheckpoints'] as const) {
    it(`generated documents (${name}): every cell in the text, one unit after the other`, async () => {
      const docs = generatedDocuments(LAYOUT_VARIATIONS[name]!);
      const text = squeeze(pdfText(await writePdf(docs)));
      expect(printedTexts(docs).filter((t) => !text.includes(squeeze(t)))).toEqual([]);
      // Unit 2's title (after the contents, which list it too) comes after unit 1's tables.
      const secondTitle = `${docs[1]!.unit.name}${docs[1]!.year}年度预算绩效目标`;
      expect(text.lastIndexOf(secondTitle)).toBeGreaterThan(text.indexOf(docs[0]!.projects[0]!.code));
      expect(text.indexOf(docs[0]!.projects[0]!.code)).toBeGreaterThan(0);
    });
  }
});

describe('writePdf: table text', () => {
  it('no cell text wraps onto a last line of one character: the lines are evened out (可持续影 / 响指标)', async () => {
    const docs = generatedDocuments(LAYOUT_VARIATIONS.everything!);
    const cells = new Set(
      docs.flatMap((d) => d.projects.flatMap((p) => projectFormRows(p).flatMap((r) => r.cells.flatMap((c) => c.paragraphs)))),
    );
    // The fixture has a 二级 of seven characters in a column of six.
    expect([...cells].some((t) => t === '可持续影响指标')).toBe(true);
    const lines = pdfText(await writePdf(docs))
      .split('\n')
      .map((l) => l.trim());
    // A unit after a number too wide for its column (≥3100 / 人) cannot be evened out: the number is not broken.
    const lone = lines.filter(
      (l, i) => [...l].length === 1 && /\p{Script=Han}/u.test(l) && !cells.has(l) && !/\d$/.test(lines[i - 1] ?? ''),
    );
    expect(lone).toEqual([]);
  });
});

const REFERENCE = resolve(import.meta.dirname, 'reference');

/** Pages compared loosely with reviewed renders in ./reference (JIXIAO_UPDATE_REFERENCE=1 to renew, then look). */
describe('writePdf: printed pages look as reviewed', () => {
  const cases = [
    { name: 'seed-page1-contents.png', docs: () => seedDocuments(), page: 1 },
    { name: 'seed-page4-first-table.png', docs: () => seedDocuments(), page: 4 },
    { name: 'everything-page4-table-continued.png', docs: () => generatedDocuments(LAYOUT_VARIATIONS.everything!).slice(0, 1), page: 4 },
  ];
  for (const c of cases) {
    it(c.name, async () => {
      const [fresh] = pdfPages(await writePdf(c.docs()), 40, c.page, c.page);
      const difference = compareImages(referenceImage(REFERENCE, c.name, fresh!), fresh!);
      expect(difference.sameSize).toBe(true);
      expect(difference.mean).toBeLessThan(0.012);
      expect(difference.worst).toBeLessThan(0.25);
    });
  }
});
