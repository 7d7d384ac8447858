/**
 * Loaded into the real server process by the crash test (`node --import tsx --import this-file`),
 * never by the application. It stops the process dead at a chosen moment of an import, so that a
 * SIGKILL lands exactly there instead of wherever a timer happens to fall:
 *
 * - `indicators`: the import's INSERT of indicator rows is about to run (mid-transaction);
 * - `commit-flushing`: inside COMMIT, the first write to the write-ahead log has reached the kernel
 *   only halfway (a torn WAL write);
 * - `committed`: the database has returned from COMMIT, the HTTP response is not yet sent.
 *
 * The point is read from the file named by JIXIAO_CRASH_ARM when an import's bulk INSERT into
 * projects is seen (so sign-ins and other writes pass), which is then announced on stderr as
 * `import began`. On reaching the point the process writes `crash point reached: NAME` to stderr
 * and blocks its only thread until it is killed.
 *
 * With JIXIAO_CRASH_HOLD it also makes a standby server (see the end of this file).
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import pg from 'pg';

export type CrashPoint = 'indicators' | 'commit-flushing' | 'committed';

const armFile = process.env.JIXIAO_CRASH_ARM;
const holdFile = process.env.JIXIAO_CRASH_HOLD;
// PGlite's file system calls node:fs through the CommonJS module object: patched here, seen there.
const fs = createRequire(import.meta.url)('node:fs') as typeof import('node:fs');

function reached(point: CrashPoint): never {
  fs.writeSync(2, `crash point reached: ${point}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0);
  throw new Error('unreachable: the process is killed while blocked');
}

if (armFile) {
  let armed: CrashPoint | null = null;
  let flushing = false;

  const walFds = new Set<number>();
  const openSync = fs.openSync;
  fs.openSync = ((path: Parameters<typeof openSync>[0], ...rest: unknown[]) => {
    const fd = (openSync as (...a: unknown[]) => number)(path, ...rest);
    if (String(path).includes('/pg_wal/')) walFds.add(fd);
    return fd;
  }) as typeof openSync;
  const writeSync = fs.writeSync as (fd: number, buffer: Uint8Array, offset?: number, length?: number, position?: number | null) => number;
  fs.writeSync = ((fd: number, buffer: Uint8Array, offset?: number, length?: number, position?: number | null) => {
    if (flushing && walFds.has(fd) && typeof length === 'number' && length > 1) {
      writeSync(fd, buffer, offset, Math.floor(length / 2), position);
      reached('commit-flushing');
    }
    return writeSync(fd, buffer, offset, length, position);
  }) as typeof fs.writeSync;

  const query = pg.Client.prototype.query as (this: pg.Client, ...args: unknown[]) => unknown;
  pg.Client.prototype.query = function (this: pg.Client, ...args: unknown[]) {
    const text = typeof args[0] === 'string' ? args[0].trimStart() : '';
    if (/^insert into "projects"/i.test(text)) {
      if (armed === null && existsSync(armFile)) armed = readFileSync(armFile, 'utf8').trim() as CrashPoint;
      fs.writeSync(2, 'import began\n');
    }
    if (armed === 'indicators' && /^insert into "indicators"/i.test(text)) reached('indicators');
    if (/^commit$/i.test(text)) {
      if (armed === 'commit-flushing') flushing = true;
      if (armed === 'committed') return (query.apply(this, args) as Promise<unknown>).then(() => reached('committed'));
    }
    return query.apply(this, args);
  } as typeof pg.Client.prototype.query;
}

// A standby server: the server's modules are loaded now (seconds of work), the command itself runs
// (takes the data directory, opens the database, listens) only once the hold file exists, so the
// test's restart after a kill measures opening the database, not loading code.
if (holdFile) {
  await import('./serve.ts');
  while (!existsSync(holdFile)) await new Promise((resolve) => setTimeout(resolve, 20));
}
