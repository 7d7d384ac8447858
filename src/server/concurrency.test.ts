/**
 * Two writers on the same version: exactly one wins, the other gets 409 with the current version,
 * and the winner's change is what the document holds — no lost update. Also after-the-fact: the
 * audit log refuses UPDATE and DELETE at the database itself.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorld, type World } from './fixture.testing.ts';
import { postgresRequired, POSTGRES_URL, testDatabases } from './testing.ts';

if (postgresRequired && !POSTGRES_URL)
  it('runs on PostgreSQL in CI', () => {
    throw new Error('JIXIAO_TEST_DATABASE_URL is not set: CI must run the API tests on PostgreSQL');
  });

for (const make of testDatabases()) {
  const database = make();
  describe(`concurrent writers on ${database.name}`, () => {
    let w: World;
    beforeAll(async () => {
      w = await openWorld(database);
    }, 120_000);
    afterAll(() => w?.close());

    it('lets exactly one of two writers on one version through', async () => {
      const unit = w.clients.ownUnit;
      const doc = (await unit.request('GET', `/api/documents/${w.draftId}`)).json();
      const version: number = doc.meta.version;
      const [a, b] = doc.projects.slice(0, 2).map((p: { id: number; indicators: Array<{ id: number }> }) => p.indicators[0]!);
      const edit = (row: { id: number }, basis: string) => {
        const { id, ...content } = row as { id: number } & Record<string, unknown>;
        return unit.request('PUT', `/api/indicators/${id}`, { headers: { 'if-match': `"${version}"` }, body: { indicator: { ...content, basis } } });
      };
      const results = await Promise.all([edit(a, '依据甲'), edit(b, '依据乙')]);
      const codes = results.map((r) => r.statusCode).sort();
      expect(codes).toEqual([200, 409]);
      const loser = results.find((r) => r.statusCode === 409)!;
      expect(loser.json()).toMatchObject({ code: 'stale_version', currentVersion: version + 1 });
      const after = (await unit.request('GET', `/api/documents/${w.draftId}`)).json();
      expect(after.meta.version).toBe(version + 1);
      const bases = [after.projects[0].indicators[0].basis, after.projects[1].indicators[0].basis];
      const winner = results[0]!.statusCode === 200 ? '依据甲' : '依据乙';
      expect(bases.filter((x: string) => x === winner)).toHaveLength(1);
      expect(bases.filter((x: string) => x === '依据甲' || x === '依据乙')).toHaveLength(1);

      // The loser retries on the current version and gets through: nothing is lost.
      const retry = results[0]!.statusCode === 409 ? edit({ ...a }, '依据甲') : edit({ ...b }, '依据乙');
      expect((await retry).statusCode).toBe(409); // still names the old version…
      const r2 = await unit.request('PUT', `/api/indicators/${(results[0]!.statusCode === 409 ? a : b).id}`, {
        headers: { 'if-match': `"${version + 1}"` },
        body: { indicator: { ...(results[0]!.statusCode === 409 ? a : b), id: undefined, basis: '重试' } },
      });
      expect(r2.statusCode).toBe(200);
    });

    it('serialises many concurrent writers: versions advance by exactly the successes', async () => {
      const unit = w.clients.ownUnit;
      const doc = (await unit.request('GET', `/api/documents/${w.draftId}`)).json();
      const start: number = doc.meta.version;
      const department = { overallGoal: '目标', subGoals: [], safeguards: [] };
      const results = await Promise.all(
        Array.from({ length: 8 }, () =>
          unit.request('PUT', `/api/documents/${w.draftId}/department`, { headers: { 'if-match': `"${start}"` }, body: { department } }),
        ),
      );
      expect(results.filter((r) => r.statusCode === 200)).toHaveLength(1);
      expect(results.filter((r) => r.statusCode === 409)).toHaveLength(7);
      expect((await unit.request('GET', `/api/documents/${w.draftId}`)).json().meta.version).toBe(start + 1);
    });

    it('keeps the audit log append-only in the database', async () => {
      await expect(sql`update audit_log set action = 'x'`.execute(w.store.db)).rejects.toThrow(/append-only/);
      await expect(sql`delete from audit_log`.execute(w.store.db)).rejects.toThrow(/append-only/);
      const n = await w.store.db.selectFrom('audit_log').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
      expect(n.n).toBeGreaterThan(0);
    });
  });
}
