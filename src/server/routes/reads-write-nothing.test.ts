/**
 * No read writes (issue 14): the dashboards, the warning list and the totals read the aggregates as
 * they are — a document whose derived rows are out of date, or queued work, is left to the writer
 * and the background worker; the list says how much is pending. Every statement that writes to any
 * table but the sessions' (a signed-in request touches its session) is logged by a trigger.
 * On PGlite and PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorld, type World } from '../fixture.testing.ts';
import { testDatabases } from '../testing.ts';

for (const make of testDatabases()) {
  const database = make();
  describe(`reads write nothing on ${database.name}`, () => {
    let w: World;
    let published: number;
    const log = async () => (await sql<{ tbl: string; op: string }>`select tbl, op from write_log`.execute(w.store.db)).rows;
    beforeAll(async () => {
      w = await openWorld(database);
      const db = w.store.db;
      await sql`create table write_log (tbl text not null, op text not null)`.execute(db);
      await sql`create function log_write() returns trigger language plpgsql as $$
        begin insert into write_log values (tg_table_name, tg_op); return null; end $$`.execute(db);
      const { rows } = await sql<{ tablename: string }>`select tablename from pg_tables
        where schemaname = current_schema() and tablename not in ('write_log', 'sessions')`.execute(db);
      for (const { tablename } of rows)
        await sql`create trigger log_write after insert or update or delete on ${sql.table(tablename)}
          for each statement execute function log_write()`.execute(db);
      published = (await db.selectFrom('documents').select('id').where('status', '=', 'published').executeTakeFirstOrThrow()).id;
    }, 120_000);
    afterAll(() => w?.close());

    it('reads the dashboards, the warning list and the totals without writing, and says what is pending', async () => {
      const db = w.store.db;
      // Work for the worker, which is stopped: a bureau's settings changed; and a document changed behind the store's back.
      await w.ctx.worker.stop();
      const settings = (await w.clients.admin.request('GET', `/api/bureaus/${w.countyId}/settings`)).json();
      const put = await w.clients.admin.request('PUT', `/api/bureaus/${w.countyId}/settings`, {
        headers: { 'if-match': `"${settings.version}"` },
        body: { monitoring: { ...settings.effective.monitoring.settings, yellowShortfall: '1' }, evaluation: null },
      });
      expect(put.statusCode, put.body).toBe(200);
      await db.updateTable('documents').set({ version: sql`version + 1` }).where('id', '=', published).execute();
      // The log sees writes: the change of settings queued its work, and the document moved on.
      expect(await log()).toEqual(
        expect.arrayContaining([
          { tbl: 'derived_work', op: 'INSERT' },
          { tbl: 'documents', op: 'UPDATE' },
        ]),
      );
      await sql`delete from write_log`.execute(db);

      const year = (await db.selectFrom('documents').select('year').where('id', '=', published).executeTakeFirstOrThrow()).year;
      const reads = [
        `/api/bureaus/${w.countyId}/dashboard?year=${year}`,
        `/api/bureaus/${w.countyId}/dashboard?year=${year}&date=${year}-06-30`,
        `/api/monitoring/projects?year=${year}&date=${year}-12-31`,
        `/api/monitoring/projects?year=${year}&bureauId=${w.countyId}&light=red&limit=1`,
        `/api/bureaus/${w.countyId}/totals?year=${year}`,
        `/api/documents/${published}/dashboard?date=${year}-06-30`,
        `/api/documents/${published}/monitoring?date=${year}-06-30`,
      ];
      for (const url of reads) {
        const r = await w.clients.admin.request('GET', url);
        expect({ url, status: r.statusCode }).toEqual({ url, status: 200 });
      }
      const anonymous = await w.clients.anonymous.request('GET', `/api/public/bureaus/${w.countyId}/totals?year=${year}`);
      expect(anonymous.statusCode).toBe(200);
      const list = (await w.clients.admin.request('GET', `/api/monitoring/projects?year=${year}&bureauId=${w.countyId}`)).json();
      expect(list.pending).toBeGreaterThan(0);
      expect(await log()).toEqual([]);
    });
  });
}
