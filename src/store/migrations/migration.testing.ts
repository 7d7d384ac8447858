/**
 * A migration's test on each test database (PGlite and PostgreSQL): the schema as it was after
 * `before`, then the body, which writes in it as the code of that time did, runs the remaining
 * migrations and checks what this one made of the rows.
 */
import { type Kysely, Migrator } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../database.ts';
import type { Database } from '../schema.ts';
import { testDatabases } from '../testing.ts';
import { migrationProvider } from './index.ts';

export function testMigration(migration: string, before: string, title: string, body: (db: Kysely<Database>) => Promise<void>): void {
  for (const make of testDatabases()) {
    const database = make();
    describe(`migration ${migration} on ${database.name}`, () => {
      let store: Store;
      beforeAll(async () => {
        store = await database.open({ migrate: false });
      }, 120_000);
      afterAll(async () => {
        await store?.close();
        await database.dispose();
      });

      it(title, async () => {
        const { error } = await new Migrator({ db: store.db, provider: migrationProvider }).migrateTo(before);
        expect(error).toBeUndefined();
        await body(store.db);
      });
    });
  }
}
