import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { groupFamilies } from '../src/core/library/families.ts';
import { observationsOf, type Observation } from '../src/core/library/observation.ts';
import { peerRangesFor } from '../src/core/library/peer-range.ts';
import { indexForSuggestions, suggest } from '../src/core/library/suggest.ts';
import type { Store } from '../src/store/database.ts';
import { modelOf, readDocument } from '../src/store/documents/read.ts';
import { documentPeers } from '../src/store/library/peers.ts';
import { rebuildLibrary } from '../src/store/library/refresh.ts';
import { suggestionsFor } from '../src/store/library/suggestions.ts';
import { testDatabases } from '../src/store/testing.ts';
import { generateHistory } from './suggestions-data.ts';
import { measureSuggestions } from './suggestions.ts';

// Issue 15's smoke run: the suggestions bench's generated history at 2 counties, its reads checked
// against the core's over every approved and published row (timings are not asserted; the full
// province is recorded in docs/benchmarks.md).
for (const make of testDatabases()) {
  const database = make();
  describe(`the suggestions benchmark's history on ${database.name}`, () => {
    let store: Store;
    let observations: Observation[];
    const members: Array<{ id: number; unitId: number }> = [];

    beforeAll(async () => {
      store = await database.open();
      const size = await generateHistory(store.db, 2);
      expect(size).toMatchObject({ units: 68, documents: 204, projects: 2040, indicators: 20_400 });
      await rebuildLibrary(store.db);
      observations = [];
      const docs = await store.db
        .selectFrom('documents')
        .select(['id', 'unit_id'])
        .where('status', 'in', ['approved', 'published'])
        .orderBy('id')
        .execute();
      for (const d of docs) {
        members.push({ id: d.id, unitId: d.unit_id });
        observations.push(...observationsOf(modelOf((await readDocument(store.db, d.id))!)));
      }
    }, 300_000);
    afterAll(async () => {
      await store?.close();
      await database.dispose();
    });

    it('gives each document the peer ranges the core computes from every approved and published row', async () => {
      const families = groupFamilies(observations);
      for (const d of [members[0]!, members[members.length - 1]!]) {
        const model = modelOf((await readDocument(store.db, d.id))!);
        expect(await documentPeers(store.db, d.unitId, model)).toEqual(peerRangesFor(model, families));
      }
    });

    it('suggests what the core suggests from every approved and published row, drafts left out', async () => {
      const index = indexForSuggestions(groupFamilies(observations));
      for (const name of ['法律援助', '森林防火专项经费']) {
        const { suggestions } = await suggestionsFor(store.db, { name, library: [], limit: 20 });
        const expected = suggest(index, { name, limit: 20 });
        const view = (s: (typeof expected)[number]) => ({
          label: s.label,
          typical: s.typical,
          peers: s.peers,
          score: s.score,
          uses: s.users.map((u) => `${u.unit.name} ${u.year} ${u.project?.name}`).sort(),
        });
        expect(suggestions.length).toBeGreaterThan(0);
        expect(suggestions.map(view)).toEqual(expected.map(view));
      }
      const drafts = await store.db.selectFrom('documents').select(['unit_id', 'year']).where('status', '=', 'draft').execute();
      expect(drafts.length).toBeGreaterThan(0);
    });

    it('measures every row the bench prints', async () => {
      const figures = await measureSuggestions(store, 5);
      const names = new Set(figures.map((f) => `${f.name} (${f.unit})`));
      for (const row of [
        'suggestions for a project (ms p50)',
        'suggestions for a project (× target (p50))',
        'suggestions for a name (ms p99)',
        'history of a document (上年/前年) (ms p50)',
        'peer ranges of a document (review) (ms p50)',
        'public peers of a row (ms p50)',
      ])
        expect(names).toContain(row);
    });
  });
}
