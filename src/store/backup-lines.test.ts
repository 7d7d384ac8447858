/**
 * A backup is read a line at a time as it is inflated: a gzip bomb of one endless line is refused at
 * the line limit, while a backup of any number of lines reads whole.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { constants, deflateRawSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { pgliteDatabase } from './testing.ts';
import { MAX_BACKUP_LINE_BYTES } from '../formats/limits.ts';
import { BACKUP_FORMAT, linesOf, restoreSnapshot, RestoreError } from './backup.ts';
import { latestMigration } from './migrations/index.ts';

const MiB = 1024 * 1024;

/** A gzip file of the header line and then one line of `mebibytes` MiB of spaces, from a MiB deflated once and copied. */
function gzipBomb(mebibytes: number): Buffer {
  const header = `${JSON.stringify({ format: BACKUP_FORMAT, version: 1, schema: latestMigration })}\n{"t":"units","r":{"name":"`;
  const flushed = (bytes: Buffer) => deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const block = flushed(Buffer.alloc(MiB, ' '));
  // No trailer: a reader that checks the CRC at the end has been stopped long before.
  return Buffer.concat([
    Buffer.from([0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]),
    flushed(Buffer.from(header)),
    ...Array.from({ length: mebibytes }, () => block),
  ]);
}

describe('restoring a backup line by line', () => {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-restore-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('a 1.5 MB file holding one line of 1 GB is refused at the line limit', async () => {
    const file = join(dir, 'bomb.jsonl.gz');
    const bomb = gzipBomb(1024);
    expect(bomb.length).toBeLessThan(2 * MiB);
    writeFileSync(file, bomb);
    const database = pgliteDatabase();
    const store = await database.open();
    try {
      const refusal = await restoreSnapshot(store.db, file).catch((e: unknown) => e);
      expect(refusal).toBeInstanceOf(RestoreError);
      expect((refusal as RestoreError).reason).toBe('bad-file');
      expect((refusal as RestoreError).message).toBe(`第 2 行解压后超过 ${MAX_BACKUP_LINE_BYTES / MiB} MB，不是 jixiao 写出的快照`);
    } finally {
      await store.close();
      await database.dispose();
    }
  }, 60_000);

  it('lines are read whole however many there are, each within the limit, however they are split into chunks', async () => {
    const lines = Array.from({ length: 1000 }, (_, i) => `{"n":${i},"text":"第${i}行"}`);
    const text = Buffer.from(`${lines.join('\n')}\n`);
    // Chunks of 7 bytes split lines, and the characters of a line, anywhere.
    const chunks = Array.from({ length: Math.ceil(text.length / 7) }, (_, i) => text.subarray(i * 7, i * 7 + 7));
    const read: string[] = [];
    for await (const line of linesOf(Readable.from(chunks), 40)) read.push(line);
    expect(read).toEqual(lines);
    await expect(async () => {
      for await (const line of linesOf(Readable.from(chunks), 20)) expect(line.length).toBeLessThanOrEqual(20);
    }).rejects.toThrow(RestoreError);
  });
});
