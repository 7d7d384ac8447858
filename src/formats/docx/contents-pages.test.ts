import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import type { TargetDocument } from '../../core/model/document.ts';
import { generateDocuments } from '../../core/model/generate.ts';
import { generatedDocuments, LAYOUT_VARIATIONS, seedDocuments } from '../publication/fixtures.testing.ts';
import { writeDocx } from './write-docx.ts';

/** The page numbers the contents show, in order. */
function contentsNumbers(docx: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(docx)['word/document.xml']!);
  const numbers: string[] = [];
  for (const m of xml.matchAll(/PAGEREF _Toc\d+[^<]*<\/w:instrText>(.*?)<w:fldChar w:fldCharType="end"\/>/g)) {
    numbers.push(/<w:t[^>]*>([^<]*)<\/w:t>/.exec(m[1]!)?.[1] ?? '');
  }
  return numbers;
}

async function estimated(docs: readonly TargetDocument[]): Promise<{ numbers: string[]; how: string[] }> {
  const how: string[] = [];
  const numbers = contentsNumbers(await writeDocx(docs, { onContentsPages: (h) => how.push(h) }));
  return { numbers, how };
}

/** Several seconds each: docx/layout lays every document out. */
const SLOW = 120_000;

describe('the contents’ page numbers: estimated as docx/layout lays the pages out', () => {
  it(
    'the seed: estimated, without laying it out, and the same numbers',
    async () => {
      const docs = seedDocuments();
      const { numbers, how } = await estimated(docs);
      expect(how).toEqual(['estimated']);
      expect(numbers).toEqual(contentsNumbers(await writeDocx(docs, { contentsPageNumbers: 'exact' })));
      // 2 parts, 3 parts of part one, 6 projects, a page each; the last table starts on page 9 (as LibreOffice prints it).
      expect(numbers).toHaveLength(11);
      expect(numbers.at(-1)).toBe('9');
    },
    SLOW,
  );

  const cases: Array<[string, () => TargetDocument[]]> = [
    ...Object.entries(LAYOUT_VARIATIONS).map(([name, layout]): [string, () => TargetDocument[]] => [
      name,
      () => generatedDocuments(layout).slice(1),
    ]),
    ['two units in one document', () => generatedDocuments(LAYOUT_VARIATIONS.plain!)],
    [
      'the seed and two units with every variation, in one document',
      () => [...seedDocuments(), ...generatedDocuments(LAYOUT_VARIATIONS.everything!)],
    ],
    [
      'fourteen projects (14 pages)',
      () => generateDocuments({ seed: 1016, units: 1, projectsPerUnit: [14, 14], year: 2020, layout: { longTerm: true, remarks: true } }),
    ],
  ];
  it.each(cases)(
    '%s: the numbers docx/layout gives',
    async (_name, docs) => {
      const { numbers, how } = await estimated(docs());
      expect(how).toHaveLength(1);
      expect(numbers.length).toBeGreaterThan(3);
      expect(numbers.every((n) => /^\d+$/.test(n))).toBe(true);
      expect(numbers).toEqual(contentsNumbers(await writeDocx(docs(), { contentsPageNumbers: 'exact' })));
    },
    SLOW,
  );

  it(
    'a part whose pages the estimate cannot settle is laid out on its own, and the numbers are docx/layout’s',
    async () => {
      // Three units in one document, one of whose parts ends too near a page's edge for the estimate.
      const docs = generateDocuments({
        seed: 105,
        units: 3,
        projectsPerUnit: [3, 8],
        year: 2020,
        layout: { longTerm: true, remarks: true },
      });
      const { numbers, how } = await estimated(docs);
      expect(how).toEqual(['partly laid out']);
      expect(numbers).toEqual(contentsNumbers(await writeDocx(docs, { contentsPageNumbers: 'exact' })));
    },
    SLOW,
  );

  it(
    'text with a character whose width the estimate does not know is laid out instead',
    async () => {
      const [doc] = generatedDocuments(LAYOUT_VARIATIONS.plain!);
      const odd = { ...doc!, projects: doc!.projects.map((p, i) => (i === 0 ? { ...p, name: `${p.name}①` } : p)) };
      const { numbers, how } = await estimated([odd]);
      expect(how).toEqual(['laid out']);
      expect(numbers).toEqual(contentsNumbers(await writeDocx([odd], { contentsPageNumbers: 'exact' })));
    },
    SLOW,
  );

  it('without page numbers the contents list the headings with none', async () => {
    const numbers = contentsNumbers(await writeDocx(seedDocuments(), { contentsPageNumbers: false }));
    expect(numbers).toHaveLength(11);
    expect(numbers.every((n) => n === '')).toBe(true);
  });
});
