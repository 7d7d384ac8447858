/**
 * Automatic snapshots of the embedded database: one is written only after data changed, it is
 * complete (restores into an empty database), no partial file is left behind, and only the newest
 * are kept.
 */
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { restoreSnapshot } from '../store/backup.ts';
import { openStore, type Store } from '../store/database.ts';
import { snapshotDir, snapshotName, startSnapshots, type Snapshotter } from './snapshots.ts';

describe('automatic snapshots', () => {
  const root = mkdtempSync(join(tmpdir(), 'jixiao-snapshots-'));
  const dataDir = join(root, 'data');
  let store: Store;
  let generation = 0;
  let clock = new Date('2026-11-25T08:00:00Z');
  let snapshots: Snapshotter;
  const errors: unknown[] = [];

  const addBureau = async (code: string) => {
    await sql`insert into bureaus (code, name) values (${code}, ${`测试财政局${code}`})`.execute(store.db);
    generation++;
  };
  const files = () => readdirSync(snapshotDir(dataDir)).sort();

  beforeAll(async () => {
    store = await openStore({ dataDir });
    snapshots = startSnapshots({
      db: store.db,
      dataDir,
      schedule: { everyMinutes: 0, keep: 2 },
      generation: () => generation,
      onError: (e) => errors.push(e),
      now: () => clock,
    });
  }, 120_000);
  afterAll(async () => {
    await snapshots.stop();
    await store.close();
    rmSync(root, { recursive: true, force: true });
  });

  it('writes nothing while nothing changed', async () => {
    expect(await snapshots.takeIfChanged()).toBeNull();
    expect(existsSync(snapshotDir(dataDir))).toBe(false);
  });

  it('writes a complete snapshot after a change, and not again until the next one', async () => {
    await addBureau('900001');
    const file = await snapshots.takeIfChanged();
    expect(file).toBe(join(snapshotDir(dataDir), 'jixiao-20261125-080000.jsonl.gz'));
    expect(await snapshots.takeIfChanged()).toBeNull();
    expect(files()).toEqual(['jixiao-20261125-080000.jsonl.gz']);

    const copy = await openStore({ dataDir: join(root, 'copy') });
    try {
      await restoreSnapshot(copy.db, file!);
      const codes = await sql<{ code: string }>`select code from bureaus order by code`.execute(copy.db);
      expect(codes.rows.map((r) => r.code)).toContain('900001');
    } finally {
      await copy.close();
    }
  }, 120_000);

  it('keeps only the newest snapshots', async () => {
    for (const [i, at] of ['09:00:00', '10:00:00', '11:30:00'].entries()) {
      clock = new Date(`2026-11-25T${at}Z`);
      await addBureau(`90001${i}`);
      await snapshots.takeIfChanged();
    }
    expect(files()).toEqual(['jixiao-20261125-100000.jsonl.gz', 'jixiao-20261125-113000.jsonl.gz']);
    expect(errors).toEqual([]);
  }, 120_000);

  it('names snapshots so that they sort by time', () => {
    expect(snapshotName(new Date('2027-01-02T03:04:05Z'))).toBe('jixiao-20270102-030405.jsonl.gz');
  });
});
