/**
 * The parse pool with its real worker: documents and actuals come back as the readers return them,
 * and a reader's ImportError comes back intact (class, place, reason); a file that needs more memory
 * than a thread has stops that thread only; closing the pool fails what is left.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeDocx } from '../formats/docx/write-docx.ts';
import { ImportError } from '../formats/import-error.ts';
import { MAX_ZIP_UNPACKED_BYTES } from '../formats/limits.ts';
import { seedDocuments } from '../formats/publication/fixtures.testing.ts';
import { docxBomb, lyingAbout, zipOf } from '../formats/zip-bomb.testing.ts';
import { MAX_INFLATE_STEP_OUTPUT, ZipLimitError } from '../formats/zip-reader.ts';
import { ROOT } from './fixture.testing.ts';
import { ParseMemoryError, ParsePool } from './parse-pool.ts';

const seed = seedDocuments();
const ACTUALS = readFileSync(join(ROOT, 'src/formats/actuals/fixtures/huailai-2020-actuals.csv'));

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  return promise.then(
    () => expect.fail('expected a rejection'),
    (e: unknown) => e,
  );
}

describe('the parse pool', () => {
  const pool = new ParsePool();
  afterAll(() => pool.close());

  it('reads documents and actuals as the readers do', async () => {
    expect(await pool.readDocument(await writeDocx(seed, { contentsPageNumbers: false }), 'seed.docx')).toEqual(seed);
    const actuals = await pool.readActuals(ACTUALS, 'a.csv', seed);
    expect(actuals.projects.map((p) => p.projectCode)).toEqual(seed[0]!.projects.map((p) => p.code));
  });

  it('gives back a reader’s ImportError with its place and reason', async () => {
    const e = await rejection(
      pool.readActuals(Buffer.from('项目编码,指标序号,实际值,日期,说明\n315-0105-JBN-2D9U,,abc,2020-03-31,\n'), 'bad.csv', seed),
    );
    expect(e).toBeInstanceOf(ImportError);
    const { location, reason, message } = e as ImportError;
    expect(location).toEqual({ file: 'bad.csv', line: 2, field: '实际值' });
    expect(message).toBe(`bad.csv 第 2 行 字段「实际值」：${reason}`);
  });

  it('gives back a ZipLimitError with the bytes inflated before the refusal', async () => {
    const e = await rejection(pool.readDocument(zipOf(lyingAbout(docxBomb(300))), 'liar.docx'));
    expect(e).toBeInstanceOf(ZipLimitError);
    expect((e as ZipLimitError).inflated).toBeGreaterThan(MAX_ZIP_UNPACKED_BYTES);
    expect((e as ZipLimitError).inflated).toBeLessThanOrEqual(MAX_ZIP_UNPACKED_BYTES + MAX_INFLATE_STEP_OUTPUT);
  });

  it('a file that needs more memory than its thread has stops that thread; the next file is read by another', async () => {
    const small = new ParsePool({ heapMb: 48 });
    // Many small rows: the heap fills a row at a time, so the thread is stopped at its limit.
    const rows = Buffer.from(`项目编码,指标序号,实际值,日期,说明\n${'315-0105-JBN-2D9U,1,96%,2020-03-31,说明文字\n'.repeat(400_000)}`);
    try {
      expect(await rejection(small.readActuals(rows, 'many.csv', seed))).toBeInstanceOf(ParseMemoryError);
      expect(await small.readDocument(await writeDocx(seed, { contentsPageNumbers: false }), 'seed.docx')).toEqual(seed);
    } finally {
      await small.close();
    }
  }, 60_000);

  it('closing fails the files not yet read, and any after', async () => {
    const closing = new ParsePool({ size: 1 });
    const pending = [closing.readDocument(zipOf(docxBomb(1)), 'a.docx'), closing.readDocument(zipOf(docxBomb(1)), 'b.docx')].map(rejection);
    await closing.close();
    for (const e of await Promise.all(pending)) expect(e).toBeInstanceOf(Error);
    expect(await rejection(closing.readDocument(new Uint8Array(), 'c.txt'))).toBeInstanceOf(Error);
  });
});
