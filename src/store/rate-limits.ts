/**
 * Counters with a window, kept in the database so that every app server counts the same requests
 * (rate limits per route and address, failed logins per username). A key's window starts at its
 * first hit and lasts `windowMs`; the first hit after it starts a new one. The database's clock
 * decides, so servers whose clocks differ still agree.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

export interface Count {
  hits: number;
  /** Milliseconds until the window ends. */
  ttl: number;
}

const ttl = sql<number>`greatest(0, ceil(extract(epoch FROM expires_at - now()) * 1000))::int`.as('ttl');

/** Counts one hit on `key`; returns the hits in its window, this one included. */
export async function countHit(db: Kysely<Database>, key: string, windowMs: number): Promise<Count> {
  const r = await db
    .insertInto('rate_limits')
    .values({ key, hits: 1, expires_at: sql<Date>`now() + ${windowMs} * interval '1 millisecond'` })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        hits: sql<number>`CASE WHEN rate_limits.expires_at <= now() THEN 1 ELSE rate_limits.hits + 1 END`,
        expires_at: sql<Date>`CASE WHEN rate_limits.expires_at <= now() THEN excluded.expires_at ELSE rate_limits.expires_at END`,
      }),
    )
    // xmax is 0 on a row the statement inserted rather than updated.
    .returning(['hits', ttl, sql<boolean>`xmax = 0`.as('inserted')])
    .executeTakeFirstOrThrow();
  // A new key is when the keys that will not come back (an address seen once) are swept, through the
  // index on expires_at: the table holds little more than the live windows, with no timer to run.
  if (r.inserted) await db.deleteFrom('rate_limits').where('expires_at', '<', sql<Date>`now()`).execute();
  return { hits: r.hits, ttl: r.ttl };
}

/** The hits in `key`'s current window, without counting one (0 when its window is over). */
export async function readCount(db: Kysely<Database>, key: string): Promise<Count> {
  const r = await db
    .selectFrom('rate_limits')
    .select(['hits', ttl])
    .where('key', '=', key)
    .where('expires_at', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return r ?? { hits: 0, ttl: 0 };
}

export async function clearCount(db: Kysely<Database>, key: string): Promise<void> {
  await db.deleteFrom('rate_limits').where('key', '=', key).execute();
}
