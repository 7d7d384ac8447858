/**
 * Test support for the suites that run on a database: the databases each suite runs on (PGlite in
 * a temporary data directory, and PostgreSQL from JIXIAO_TEST_DATABASE_URL in a database of its own),
 * and for the suites about servers, that server and its streaming replica (JIXIAO_TEST_REPLICA_URL) or
 * a throw-away pair.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { it } from 'vitest';
import { openStore, type Store } from './database.ts';
import { startCluster } from './pg-cluster.testing.ts';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  /** PostgreSQL: the database's connection URL. */
  url?: string;
  /** Opens the store, migrated to the latest schema unless `migrate: false`. */
  open(options?: { migrate?: boolean }): Promise<Store>;
  /** Removes what open() made (the data directory or the database). */
  dispose(): Promise<void>;
}

export const POSTGRES_URL = process.env.JIXIAO_TEST_DATABASE_URL;
/** A streaming replica of POSTGRES_URL's server (scripts/ci-postgres.sh starts one). */
export const REPLICA_URL = process.env.JIXIAO_TEST_REPLICA_URL;

export function pgliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-test-'));
  return {
    name: 'pglite',
    open: (options) => openStore({ dataDir: dir }, options),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** `url` with its database replaced by `name`. */
function databaseUrl(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * A fresh database on the test server, so suites run in parallel without seeing each other; with
 * `replicaUrl`, the store also reads from that server's replica, opened once the replica has the
 * new database.
 */
export function postgresDatabase(adminUrl: string, replicaUrl?: string): TestDatabase {
  const name = `jixiao_test_${randomBytes(6).toString('hex')}`;
  const admin = () => new pg.Client({ connectionString: adminUrl });
  const url = databaseUrl(adminUrl, name);
  return {
    name: 'postgres',
    url,
    open: async (options) => {
      const c = admin();
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      if (replicaUrl === undefined) return openStore({ databaseUrl: url }, options);
      // The replica cannot be connected to before it has the new database.
      await (await openStore({ databaseUrl: url }, options)).close();
      await replicaCaughtUp(adminUrl, replicaUrl);
      return openStore({ databaseUrl: url, replicaUrls: [databaseUrl(replicaUrl, name)] }, { migrate: false });
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

/**
 * Resolves once the replica has replayed everything the primary had written when this was called
 * (polling the replica's own replay position, the signal replication gives).
 */
export async function replicaCaughtUp(primaryUrl: string, replicaUrl: string): Promise<void> {
  const primary = new pg.Client({ connectionString: primaryUrl });
  const replica = new pg.Client({ connectionString: replicaUrl });
  await Promise.all([primary.connect(), replica.connect()]);
  try {
    const { rows } = await primary.query<{ lsn: string }>('SELECT pg_current_wal_insert_lsn()::text AS lsn');
    for (;;) {
      const r = await replica.query<{ done: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS done', [rows[0]!.lsn]);
      if (r.rows[0]!.done) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await Promise.all([primary.end(), replica.end()]);
  }
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

export interface TestServer {
  primaryUrl: string;
  /** Its streaming replica, when the suite asked for one. */
  replicaUrl?: string;
  stop(): void;
}

/**
 * The PostgreSQL server a suite about servers runs on (read replicas, several app servers), with a
 * streaming replica when asked: the one the environment names (scripts/ci-postgres.sh starts both),
 * else a throw-away one from Debian's binaries, for this suite alone — so these suites always run.
 */
export async function testServer(options: { replica?: boolean } = {}): Promise<TestServer> {
  if (POSTGRES_URL !== undefined && (!options.replica || REPLICA_URL !== undefined))
    return { primaryUrl: POSTGRES_URL, ...(options.replica ? { replicaUrl: REPLICA_URL } : {}), stop: () => {} };
  const cluster = await startCluster({}, options);
  return { primaryUrl: cluster.url, ...(cluster.replicaUrl ? { replicaUrl: cluster.replicaUrl } : {}), stop: cluster.stop };
}
