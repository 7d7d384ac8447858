/**
 * Backup and restore: a snapshot taken while the server is answering requests restores into an
 * empty database with every row equal; restoring over data is refused. Also through the control
 * socket, as `jixiao backup` does when a server owns the data directory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BACKUP_TABLES, restoreSnapshot, RestoreError, writeSnapshot } from '../store/backup.ts';
import type { Store } from '../store/database.ts';
import { askServer, listenControl } from './control.ts';
import { openWorld, type World } from './fixture.testing.ts';
import { pgliteDatabase, testDatabases } from './testing.ts';

async function dump(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of BACKUP_TABLES) {
    const keys = sql.join(t.key.map((k) => sql.ref(k)));
    out[t.name] = (await sql`select * from ${sql.table(t.name)} order by ${keys}`.execute(store.db)).rows;
  }
  return out;
}

for (const make of testDatabases()) {
  const database = make();
  describe(`backup and restore on ${database.name}`, () => {
    let w: World;
    const dir = mkdtempSync(join(tmpdir(), 'jixiao-backup-'));
    beforeAll(async () => {
      w = await openWorld(database);
    }, 120_000);
    afterAll(async () => {
      await w?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    it('restores a snapshot taken while serving, row for row', async () => {
      const file = join(dir, 'snapshot.jsonl.gz');
      // Readers and a writer keep going while the snapshot is written.
      const load = Promise.all([
        ...Array.from({ length: 20 }, () => w.clients.reviewer.request('GET', '/api/documents?year=2020')),
        w.clients.ownUnit.request('POST', `/api/documents/${w.draftId}/comments`, { body: { body: '备份期间的意见' } }),
      ]);
      const rows = await writeSnapshot(w.store.db, file);
      const responses = await load;
      expect(responses.every((r) => r.statusCode < 300)).toBe(true);
      const source = await dump(w.store);
      const comments = source.comments!.length;
      // The snapshot is one point in time: the comment is wholly in it or wholly out (its audit row with it).
      expect(rows).toBeGreaterThan(100);
      // The demo's submissions kept their content: a restore carries it.
      expect(source.document_snapshots!.length).toBeGreaterThan(0);

      const target = pgliteDatabase();
      const restored = await target.open();
      try {
        expect(await restoreSnapshot(restored.db, file)).toBe(rows);
        const copy = await dump(restored);
        const inSnapshot = copy.comments!.length;
        expect([comments - 1, comments]).toContain(inSnapshot);
        if (inSnapshot === comments) expect(copy).toEqual(source);
        else expect({ ...copy, comments: source.comments, audit_log: source.audit_log }).toEqual(source);
        // Ids continue after the restored ones.
        const [next] = (await sql<{ id: number }>`insert into budget_years (year) values (2099) returning year as id`.execute(restored.db))
          .rows;
        expect(next!.id).toBe(2099);
        await expect(restoreSnapshot(restored.db, file)).rejects.toBeInstanceOf(RestoreError);
      } finally {
        await restored.close();
        await target.dispose();
      }
    });

    it('writes the snapshot through the control socket of the process that owns the data', async () => {
      const control = await listenControl(w.store, dir, () => {});
      try {
        const file = join(dir, 'via-socket.jsonl.gz');
        const response = await askServer(dir, { command: 'backup', file });
        expect(response).toMatchObject({ ok: true });
        expect((response as { rows: number }).rows).toBeGreaterThan(100);
      } finally {
        control.close();
      }
    });
  });
}
