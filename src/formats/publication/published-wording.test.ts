/** Every export prints the seed's inline-numbered paragraph as the unit published it: one paragraph, its "，" kept. */
import ExcelJS from 'exceljs';
import { strFromU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { documentXml, readBody } from '../docx/docx-body.ts';
import { writeDocumentsFile } from './export.ts';
import { seedDocuments } from './fixtures.testing.ts';
import { pdfText } from './render.testing.ts';

const PUBLISHED = '（一）是务实调解组织基础，（二）是不断提升人民调解队伍素质。';

/** What each format prints, as lines of text: paragraphs, rows of cells, or the exported items. */
const printed = {
  docx: async (bytes: Uint8Array) => readBody(documentXml(bytes, 'seed.docx')!)!.flatMap((b) => (b.kind === 'paragraph' ? [b.text] : [])),
  // A printed line wraps where the page ends: the paragraph is compared without its line breaks.
  pdf: async (bytes: Uint8Array) => [pdfText(bytes).replace(/\s+/g, '')],
  xlsx: async (bytes: Uint8Array) => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
    const rows: string[] = [];
    workbook.eachSheet((sheet) => sheet.eachRow((row) => rows.push((row.values as unknown[]).map((v) => String(v ?? '')).join(''))));
    return rows;
  },
  json: async (bytes: Uint8Array) => {
    const items: string[] = [];
    JSON.parse(strFromU8(bytes), (key, value: unknown) => {
      const item = value as { label?: string; text?: string };
      if (key !== '' && typeof item?.label === 'string') items.push(`${item.label}${item.text}`);
      return value;
    });
    return items;
  },
};

describe('published wording survives every export', () => {
  for (const [format, linesOf] of Object.entries(printed)) {
    it(`${format}: the inline-numbered item is printed whole, as published`, async () => {
      const lines = await linesOf(await writeDocumentsFile(seedDocuments(), format as keyof typeof printed));
      expect(lines.filter((l) => l.includes(PUBLISHED))).toHaveLength(1);
    });
  }
});
