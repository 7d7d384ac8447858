/**
 * Two writers on the same version: exactly one wins, the other gets 409 with the current version,
 * and the winner's change is what the document holds — no lost update. Also after-the-fact: the
 * audit log refuses UPDATE and DELETE at the database itself.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorld, type World } from './fixture.testing.ts';
import { testDatabases } from './testing.ts';

for (const make of testDatabases()) {
  const database = make();
  describe(`concurrent writers on ${database.name}`, () => {
    let w: World;
    beforeAll(async () => {
      w = await openWorld(database);
    }, 120_000);
    afterAll(() => w?.close());

    it('lets exactly one of two writers on one version through; the other retries on the version it is told', async () => {
      const unit = w.clients.ownUnit;
      const doc = (await unit.request('GET', `/api/documents/${w.draftId}`)).json();
      const version: number = doc.meta.version;
      const rows = doc.projects.slice(0, 2).map((p: { indicators: Array<{ id: number }> }) => p.indicators[0]!) as Array<{ id: number }>;
      const edit = ({ id, ...row }: { id: number }, basis: string, onVersion: number) =>
        unit.request('PUT', `/api/indicators/${id}`, { headers: { 'if-match': `"${onVersion}"` }, body: { indicator: { ...row, basis } } });
      const bases = ['依据甲', '依据乙'];
      const results = await Promise.all(rows.map((row, i) => edit(row, bases[i]!, version)));
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409]);
      const loser = results.findIndex((r) => r.statusCode === 409);
      const winner = 1 - loser;
      expect(results[winner]!.json()).toEqual({ version: version + 1 });
      // It names who saved the current version: here the same account, as from another window.
      const { user: me } = (await unit.request('GET', '/api/auth/me')).json();
      expect(results[loser]!.json()).toMatchObject({
        code: 'stale_version',
        currentVersion: version + 1,
        writtenBy: { id: me.id, name: me.displayName },
      });
      const stored = () =>
        unit
          .request('GET', `/api/documents/${w.draftId}`)
          .then((r) => r.json())
          .then((d) => ({ version: d.meta.version, bases: [d.projects[0].indicators[0].basis, d.projects[1].indicators[0].basis] }));
      // The winner's edit is stored, the loser's is not.
      const afterRace = await stored();
      expect(afterRace.version).toBe(version + 1);
      expect(afterRace.bases[winner]).toBe(bases[winner]);
      expect(afterRace.bases[loser]).not.toBe(bases[loser]);

      // The loser retries on the version the 409 named and gets through: both edits are kept.
      const retry = await edit(rows[loser]!, bases[loser]!, results[loser]!.json().currentVersion);
      expect(retry.statusCode).toBe(200);
      expect(await stored()).toEqual({ version: version + 2, bases });
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
      const n = await w.store.db
        .selectFrom('audit_log')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(n.n).toBeGreaterThan(0);
    });
  });
}
