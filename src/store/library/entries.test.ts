import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAMEWORK_2021_ENTRIES, type EntryState, type LibraryEntry } from '../../core/library/index.ts';
import { systemActor } from '../audit.ts';
import type { Store } from '../database.ts';
import { createBureau, createUnit } from '../organisation.ts';
import { testDatabases } from '../testing.ts';
import { exportableEntries, listLibrary, offeredEntries } from './entries.ts';
import { importLibrary } from './import.ts';
import type { LibraryScope } from './scope.ts';

const actor = systemActor('test');
const entry = (id: string, level3: string, state: EntryState): LibraryEntry => ({
  ...FRAMEWORK_2021_ENTRIES[0]!,
  id,
  level3,
  source: { kind: 'bureau', reference: 'x' },
  status: { state, reason: state === 'refused' ? '重复' : null },
});

for (const make of testDatabases()) {
  const database = make();
  describe(`the library's inheritance down the bureau tree on ${database.name}`, () => {
    let store: Store;
    const ids: Record<string, number> = {};
    beforeAll(async () => {
      store = await database.open();
      const province = await createBureau(store.db, actor, { code: 'p', name: '省', parentId: null });
      const city = await createBureau(store.db, actor, { code: 'c', name: '市', parentId: province.id });
      const county = await createBureau(store.db, actor, { code: 'k', name: '县', parentId: city.id });
      const neighbour = await createBureau(store.db, actor, { code: 'n', name: '邻县', parentId: city.id });
      Object.assign(ids, { province: province.id, city: city.id, county: county.id, neighbour: neighbour.id });
      ids.unit = (await createUnit(store.db, actor, { code: 'u', name: '县司法局', bureauId: county.id })).id;
      await importLibrary(store.db, actor, null, [entry('n1', '全国', 'approved')]);
      await importLibrary(store.db, actor, province.id, [entry('p1', '省已入库', 'approved'), entry('p2', '省已停用', 'retired')]);
      await importLibrary(store.db, actor, city.id, [entry('c1', '市已入库', 'approved'), entry('c2', '市待审', 'proposed')]);
      await importLibrary(store.db, actor, county.id, [entry('k1', '县已入库', 'approved'), entry('k2', '县不予入库', 'refused')]);
      await importLibrary(store.db, actor, neighbour.id, [entry('x1', '邻县已入库', 'approved')]);
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await database.dispose();
    });

    const names = async (scope: LibraryScope) => (await listLibrary(store.db, scope, {}, {})).items.map((v) => v.entry.level3).sort();

    it('offers a bureau its own approved entries, then those above it, national last — nothing of a neighbour', async () => {
      expect((await offeredEntries(store.db, ids.county!)).map((e) => e.level3)).toEqual(['县已入库', '市已入库', '省已入库', '全国']);
      expect((await offeredEntries(store.db, ids.city!)).map((e) => e.level3)).toEqual(['市已入库', '省已入库', '全国']);
    });

    it('shows a unit its bureau’s approved library, a reviewer its subtree in every state and what it inherits', async () => {
      expect(await names({ unitId: ids.unit!, bureauId: ids.county! })).toEqual(['全国', '县已入库', '市已入库', '省已入库'].sort());
      // The city's reviewer decides for the counties under it: their entries in any state, not the province's retired one.
      expect(await names({ reviewerBureauId: ids.city! })).toEqual(
        ['全国', '省已入库', '省已停用', '市已入库', '市待审', '县已入库', '县不予入库', '邻县已入库'].sort(),
      );
      // The county's reviewer sees what it inherits as approved or retired, not the city's pending application.
      expect(await names({ reviewerBureauId: ids.county! })).toEqual(
        ['全国', '省已入库', '省已停用', '市已入库', '县已入库', '县不予入库'].sort(),
      );
      expect((await exportableEntries(store.db, { all: true }, { owner: 'national' })).map((e) => e.id)).toEqual(['n1']);
    });
  });
}
