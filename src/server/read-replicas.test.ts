/**
 * Read replicas (DATABASE_REPLICA_URLS): the app on a PostgreSQL primary and its streaming replica.
 * The replica's replay is paused to tell the two apart: what a read sees then says where it ran.
 * GETs are served by the replica, writes by the primary, and a session that wrote reads its write
 * at once (from the primary) while other sessions read the replica; once the replica has replayed
 * the write, the writer reads from the replica again. A replica that cannot be reached leaves its
 * reads to the primary.
 */
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/database.ts';
import { postgresDatabase, replicaCaughtUp, testServer, type TestDatabase, type TestServer } from '../store/testing.ts';
import { buildApp } from './app.ts';
import type { DemoAccount } from './demo.ts';
import { openDemo } from './fixture.testing.ts';
import { TestClient } from './testing.ts';

describe('read replicas', () => {
  let server: TestServer;
  let primaryUrl: string;
  let replicaUrl: string;
  beforeAll(async () => {
    server = await testServer({ replica: true });
    primaryUrl = server.primaryUrl;
    replicaUrl = server.replicaUrl!;
  }, 120_000);
  afterAll(() => server?.stop());

  describe('reads on a PostgreSQL replica', () => {
    let store: Store;
    let app: FastifyInstance;
    let accounts: DemoAccount[];
    let close: () => Promise<void>;
    let replica: pg.Client;
    const demo = (role: string) => accounts.find((a) => a.role === role)!;

    async function pauseReplay() {
      await replica.query('SELECT pg_wal_replay_pause()');
      // Pausing is requested, then takes effect between two WAL records.
      for (;;) {
        const { rows } = await replica.query<{ state: string }>('SELECT pg_get_wal_replay_pause_state() AS state');
        if (rows[0]!.state === 'paused') return;
        await new Promise((resolve) => setTimeout(resolve, 10));
      }
    }
    async function resumeReplay() {
      await replica.query('SELECT pg_wal_replay_resume()');
      await replicaCaughtUp(primaryUrl, replicaUrl);
    }

    beforeAll(async () => {
      replica = new pg.Client({ connectionString: replicaUrl });
      await replica.connect();
      ({ store, app, accounts, close } = await openDemo(postgresDatabase(primaryUrl, replicaUrl)));
      expect(store.replicas.count).toBe(1);
    }, 120_000);
    afterAll(async () => {
      await replica?.query('SELECT pg_wal_replay_resume()');
      await replica?.end();
      await close?.();
    });

    it('serves GETs from the replica, writes on the primary, and the writer’s own reads see its write', async () => {
      const admin = new TestClient(app);
      await admin.login(demo('admin').username, demo('admin').password);
      const reviewer = new TestClient(app);
      await reviewer.login(demo('reviewer').username, demo('reviewer').password);
      const visitor = new TestClient(app);
      const unit = await store.db.selectFrom('units').select('id').where('name', '=', '怀来县司法局').executeTakeFirstOrThrow();
      const units = async (client: TestClient, path: string, q: string) =>
        (await client.request('GET', `${path}?q=${encodeURIComponent(q)}`)).json<{ items: Array<{ id: number }> }>().items;
      await resumeReplay();

      await pauseReplay();
      // The replica replays nothing now and refuses writes: a write that succeeds ran on the primary.
      const renamed = await admin.request('PATCH', `/api/admin/units/${unit.id}`, { body: { name: '怀来县司法局（更名）' } });
      expect(renamed.statusCode).toBe(200);
      // The writer reads its write (on the primary, the replica being behind it)…
      expect(await units(admin, '/api/admin/units', '更名')).toEqual([expect.objectContaining({ id: unit.id })]);
      expect(await units(admin, '/api/units', '更名')).toHaveLength(1);
      // …while another session and a visitor read the replica, which has not replayed it.
      expect(await units(reviewer, '/api/units', '更名')).toEqual([]);
      expect(await units(visitor, '/api/public/units', '更名')).toEqual([]);

      await resumeReplay();
      expect(await units(reviewer, '/api/units', '更名')).toHaveLength(1);
      expect(await units(visitor, '/api/public/units', '更名')).toHaveLength(1);

      // The replica has replayed the admin's write: the admin reads from the replica again, so a
      // change it has not replayed yet (made behind the app's back) is not seen.
      await pauseReplay();
      await store.db.updateTable('units').set({ name: '怀来县司法局（再更名）' }).where('id', '=', unit.id).execute();
      expect(await units(admin, '/api/admin/units', '再更名')).toEqual([]);
      expect(await units(admin, '/api/admin/units', '（更名）')).toHaveLength(1);
      await resumeReplay();
      expect(await units(admin, '/api/admin/units', '再更名')).toHaveLength(1);
    });
  });

  describe('a replica that cannot be reached', () => {
    let database: TestDatabase;
    let store: Store;
    let app: FastifyInstance;
    const down: unknown[] = [];
    beforeAll(async () => {
      database = postgresDatabase(primaryUrl);
      await (await database.open()).close();
      // Port 1 on loopback: nothing listens there, a connection is refused at once.
      const nowhere = new URL(replicaUrl);
      nowhere.port = '1';
      store = await openStore({ databaseUrl: database.url!, replicaUrls: [nowhere.toString()] }, { onReplicaDown: (e) => down.push(e) });
      ({ app } = await buildApp({ store, webRoot: null }));
    }, 120_000);
    afterAll(async () => {
      await app?.close();
      await store?.close();
      await database?.dispose();
    });

    it('leaves its reads to the primary, and is reported once', async () => {
      const visitor = new TestClient(app);
      const first = await visitor.request('GET', '/api/public/units');
      const second = await visitor.request('GET', '/api/public/units');
      expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
      expect(down).toHaveLength(1);
    });
  });
});
