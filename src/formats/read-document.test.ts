import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ImportError } from './import-error.ts';
import { importFailure } from './import-error.testing.ts';
import { writeDocx } from './docx/write-docx.ts';
import { generateDocuments } from '../core/model/generate.ts';
import { writeExchangeJson } from './json/exchange.ts';
import { writePublishedText } from './text/write.ts';
import { readDocumentFile, readableExtensions } from './read-document.ts';

const seedBytes = new Uint8Array(readFileSync(resolve(import.meta.dirname, '../../samples/huailai-sifaju-2020.txt')));
const gbk = new Uint8Array(readFileSync(resolve(import.meta.dirname, 'text/fixtures/gb18030.txt')));

describe('readDocumentFile', () => {
  it('recognises the published text format by content, whatever the file is called', async () => {
    const docs = await readDocumentFile(seedBytes, 'download');
    expect(docs[0]!.projects).toHaveLength(6);
    expect((await readDocumentFile(gbk, 'export.dat'))[0]!.unit.name).toBe('怀来县农业农村局');
  });

  it('recognises the exchange JSON, and applies a year override to it too', async () => {
    const seed = await readDocumentFile(seedBytes, 'seed.txt');
    const json = new TextEncoder().encode(writeExchangeJson(seed));
    expect(await readDocumentFile(json, 'targets.txt')).toEqual(seed);
    expect((await readDocumentFile(json, 'targets.json', { year: 2021 }))[0]!.year).toBe(2021);
    expect((await readDocumentFile(seedBytes, 'seed.txt', { year: 2019 }))[0]!.year).toBe(2019);
  });

  it('cleans text no database can hold out of what a file says: NUL dropped, a lone surrogate replaced', async () => {
    const [seed] = await readDocumentFile(seedBytes, 'seed.txt');
    const named = { ...seed!, projects: seed!.projects.map((p, i) => (i === 0 ? { ...p, name: '法律\u0000援助\ud800' } : p)) };
    const read = await readDocumentFile(new TextEncoder().encode(writeExchangeJson([named])), 'targets.json');
    expect(read[0]!.projects[0]!.name).toBe('法律援助\ufffd');
    expect(read[0]!.projects.slice(1)).toEqual(seed!.projects.slice(1));
  });

  it('recognises a large UTF-8 file even where its first 64 KB end inside a character', async () => {
    const text = writePublishedText(generateDocuments({ seed: 4, units: 12, projectsPerUnit: 8 }));
    let bytes = new TextEncoder().encode(text);
    expect(bytes.length).toBeGreaterThan(65536);
    for (let pad = 1; (bytes[65536]! & 0xc0) !== 0x80; pad++) bytes = new TextEncoder().encode('\n'.repeat(pad) + text);
    expect((await readDocumentFile(bytes, 'big.txt')).length).toBe(12);
  });

  it('rejects content it does not know, naming the file', async () => {
    const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
    await expect(readDocumentFile(zip, 'a.docx')).rejects.toBeInstanceOf(ImportError);
    await expect(readDocumentFile(new TextEncoder().encode('会议纪要\n今天开会。\n'), 'notes.txt')).rejects.toThrow(
      /^notes\.txt：无法识别的文件内容/,
    );
  });

  it('holds every reader to the model’s text limits, naming the project, row and field', async () => {
    const [doc] = generateDocuments({ seed: 5, units: 1, projectsPerUnit: [2, 2], year: 2020 });
    const project = doc!.projects[1]!;
    project.indicators[1]!.description = '描述'.repeat(260);
    for (const [name, bytes] of [
      ['long.txt', new TextEncoder().encode(writePublishedText([doc!]))],
      ['long.docx', await writeDocx([doc!])],
    ] as const) {
      const e = await importFailure(readDocumentFile(bytes, name));
      expect(e.location).toEqual({ file: name, project: project.code, indicator: 2, field: '绩效指标描述' });
      expect(e.message).toContain('有 520 个字，超过此栏最多的 500 个字');
    }
  });

  it('lists the file endings a folder import picks up', () => {
    expect(readableExtensions()).toEqual(expect.arrayContaining(['.txt', '.json']));
  });
});
