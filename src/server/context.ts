/** What every route needs: the store and where a request reads, the read cache, and the session policy. */
import type {} from '@fastify/cookie';
import type {} from '@fastify/csrf-protection';
import type {} from '@fastify/multipart';
import type {} from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import type { FastifyRequest } from 'fastify';
import type { Store } from '../store/database.ts';
import type { SessionPolicy, SessionUser, User } from '../store/accounts.ts';
import type { Database } from '../store/schema.ts';
import type { ParsePool } from './parse-pool.ts';
import type { ReadCache } from './read-cache.ts';
import type { DerivedWorker } from './derived-worker.ts';

export interface AppContext {
  store: Store;
  /**
   * Where a read-only route reads: a replica, or the primary for a session that has just written
   * (./read-routing.ts). Writes, transactions and the reads a write depends on use store.db.
   */
  reader(req: FastifyRequest): Kysely<Database>;
  cache: ReadCache;
  /** Drains the queue of derived rebuilds (after a change of a bureau's settings, a unit's move …). */
  worker: DerivedWorker;
  sessionPolicy: SessionPolicy;
  /** Reads uploaded files in worker threads. */
  parse: ParsePool;
  /** Cookies get the Secure flag (when served over https, e.g. behind a TLS proxy). */
  secureCookies: boolean;
}

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in user, or null for an anonymous request. */
    user: User | null;
    /** The signed-in user's session, or null. */
    userSession: SessionUser | null;
    /** Chosen for a read-only request by ./read-routing.ts; null: the primary. */
    reader: Kysely<Database> | null;
  }
}
