import { describe, expect, it } from 'vitest';
import { named } from '../i18n/message-ref.ts';
import { readActualsFile } from './actuals/read-actuals.ts';
import { writeDocx } from './docx/write-docx.ts';
import { importFailure } from './import-error.testing.ts';
import { MAX_ZIP_ENTRIES, MAX_ZIP_UNPACKED_BYTES } from './limits.ts';
import { seedDocuments } from './publication/fixtures.testing.ts';
import { readDocumentFile } from './read-document.ts';
import { exportXlsx } from './xlsx/write-xlsx.ts';
import { docxBomb, docxWithParts, lyingAbout, xlsxBomb, zipOf } from './zip-bomb.testing.ts';
import { MAX_INFLATE_STEP_OUTPUT, openZip, ZipLimitError } from './zip-reader.ts';

const seed = seedDocuments();

/** The refusal a read ends with: a ZipLimitError, whatever the reader. */
async function refusal(read: Promise<unknown>): Promise<ZipLimitError> {
  const e = await importFailure(read);
  expect(e).toBeInstanceOf(ZipLimitError);
  return e as ZipLimitError;
}

const readers = {
  document: (bytes: Uint8Array, file: string) => readDocumentFile(bytes, file),
  actuals: (bytes: Uint8Array, file: string) => readActualsFile(bytes, file, seed),
};

describe('ZIP packages over the limits are refused before they are unpacked', () => {
  const honest = { docx: zipOf(docxBomb(300)), xlsx: zipOf(xlsxBomb(300)) };
  const lying = { docx: zipOf(lyingAbout(docxBomb(300))), xlsx: zipOf(lyingAbout(xlsxBomb(300))) };

  it('the bombs are small files of 300 MB of XML', () => {
    for (const bytes of [...Object.values(honest), ...Object.values(lying)]) expect(bytes.length).toBeLessThan(500_000);
  });

  for (const kind of ['docx', 'xlsx'] as const) {
    it(`a ${kind} whose central directory states 300 MB: refused without inflating a byte`, async () => {
      const e = await refusal(readDocumentFile(honest[kind], `bomb.${kind}`));
      expect(e.inflated).toBe(0);
      expect(e.location).toEqual({ file: `bomb.${kind}` });
      expect(e.message).toBe(`bomb.${kind}：文件解压后超过 20 MB 的上限，未予读取（请拆分后分别导入）`);
    });

    it(`a ${kind} that states 1 KB and inflates to 300 MB: stopped at the limit`, async () => {
      const e = await refusal(readDocumentFile(lying[kind], `liar.${kind}`));
      expect(e.inflated).toBeGreaterThan(MAX_ZIP_UNPACKED_BYTES);
      expect(e.inflated).toBeLessThanOrEqual(MAX_ZIP_UNPACKED_BYTES + MAX_INFLATE_STEP_OUTPUT);
    });
  }

  it('an actuals XLSX, honest or lying, is refused the same way', async () => {
    expect((await refusal(readers.actuals(honest.xlsx, 'a.xlsx'))).inflated).toBe(0);
    expect((await refusal(readers.actuals(lying.xlsx, 'a.xlsx'))).inflated).toBeLessThanOrEqual(
      MAX_ZIP_UNPACKED_BYTES + MAX_INFLATE_STEP_OUTPUT,
    );
  });

  it(`a package of more than ${MAX_ZIP_ENTRIES} parts is refused, read as a document or as actuals`, async () => {
    const bytes = zipOf(docxWithParts(MAX_ZIP_ENTRIES));
    for (const read of Object.values(readers)) {
      const e = await refusal(read(bytes, 'parts.docx'));
      expect(e.reason).toBe(`文件包含的部件超过 ${MAX_ZIP_ENTRIES} 个，不像 Word 或 Excel 文件，未予读取`);
      expect(e.inflated).toBe(0);
    }
  });

  it('a package whose end record understates its parts is refused all the same', async () => {
    const bytes = zipOf(docxWithParts(MAX_ZIP_ENTRIES));
    // The end record's counts say 2; the directory holds every part.
    Buffer.from(bytes.buffer).writeUInt16LE(2, bytes.length - 14);
    Buffer.from(bytes.buffer).writeUInt16LE(2, bytes.length - 12);
    expect((await refusal(readDocumentFile(bytes, 'parts.docx'))).reason).toContain(`超过 ${MAX_ZIP_ENTRIES} 个`);
  });

  it(`within the limits a package opens: ${MAX_ZIP_ENTRIES} parts, and parts that add up to just under the limit`, () => {
    expect(openZip(zipOf(docxWithParts(MAX_ZIP_ENTRIES - 2)), 'ok.docx', named.formats.zip.broken).names.size).toBe(MAX_ZIP_ENTRIES);
    const big = openZip(zipOf(docxBomb(MAX_ZIP_UNPACKED_BYTES / 1048576 - 1)), 'big.docx', named.formats.zip.broken);
    big.verify();
    expect(big.inflated).toBeGreaterThan(MAX_ZIP_UNPACKED_BYTES - 1048576);
  });
});

describe('broken packages are ImportErrors, never raw exceptions', () => {
  const docx = writeDocx(seed, { contentsPageNumbers: false });
  const xlsx = exportXlsx(seed);
  const garbage = new Uint8Array(4096).map((_, i) => (i < 4 ? [0x50, 0x4b, 0x03, 0x04][i]! : (i * 7919) % 251));

  for (const [reader, read] of Object.entries(readers)) {
    it(`read as ${reader}: garbage after a ZIP signature, a truncated DOCX, a truncated XLSX, a damaged part`, async () => {
      const damaged = async (bytes: Promise<Uint8Array>) => {
        const copy = new Uint8Array(await bytes);
        copy.fill(0x55, 200, 4000);
        return copy;
      };
      for (const bytes of [
        garbage,
        (await docx).subarray(0, 3000),
        (await xlsx).subarray(0, 3000),
        await damaged(docx),
        await damaged(xlsx),
      ]) {
        const e = await importFailure(read(bytes, 'broken.docx'));
        expect(e.location.file).toBe('broken.docx');
      }
    });
  }

  it('a truncated package names what is wrong', async () => {
    expect((await importFailure(readDocumentFile((await docx).subarray(0, 3000), 'cut.docx'))).reason).toBe(
      '文件已损坏或不完整，ZIP 包无法打开',
    );
  });

  it('the files jixiao writes still read, DOCX and XLSX', async () => {
    expect(await readDocumentFile(await docx, 'seed.docx')).toEqual(seed);
    expect(await readDocumentFile(await xlsx, 'seed.xlsx')).toEqual(seed);
  });
});
