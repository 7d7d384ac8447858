/**
 * Opening the database: PGlite (PostgreSQL compiled to WASM, in a data directory) by default, or a
 * PostgreSQL server named by a connection URL. Both are driven by Kysely's own PostgresDialect over
 * node-postgres: PGlite's official node-postgres adapter exposes its single connection as a pool of
 * one, so a transaction holds the only connection and other queries wait — transactions are real
 * and serialised — and both databases share one set of type parsers. A PostgreSQL primary may have
 * streaming replicas for read-only requests (./replicas.ts); PGlite has none.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { createPgConfig } from '@electric-sql/pglite/node-postgres';
import { Kysely, Migrator, PostgresDialect, type PostgresPool } from 'kysely';
import pg from 'pg';
import { migrationProvider } from './migrations/index.ts';
import { Replicas } from './replicas.ts';
import type { Database } from './schema.ts';

export type StoreKind = 'pglite' | 'postgres';

export interface Store {
  /** The primary: every write and transaction, and the reads that must see the latest commit. */
  db: Kysely<Database>;
  /** Where read-only requests may run instead (none on PGlite or without DATABASE_REPLICA_URLS). */
  replicas: Replicas;
  kind: StoreKind;
  /**
   * True when this process is the only writer (PGlite: one process owns the data directory), so an
   * in-process cache invalidated on every write is exact. False on a PostgreSQL server, which other
   * server processes may share.
   */
  exclusive: boolean;
  close(): Promise<void>;
}

export type StoreLocation = { dataDir: string } | { databaseUrl: string; replicaUrls?: readonly string[] };

/** DATABASE_REPLICA_URLS and --database-replica-urls: connection URLs separated by commas. */
export const replicaUrlList = (urls: string | undefined): string[] =>
  (urls ?? '')
    .split(',')
    .map((u) => u.trim())
    .filter((u) => u !== '');

const INT8 = 20;
const NUMERIC = 1700;
const DATE = 1082;
/**
 * bigint ids and counts as numbers (exact below 2^53); NUMERIC stays decimal text; DATE stays ISO
 * text "2020-06-30" (a budget day, not an instant: a `Date` would shift with the time zone).
 */
const types = {
  getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
    if (oid === INT8) return (value: string) => Number(value);
    if (oid === NUMERIC || oid === DATE) return (value: string) => value;
    return pg.types.getTypeParser(oid, format);
  }) as typeof pg.types.getTypeParser,
};

/** Where PGlite keeps its files inside the data directory (the directory also holds the lock and control socket). */
export const pgliteDir = (dataDir: string) => join(dataDir, 'pglite');

export interface OpenOptions {
  migrate?: boolean;
  /** Hears of a replica that cannot be reached (its reads go to the primary for a while). */
  onReplicaDown?: (error: unknown) => void;
}

export async function openStore(location: StoreLocation, options: OpenOptions = {}): Promise<Store> {
  const store =
    'dataDir' in location
      ? await openPglite(location.dataDir)
      : openPostgres(location.databaseUrl, location.replicaUrls ?? [], options.onReplicaDown);
  if (options.migrate !== false) await migrate(store.db);
  return store;
}

async function openPglite(dataDir: string): Promise<Store> {
  mkdirSync(dataDir, { recursive: true });
  const lite = await PGlite.create(pgliteDir(dataDir), { extensions: { pg_trgm } });
  const pool = new pg.Pool({ ...(createPgConfig(lite) as unknown as pg.PoolConfig), types });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return {
    db,
    replicas: new Replicas(db, []),
    kind: 'pglite',
    exclusive: true,
    close: async () => {
      await db.destroy();
      await lite.close();
    },
  };
}

function openPostgres(connectionString: string, replicaUrls: readonly string[], onReplicaDown?: (error: unknown) => void): Store {
  const pool = new pg.Pool({ connectionString, types, max: 10, application_name: 'jixiao' });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  const replicas = new Replicas(
    db,
    replicaUrls.map((url) => (failed) => new Kysely<Database>({ dialect: new PostgresDialect({ pool: replicaPool(url, failed) }) })),
    onReplicaDown,
  );
  return {
    db,
    replicas,
    kind: 'postgres',
    exclusive: false,
    close: async () => {
      await replicas.close();
      await db.destroy();
    },
  };
}

/**
 * A replica's connections give up connecting after 2 s: a replica that is down or unreachable must
 * not hold a request for long. (Set on the client, not the pool: the pool's timeout would also end a
 * wait for a free connection, and a busy replica is not a down one.)
 */
class ReplicaClient extends pg.Client {
  constructor(config: pg.ClientConfig = {}) {
    super({ ...config, connectionTimeoutMillis: 2_000 });
  }
}

/** A replica's pool reports its failures: a connection refused or timed out, or an idle connection dropped. */
function replicaPool(connectionString: string, failed: (error: unknown) => void): PostgresPool {
  const pool = new pg.Pool({ connectionString, types, max: 10, application_name: 'jixiao-replica', Client: ReplicaClient });
  pool.on('error', failed);
  return {
    connect: async () => {
      try {
        return await pool.connect();
      } catch (e) {
        failed(e);
        throw e;
      }
    },
    end: () => pool.end(),
  };
}

/** Applies every pending migration in one transaction; throws if any fails. */
export async function migrate(db: Kysely<Database>): Promise<void> {
  const migrator = new Migrator({ db, provider: migrationProvider });
  const { error } = await migrator.migrateToLatest();
  if (error) throw error;
}
