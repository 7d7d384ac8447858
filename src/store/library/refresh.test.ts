/**
 * The history tables kept on write agree with the same tables built anew from the documents, on
 * PGlite and PostgreSQL: after documents are approved and published through the workflow, and after
 * one is returned (it leaves history, taking exactly what it added); the migration's backfill
 * computes the family keys the writes compute.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readDocuments } from '../../formats/read-document.ts';
import { createUser } from '../accounts.ts';
import { systemActor } from '../audit.ts';
import type { Store } from '../database.ts';
import { createDocument } from '../documents/create.ts';
import { backfillFamilyKeys } from '../migrations/0016-indicator-history.ts';
import { createBureau, createUnit } from '../organisation.ts';
import type { Db } from '../schema.ts';
import { testDatabases } from '../testing.ts';
import { transition } from '../workflow.ts';
import { rebuildLibrary } from './refresh.ts';

const FILE = join(import.meta.dirname, '../../../samples/huailai-sifaju-2020-corrected.txt');
const actor = systemActor('test');

/** The history tables' rows, in a fixed order. */
async function tables(db: Db) {
  return {
    documents: await db.selectFrom('library_documents').selectAll().orderBy('document_id').execute(),
    projects: await db.selectFrom('library_projects').selectAll().orderBy('project_id').execute(),
    pairs: await db.selectFrom('library_project_pairs').selectAll().orderBy(['pair', 'year', 'project_id']).execute(),
    values: await db
      .selectFrom('library_document_values')
      .selectAll()
      .orderBy(['document_id', 'family_key', 'value', 'operator', 'grade'])
      .execute(),
    sums: await db.selectFrom('library_family_values').selectAll().orderBy(['scope', 'family_key', 'value', 'operator', 'grade']).execute(),
    units: await db.selectFrom('library_family_units').selectAll().orderBy(['scope', 'family_key', 'unit_id']).execute(),
    families: await db.selectFrom('library_families').selectAll().orderBy(['scope', 'family_key']).execute(),
  };
}

for (const make of testDatabases()) {
  const database = make();
  describe(`history tables on ${database.name}`, () => {
    let store: Store;
    const ids: number[] = [];
    let reviewer: { id: number; name: string };

    beforeAll(async () => {
      store = await database.open();
      const [content] = (await readDocuments(new Uint8Array(readFileSync(FILE)), FILE)).documents;
      const bureau = await createBureau(store.db, actor, { code: '130730', name: '怀来县财政局', parentId: null });
      const user = await createUser(store.db, actor, {
        username: 'reviewer',
        displayName: '审核员',
        role: 'reviewer',
        bureauId: bureau.id,
        password: 'reviewer-password-123',
      });
      reviewer = { id: user.id, name: '审核员' };
      for (const [code, name, year] of [
        ['315002', '怀来县司法局', 2020],
        ['402001', '怀安县司法局', 2019],
        ['402002', '涿鹿县司法局', 2020],
      ] as const) {
        const unit = await createUnit(store.db, actor, { code, name, bureauId: bureau.id });
        const created = await createDocument(store.db, actor, {
          unitId: unit.id,
          year,
          content: { ...content!, year, unit: { code, name } },
        });
        ids.push(created.id);
      }
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await database.dispose();
    });

    const step = async (id: number, s: Parameters<typeof transition>[4]) => {
      const { version } = await store.db.selectFrom('documents').select('version').where('id', '=', id).executeTakeFirstOrThrow();
      await transition(store.db, reviewer, id, version, s, s === 'return' ? { body: '请修改' } : undefined);
    };

    it('keeps on write what a rebuild makes, as documents are approved, published and returned', async () => {
      expect((await tables(store.db)).documents).toEqual([]);
      for (const id of ids) {
        await step(id, 'submit');
        await step(id, 'approve');
      }
      await step(ids[1]!, 'publish');
      const kept = await tables(store.db);
      expect(kept.documents.map((d) => [d.document_id, d.status])).toEqual([
        [ids[0], 'approved'],
        [ids[1], 'published'],
        [ids[2], 'approved'],
      ]);
      expect(kept.families.some((f) => f.scope === 'all' && f.units === 3)).toBe(true);
      expect(kept.families.some((f) => f.scope === 'published' && f.units === 1)).toBe(true);
      await rebuildLibrary(store.db);
      expect(await tables(store.db)).toEqual(kept);

      await step(ids[2]!, 'return');
      const returned = await tables(store.db);
      expect(returned.documents.map((d) => d.document_id)).toEqual([ids[0], ids[1]]);
      expect(returned.families.filter((f) => f.scope === 'all').every((f) => f.units <= 2)).toBe(true);
      await rebuildLibrary(store.db);
      expect(await tables(store.db)).toEqual(returned);
    });

    it('backfills the family keys the store writes', async () => {
      const keys = () => store.db.selectFrom('indicators').select(['id', 'family_key']).orderBy('id').execute();
      const written = await keys();
      expect(written.filter((r) => r.family_key !== null).length).toBeGreaterThan(10);
      await store.db.updateTable('indicators').set({ family_key: null }).execute();
      await backfillFamilyKeys(store.db);
      expect(await keys()).toEqual(written);
    });
  });
}
