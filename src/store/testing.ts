/**
 * Test support for the suites that run on a database: the databases each suite runs on (PGlite in
 * a temporary data directory, and PostgreSQL from JIXIAO_TEST_DATABASE_URL in a database of its own).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { it } from 'vitest';
import { openStore, type Store } from './database.ts';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** Opens the store, migrated to the latest schema unless `migrate: false`. */
  open(options?: { migrate?: boolean }): Promise<Store>;
  /** Removes what open() made (the data directory or the database). */
  dispose(): Promise<void>;
}

export const POSTGRES_URL = process.env.JIXIAO_TEST_DATABASE_URL;

export function pgliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-test-'));
  return {
    name: 'pglite',
    open: (options) => openStore({ dataDir: dir }, options),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh database on the test server, so suites run in parallel without seeing each other. */
export function postgresDatabase(adminUrl: string): TestDatabase {
  const name = `jixiao_test_${randomBytes(6).toString('hex')}`;
  const admin = () => new pg.Client({ connectionString: adminUrl });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name: 'postgres',
    open: async (options) => {
      const c = admin();
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      return openStore({ databaseUrl: url.toString() }, options);
    },
    dispose: async () => {
      const c = admin();
      await c.connect();
      // A closed pool's sessions may still be ending (pg-pool resolves end() before its sockets
      // close): FORCE would terminate them and their clients would throw an uncaught "terminating
      // connection due to administrator command". Let them go first.
      for (let wait = 0; wait < 100; wait++) {
        const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** In CI the PostgreSQL run is required: a missing URL fails the suite instead of skipping it. */
export const postgresRequired = process.env.CI === 'true';

/**
 * The databases a suite runs on (called where the suite declares its tests). Without
 * JIXIAO_TEST_DATABASE_URL, PostgreSQL is missing: in CI that is a failing test (see
 * `postgresRequired`), locally the PostgreSQL half is left out loudly.
 */
export function testDatabases(): Array<() => TestDatabase> {
  const list: Array<() => TestDatabase> = [pgliteDatabase];
  if (POSTGRES_URL) list.push(() => postgresDatabase(POSTGRES_URL));
  else if (postgresRequired)
    it('runs on PostgreSQL in CI', () => {
      throw new Error('JIXIAO_TEST_DATABASE_URL is not set: CI must run the database tests on PostgreSQL (.ci/run starts a cluster)');
    });
  else console.warn('\n*** JIXIAO_TEST_DATABASE_URL is not set: the PostgreSQL half of the database tests does NOT run here ***\n');
  return list;
}
