/**
 * @fastify/rate-limit's counters in the database (../store/rate-limits.ts) instead of each server's
 * memory: behind a load balancer, a limit of 20 logins a minute is 20 whichever servers take them.
 * Each route limited has its own counters, as with the plugin's in-memory store.
 */
import type { FastifyRateLimitStore, FastifyRateLimitStoreCtor } from '@fastify/rate-limit';
import type { Kysely } from 'kysely';
import { countHit, readCount, type Count } from '../store/rate-limits.ts';
import type { Database } from '../store/schema.ts';

type Callback = (error: Error | null, result?: { current: number; ttl: number }) => void;

const answer = (cb: Callback) => [(c: Count) => cb(null, { current: c.hits, ttl: c.ttl }), (e: Error) => cb(e)] as const;

export function databaseRateLimitStore(db: Kysely<Database>): FastifyRateLimitStoreCtor {
  class DatabaseRateLimitStore implements FastifyRateLimitStore {
    /**
     * The plugin constructs its store with its options (unused here); `route` prefixes the plugin's
     * key (the client's address) in a route's child: "POST /api/auth/login 10.0.0.7".
     */
    constructor(
      _options: object,
      readonly route = '',
    ) {}

    incr(key: string, cb: Callback, timeWindow: number): void {
      countHit(db, `${this.route}${key}`, timeWindow).then(...answer(cb));
    }

    read(key: string, cb: Callback): void {
      readCount(db, `${this.route}${key}`).then(...answer(cb));
    }

    child(options: object): FastifyRateLimitStore {
      // The plugin hands a route's merged limit options, the route itself under routeInfo.
      const route = (options as { routeInfo?: { method?: string | string[]; url?: string } }).routeInfo;
      return new DatabaseRateLimitStore(options, `${[route?.method ?? ''].flat().join(',')} ${route?.url ?? ''} `);
    }
  }
  return DatabaseRateLimitStore;
}
