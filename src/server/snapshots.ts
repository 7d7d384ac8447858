/**
 * Automatic snapshots of the embedded database. PGlite runs PostgreSQL with fsync off and its file
 * layer cannot flush, so a killed process loses nothing it confirmed (the crash test proves it)
 * but a power cut or an operating-system crash may lose recent commits or damage the data
 * directory. Snapshots close that gap: while writes happen, a consistent snapshot (the same file
 * `jixiao backup` writes, flushed to disk before it is named) is taken every so often into
 * DATA/snapshots, and the newest few are kept. `jixiao restore` brings one back.
 */
import { mkdir, readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { writeSnapshot } from '../store/backup.ts';
import type { Database } from '../store/schema.ts';
import type { SnapshotSchedule } from './snapshot-schedule.ts';

export const snapshotDir = (dataDir: string) => join(dataDir, 'snapshots');

const NAME = /^jixiao-\d{8}-\d{6}\.jsonl\.gz$/;

/** "jixiao-20261125-103000.jsonl.gz": names sort by time. */
export function snapshotName(at: Date): string {
  const stamp = at.toISOString().replace(/[-:]/g, '').replace('T', '-').slice(0, 15);
  return `jixiao-${stamp}.jsonl.gz`;
}

export interface Snapshotter {
  /** Takes a snapshot if anything was written since the last one; returns its path, or null. */
  takeIfChanged(): Promise<string | null>;
  /** Stops the timer and takes a last snapshot if anything changed. */
  stop(): Promise<void>;
}

export function startSnapshots(options: {
  db: Kysely<Database>;
  dataDir: string;
  schedule: SnapshotSchedule;
  /** Changes whenever a write commits (the read cache's generation). */
  generation: () => number;
  onError: (error: unknown) => void;
  now?: () => Date;
}): Snapshotter {
  const dir = snapshotDir(options.dataDir);
  let taken = options.generation();
  let running: Promise<string | null> | null = null;

  const take = async (): Promise<string | null> => {
    const generation = options.generation();
    if (generation === taken) return null;
    await mkdir(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, snapshotName(options.now?.() ?? new Date()));
    await writeSnapshot(options.db, file);
    taken = generation;
    const old = (await readdir(dir))
      .filter((n) => NAME.test(n))
      .sort()
      .slice(0, -options.schedule.keep);
    for (const name of old) await rm(join(dir, name), { force: true });
    return file;
  };
  const takeIfChanged = () => (running ??= take().finally(() => (running = null)));

  const timer =
    options.schedule.everyMinutes > 0
      ? setInterval(() => takeIfChanged().catch(options.onError), options.schedule.everyMinutes * 60_000)
      : undefined;
  timer?.unref();

  return {
    takeIfChanged,
    async stop() {
      clearInterval(timer);
      if (options.schedule.everyMinutes > 0) await takeIfChanged();
    },
  };
}
