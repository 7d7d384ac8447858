/**
 * Uploads over HTTP, on PGlite and PostgreSQL: a ZIP bomb (honest or lying about its sizes, or of too
 * many parts) is refused with 413 and a Chinese message naming the file, a broken package with 422;
 * an upload over the size limit with 413. Files are read in a worker thread: while one is being read,
 * the server answers other requests.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_UPLOAD_BYTES, MAX_ZIP_ENTRIES } from '../formats/limits.ts';
import { docxBomb, docxWithParts, lyingAbout, xlsxBomb, zipOf } from '../formats/zip-bomb.testing.ts';
import { openWorld, type World } from './fixture.testing.ts';
import { ParsePool } from './parse-pool.ts';
import { testDatabases } from './testing.ts';

/** Atomics.waitAsync (ES2024; Node has it, the project's lib is ES2023). */
const waitAsync = (
  Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number): { async: boolean; value: Promise<string> | string } }
).waitAsync;

const TOO_LARGE = '文件解压后超过 20 MB 的上限，未予读取（请拆分后分别导入）';

for (const make of testDatabases()) {
  const database = make();
  describe(`upload limits over HTTP on ${database.name}`, () => {
    let w: World;
    // The test worker holds each file while gate[0] is 0 and counts the files it has held in gate[1].
    const gate = new Int32Array(new SharedArrayBuffer(8));
    const preview = (file: string, bytes: Uint8Array) =>
      w.clients.ownUnit.request('POST', `/api/import/preview?fileName=${encodeURIComponent(file)}`, { raw: Buffer.from(bytes) });
    const actualsPreview = (file: string, bytes: Uint8Array) =>
      w.clients.ownUnit.request('POST', `/api/documents/${w.draftId}/actuals/import/preview?fileName=${encodeURIComponent(file)}`, {
        raw: Buffer.from(bytes),
      });

    beforeAll(async () => {
      Atomics.store(gate, 0, 1);
      const parsePool = new ParsePool({ module: new URL('./parse-worker.testing.ts', import.meta.url), workerData: { gate: gate.buffer } });
      w = await openWorld(database, { parsePool });
    }, 120_000);
    afterAll(() => w?.close());

    it('a DOCX of 300 MB of XML, honest about it, is 413 with the reason in Chinese', async () => {
      const r = await preview('炸弹.docx', zipOf(docxBomb(300)));
      expect(r.statusCode, r.body).toBe(413);
      expect(r.json()).toEqual({ code: 'too_large', message: `文件无法读取：炸弹.docx：${TOO_LARGE}`, location: { file: '炸弹.docx' } });
    });

    it('an XLSX that lies about its sizes is 413, as a document and as actuals', async () => {
      const bytes = zipOf(lyingAbout(xlsxBomb(300)));
      for (const r of [await preview('liar.xlsx', bytes), await actualsPreview('liar.xlsx', bytes)]) {
        expect(r.statusCode, r.body).toBe(413);
        expect(r.json().message).toBe(`文件无法读取：liar.xlsx：${TOO_LARGE}`);
      }
    });

    it(`a package of more than ${MAX_ZIP_ENTRIES} parts is 413`, async () => {
      const r = await preview('parts.docx', zipOf(docxWithParts(MAX_ZIP_ENTRIES)));
      expect(r.statusCode, r.body).toBe(413);
      expect(r.json().message).toContain(`文件包含的部件超过 ${MAX_ZIP_ENTRIES} 个`);
    });

    it('a broken package is 422 naming the file, as a document and as actuals', async () => {
      const broken = zipOf(docxBomb(1)).subarray(0, 2000);
      for (const r of [await preview('cut.docx', broken), await actualsPreview('cut.xlsx', broken)]) {
        expect(r.statusCode, r.body).toBe(422);
        expect(r.json()).toMatchObject({ code: 'unreadable', location: { file: expect.stringMatching(/^cut\./) } });
        expect(r.json().message).toContain('文件已损坏或不完整');
      }
    });

    it('an upload over the size limit is 413 with the limit in Chinese', async () => {
      const r = await preview('big.txt', new Uint8Array(MAX_UPLOAD_BYTES + 1));
      expect(r.statusCode, r.body).toBe(413);
      expect(r.json()).toEqual({ code: 'too_large', message: '请求内容超过大小上限（上传的文件最大 50 MB）。' });
    });

    it('while a file is being read, an anonymous list is answered; the file is read after', async () => {
      Atomics.store(gate, 0, 0);
      const held = Atomics.load(gate, 1);
      let settled = false;
      const upload = preview('炸弹.docx', zipOf(lyingAbout(docxBomb(300)))).finally(() => (settled = true));
      // The worker has the file and its thread is blocked, as by a long parse.
      const waiting = waitAsync(gate, 1, held);
      if (waiting.async) await waiting.value;
      const list = await w.clients.anonymous.request('GET', '/api/public/documents');
      expect(list.statusCode).toBe(200);
      expect(settled).toBe(false);
      Atomics.store(gate, 0, 1);
      Atomics.notify(gate, 0);
      expect((await upload).statusCode).toBe(413);
    });
  });
}
