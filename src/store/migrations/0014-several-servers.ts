/**
 * Several app servers on one PostgreSQL, with read replicas.
 *
 * `sessions.write_lsn`: the primary's WAL position after the session's last write, so that its
 * reads go to a replica only once the replica has replayed that far (read-your-writes, see
 * ../replicas.ts); null until the session writes.
 *
 * `rate_limits`: request and failed-login counters per key (a route and an address, a username),
 * shared by every server so that a limit holds however the load balancer spreads the requests. A
 * row counts until `expires_at`, then starts again at its next hit; rows that never come back are
 * deleted as new keys arrive, through the index on `expires_at`. UNLOGGED: counters are not worth a
 * WAL write each (nor a replica's copy); after a crash they start from zero, as a restart did when
 * they were kept in memory.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE sessions ADD COLUMN write_lsn pg_lsn`.execute(db);
  await sql`CREATE UNLOGGED TABLE rate_limits (
    key text PRIMARY KEY,
    hits integer NOT NULL,
    expires_at timestamptz NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX rate_limits_expires_at ON rate_limits (expires_at)`.execute(db);
}
