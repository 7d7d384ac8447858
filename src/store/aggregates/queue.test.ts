/**
 * The queue of derived rebuilds: an item claimed by a worker that died is taken again once its
 * lease runs out (and not before); two workers never hold the same item, even claiming at the same
 * moment (PostgreSQL: a claim in an open transaction, another on a second connection); an item
 * queued again while being worked on stays queued for another round. On PGlite and PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDocuments } from '../../core/model/generate.ts';
import { systemActor } from '../audit.ts';
import type { Store } from '../database.ts';
import { createDocument } from '../documents/create.ts';
import { createBureau, createUnit } from '../organisation.ts';
import { testDatabases, type TestDatabase } from '../testing.ts';
import { claimWork, completeWork, enqueueBureau, enqueueDocuments, pendingWork } from './queue.ts';
import { runWorkItem } from './work.ts';

const actor = systemActor('test');
const contents = generateDocuments({ seed: 7, units: 4, projectsPerUnit: 2, year: 2033 });

for (const make of testDatabases()) {
  const database: TestDatabase = make();
  describe(`the derived work queue on ${database.name}`, () => {
    let store: Store;
    let bureauId: number;
    const docs: number[] = [];
    const queued = async () =>
      (await store.db.selectFrom('derived_work').select(['kind', 'target_id', 'claimed_by']).orderBy('target_id').execute()).map(
        (r) => `${r.kind}:${r.target_id}:${r.claimed_by ?? '-'}`,
      );
    const expire = () => sql`update derived_work set claimed_until = now() - interval '1 second'`.execute(store.db);

    beforeAll(async () => {
      store = await database.open();
      bureauId = (await createBureau(store.db, actor, { code: '96', name: '队列测试财政局', parentId: null })).id;
      for (const [i, content] of contents.entries()) {
        const unitId = (await createUnit(store.db, actor, { code: `96${i}`, name: `队列单位${i}`, bureauId })).id;
        docs.push((await createDocument(store.db, actor, { unitId, year: 2033, content: content! })).id);
      }
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await database.dispose();
    });

    it('takes a dead worker’s items again once their lease has run out, not before', async () => {
      await enqueueBureau(store.db, bureauId, true);
      expect(await pendingWork(store.db, { bureauId })).toBe(1);
      const [bureauItem] = await claimWork(store.db, 'a', 10, 60);
      await runWorkItem(store.db, 'a', bureauItem!);
      expect(await pendingWork(store.db, { bureauId })).toBe(docs.length);
      // Worker a claims two documents and dies.
      const dead = await claimWork(store.db, 'a', 2, 60);
      expect(dead).toHaveLength(2);
      const others = await claimWork(store.db, 'b', 10, 60);
      expect(others.map((i) => i.targetId).sort()).toEqual(docs.filter((d) => !dead.some((i) => i.targetId === d)).sort());
      for (const item of others) await runWorkItem(store.db, 'b', item);
      expect(await claimWork(store.db, 'b', 10, 60)).toEqual([]);
      await expire();
      const resumed = await claimWork(store.db, 'b', 10, 60);
      expect(resumed.map((i) => i.targetId).sort()).toEqual(dead.map((i) => i.targetId).sort());
      for (const item of resumed) await runWorkItem(store.db, 'b', item);
      expect(await queued()).toEqual([]);
      expect(await pendingWork(store.db, { bureauId })).toBe(0);
      // The dead worker, back, finds its claim gone and changes nothing.
      expect(await completeWork(store.db, 'a', dead[0]!)).toBe(false);
    });

    it('keeps an item queued again while it was being worked on for another round', async () => {
      await enqueueDocuments(store.db, [docs[0]!], false);
      const [item] = await claimWork(store.db, 'a', 10, 60);
      await enqueueDocuments(store.db, [docs[0]!], true);
      await runWorkItem(store.db, 'a', item!);
      expect(await queued()).toEqual([`document:${docs[0]}:-`]);
      const [again] = await claimWork(store.db, 'b', 10, 60);
      expect(again).toMatchObject({ targetId: docs[0], review: true });
      await runWorkItem(store.db, 'b', again!);
      expect(await queued()).toEqual([]);
    });

    it('never gives two workers the same item', async () => {
      await enqueueDocuments(store.db, docs, false);
      const claims = await Promise.all(['a', 'b', 'c'].map((w) => claimWork(store.db, w, 2, 60)));
      const ids = claims.flat().map((i) => i.targetId);
      expect(new Set(ids).size).toBe(ids.length);
      expect(ids.sort()).toEqual([...docs].sort());
      await expire();
      if (database.name === 'postgres')
        // A claim not yet committed holds its rows; a claim on another connection skips them instead of waiting or taking them.
        await store.db.transaction().execute(async (trx) => {
          const mine = await claimWork(trx, 'a', 2, 60);
          const theirs = await claimWork(store.db, 'b', 10, 60);
          expect(mine).toHaveLength(2);
          expect(theirs.map((i) => i.targetId).sort()).toEqual(docs.filter((d) => !mine.some((i) => i.targetId === d)).sort());
        });
      await sql`delete from derived_work`.execute(store.db);
    });
  });
}
