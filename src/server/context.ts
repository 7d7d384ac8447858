/** What every route needs: the store, the read cache, and the session policy. */
import type {} from '@fastify/cookie';
import type {} from '@fastify/csrf-protection';
import type {} from '@fastify/multipart';
import type {} from '@fastify/rate-limit';
import type { Store } from '../store/database.ts';
import type { SessionPolicy, User } from '../store/accounts.ts';
import type { ParsePool } from './parse-pool.ts';
import type { ReadCache } from './read-cache.ts';
import type { DerivedWorker } from './derived-worker.ts';

export interface AppContext {
  store: Store;
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
  }
}
