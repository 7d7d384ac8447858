/**
 * The shared counters behind rate limits and failed logins, on PGlite and PostgreSQL: hits count
 * within a key's window, a hit after the window starts a new one, and windows that are over are
 * swept when a new key arrives. A window is made to be over by setting its end in the past, not by
 * waiting for it.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from './database.ts';
import { clearCount, countHit, readCount } from './rate-limits.ts';
import { testDatabases } from './testing.ts';

const MINUTE = 60_000;

for (const make of testDatabases()) {
  const database = make();
  describe(`rate-limit counters on ${database.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await database.open();
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await database.dispose();
    });
    const endWindow = (key: string) =>
      store.db.updateTable('rate_limits').set({ expires_at: sql<Date>`now() - interval '1 second'` }).where('key', '=', key).execute();

    it('counts hits within the window and says how long it has left', async () => {
      expect(await readCount(store.db, 'a')).toEqual({ hits: 0, ttl: 0 });
      expect((await countHit(store.db, 'a', MINUTE)).hits).toBe(1);
      const second = await countHit(store.db, 'a', MINUTE);
      expect(second.hits).toBe(2);
      expect(second.ttl).toBeGreaterThan(MINUTE - 5_000);
      expect(second.ttl).toBeLessThanOrEqual(MINUTE);
      expect((await readCount(store.db, 'a')).hits).toBe(2);
      expect((await countHit(store.db, 'b', MINUTE)).hits).toBe(1);
      await clearCount(store.db, 'a');
      expect((await readCount(store.db, 'a')).hits).toBe(0);
    });

    it('starts a new window after the last, and sweeps windows that are over when a new key arrives', async () => {
      await countHit(store.db, 'c', MINUTE);
      await countHit(store.db, 'c', MINUTE);
      await endWindow('c');
      expect(await readCount(store.db, 'c')).toEqual({ hits: 0, ttl: 0 });
      expect((await countHit(store.db, 'c', MINUTE)).hits).toBe(1);

      await countHit(store.db, 'gone', MINUTE);
      await endWindow('gone');
      await countHit(store.db, 'c', MINUTE);
      expect(await store.db.selectFrom('rate_limits').select('key').where('key', '=', 'gone').execute()).toHaveLength(1);
      await countHit(store.db, 'new', MINUTE);
      expect(await store.db.selectFrom('rate_limits').select('key').orderBy('key').execute()).toEqual([
        { key: 'b' },
        { key: 'c' },
        { key: 'new' },
      ]);
    });
  });
}
