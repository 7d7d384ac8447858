/**
 * A change of a bureau's review settings queues the documents under it (and under the bureaus
 * below, which inherit) and only those; the worker then stores the counts the new settings give,
 * on the document and on each project. A change of only the monitoring or evaluation settings
 * rebuilds the figures without recounting. On PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDocuments } from '../../core/model/generate.ts';
import { reviewDocument } from '../../core/review/engine.ts';
import { DEFAULT_REVIEW_SETTINGS, type ReviewSettings } from '../../core/review/settings.ts';
import { systemActor } from '../audit.ts';
import type { Store } from '../database.ts';
import { createDocument } from '../documents/create.ts';
import { readDocument } from '../documents/read.ts';
import { createBureau, createUnit } from '../organisation.ts';
import { reviewCounts } from '../review/counts.ts';
import { bureauSettings, putBureauSettings } from '../settings.ts';
import { testDatabases, type TestDatabase } from '../testing.ts';
import { claimWork, type WorkItem } from './queue.ts';
import { runWorkItem } from './work.ts';

const actor = systemActor('test');
const [content] = generateDocuments({ seed: 31, projectsPerUnit: 8, year: 2032 });
const quiet: ReviewSettings = { ...DEFAULT_REVIEW_SETTINGS, disabledSeverities: ['warning', 'info'] };

for (const make of testDatabases()) {
  const database: TestDatabase = make();
  describe(`recounting findings after a change of review settings on ${database.name}`, () => {
    let store: Store;
    let province: number;
    const docs: Record<'ownUnit' | 'countyBelow' | 'elsewhere', number> = { ownUnit: 0, countyBelow: 0, elsewhere: 0 };
    /** Drains the queue, returning the document items it did. */
    const drain = async () => {
      const done: WorkItem[] = [];
      for (;;) {
        const items = await claimWork(store.db, 'test', 1, 60);
        if (items.length === 0) return done;
        for (const item of items) await runWorkItem(store.db, 'test', item);
        done.push(...items.filter((i) => i.kind === 'document'));
      }
    };
    beforeAll(async () => {
      store = await database.open();
      province = (await createBureau(store.db, actor, { code: '9801', name: '测试省财政厅', parentId: null })).id;
      const county = (await createBureau(store.db, actor, { code: '980101', name: '测试县财政局', parentId: province })).id;
      const other = (await createBureau(store.db, actor, { code: '9802', name: '另一省财政厅', parentId: null })).id;
      const place = async (bureauId: number, code: string) => {
        const unitId = (await createUnit(store.db, actor, { code, name: `单位${code}`, bureauId })).id;
        return (await createDocument(store.db, actor, { unitId, year: 2032, content: content! })).id;
      };
      docs.ownUnit = await place(province, '98010001');
      docs.countyBelow = await place(county, '98010101');
      docs.elsewhere = await place(other, '98020001');
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await database.dispose();
    });

    it('queues the documents under the bureau, recounts them, and leaves the others alone', async () => {
      const before = reviewCounts(content!, reviewDocument(content!));
      expect(before.total.warning).toBeGreaterThan(0);
      for (const id of Object.values(docs)) expect((await readDocument(store.db, id))!.meta.findingCounts).toEqual(before.total);

      await putBureauSettings(store.db, actor, province, 0, { monitoring: null, evaluation: null, review: quiet });
      // Until the worker comes, the stored counts are the old ones.
      expect((await readDocument(store.db, docs.countyBelow))!.meta.findingCounts).toEqual(before.total);
      const done = await drain();
      expect(done.map((i) => [i.targetId, i.review]).sort()).toEqual(
        [
          [docs.ownUnit, true],
          [docs.countyBelow, true],
        ].sort(),
      );

      const after = reviewCounts(content!, reviewDocument(content!, { settings: quiet }));
      expect(after.total.warning).toBe(0);
      for (const id of [docs.ownUnit, docs.countyBelow]) {
        const stored = (await readDocument(store.db, id))!;
        expect(stored.meta.findingCounts).toEqual(after.total);
        expect(stored.projects.map((p) => p.findingCounts)).toEqual(after.perProject);
      }
      expect((await readDocument(store.db, docs.elsewhere))!.meta.findingCounts).toEqual(before.total);
    });

    it('a change of only the monitoring or evaluation settings rebuilds without recounting', async () => {
      const { version } = await bureauSettings(store.db, province);
      await putBureauSettings(store.db, actor, province, version, { monitoring: null, evaluation: null });
      expect((await drain()).map((i) => i.review)).toEqual([false, false]);
    });
  });
}
