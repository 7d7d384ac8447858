/**
 * The summary timeline: runs of edits folded into one entry, bodies reduced to what a timeline
 * shows, pages that never split a run. The folding on its own, then the query on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabases } from './testing.ts';
import { createUser } from './accounts.ts';
import { systemActor } from './audit.ts';
import { coalesce, COALESCE_GAP_MS, documentAuditSummary } from './audit-summary.ts';
import type { Store } from './database.ts';

const T0 = Date.UTC(2020, 5, 1, 9, 0, 0);
const minutes = (n: number) => new Date(T0 + n * 60_000);
const entry = (
  id: number,
  at: Date,
  patch: Partial<{ actorId: number | null; action: string; entity: string; entityId: string; name: string }> = {},
) => ({
  id,
  at,
  actorId: patch.actorId === undefined ? 1 : patch.actorId,
  actorName: 'A',
  action: patch.action ?? 'update',
  entity: patch.entity ?? 'project',
  entityId: patch.entityId ?? '7',
  before: { name: `v${id - 1}` },
  after: { name: patch.name ?? `v${id}` },
});

describe('coalesce', () => {
  it('folds consecutive edits of one project by one person into one entry: newest after, oldest before, with the count', () => {
    const runs = coalesce([entry(3, minutes(8)), entry(2, minutes(4)), entry(1, minutes(0))]);
    expect(runs).toEqual([
      { ...entry(3, minutes(8)), firstId: 1, firstAt: minutes(0), count: 3, before: { name: 'v0' }, after: { name: 'v3' } },
    ]);
  });

  it('keeps apart edits further apart than the gap, by someone else, of another entity, and steps that are not edits', () => {
    const gap = COALESCE_GAP_MS / 60_000;
    const rows = [
      entry(6, minutes(40)),
      entry(5, minutes(40 - gap - 1)), // a pause longer than the gap
      entry(4, minutes(20), { actorId: 2 }), // another person
      entry(3, minutes(19), { entityId: '8' }), // another project
      entry(2, minutes(18), { action: 'submit', entity: 'document' }),
      entry(1, minutes(17), { action: 'submit', entity: 'document' }), // workflow steps are never folded
      entry(0, minutes(16), { actorId: null }), // the system
    ];
    expect(coalesce(rows).map((r) => [r.id, r.count])).toEqual([
      [6, 1],
      [5, 1],
      [4, 1],
      [3, 1],
      [2, 1],
      [1, 1],
      [0, 1],
    ]);
  });

  it('measures the gap from the oldest entry of the run, so a long session of typing stays one entry', () => {
    const rows = Array.from({ length: 30 }, (_, k) => entry(30 - k, minutes(4 * (29 - k))));
    const [run] = coalesce(rows);
    expect(run).toMatchObject({ id: 30, firstId: 1, count: 30 });
  });
});

for (const make of testDatabases()) {
  const database = make();
  describe(`documentAuditSummary on ${database.name}`, () => {
    let store: Store;
    beforeAll(async () => {
      store = await database.open();
      const user = await createUser(store.db, systemActor('test'), {
        username: 'typist',
        displayName: '填报员',
        role: 'admin',
        password: 'a-long-password-1',
      });
      const write = (at: Date, action: string, entity: string, entityId: string, before: unknown, after: unknown) =>
        store.db
          .insertInto('audit_log')
          .values({
            at,
            actor_id: user.id,
            actor_name: user.displayName,
            action,
            entity,
            entity_id: entityId,
            document_id: 42,
            before: before === null ? null : JSON.stringify(before),
            after: after === null ? null : JSON.stringify(after),
          })
          .execute();
      await write(minutes(0), 'import', 'document', '42', null, { status: 'draft', projects: [{ name: 'x'.repeat(1000) }] });
      for (let k = 0; k < 12; k++)
        await write(
          minutes(1 + k),
          'update',
          'project',
          '7',
          { name: '普法宣传', indicators: Array(20).fill({ t: 'y' }) },
          { name: '普法宣传', indicators: [] },
        );
      await write(minutes(14), 'create', 'comment', '3', null, { body: '请补充指标值', field: 'indicators.target' });
      await write(minutes(15), 'submit', 'document', '42', { status: 'draft', version: 14 }, { status: 'submitted', version: 15 });
      await store.db
        .insertInto('audit_log')
        .values({
          at: minutes(16),
          actor_id: null,
          actor_name: 'other',
          action: 'update',
          entity: 'project',
          entity_id: '99',
          document_id: 43,
        })
        .execute();
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await database.dispose();
    });

    it('reads the trail as a timeline: each edit run once, bodies reduced to status, name and comment', async () => {
      const { items, nextCursor } = await documentAuditSummary(store.db, 42, { limit: 50 });
      expect(nextCursor).toBeNull();
      expect(items.map((i) => [i.action, i.entity, i.count])).toEqual([
        ['submit', 'document', 1],
        ['create', 'comment', 1],
        ['update', 'project', 12],
        ['import', 'document', 1],
      ]);
      expect(items[0]).toMatchObject({ before: { status: 'draft', version: 14 }, after: { status: 'submitted', version: 15 } });
      expect(items[1]!.after).toEqual({ comment: '请补充指标值' });
      expect(items[2]).toMatchObject({ before: { name: '普法宣传' }, after: { name: '普法宣传' }, firstAt: minutes(1), at: minutes(12) });
      expect(items[3]!.after).toEqual({ status: 'draft' });
    });

    it('pages by runs, the next page starting below the last run shown, never inside it', async () => {
      const first = await documentAuditSummary(store.db, 42, { limit: 3 });
      expect(first.items.map((i) => i.count)).toEqual([1, 1, 12]);
      const second = await documentAuditSummary(store.db, 42, { limit: 3, cursor: first.nextCursor! });
      expect(second.items.map((i) => i.action)).toEqual(['import']);
      expect(second.items[0]!.id).toBeLessThan(first.items[2]!.firstId);
      expect(second.nextCursor).toBeNull();
    });
  });
}
