/**
 * Read replicas (DATABASE_REPLICA_URLS): PostgreSQL hot standbys streaming from the primary. Read-only
 * requests are spread over them in turn; a replica that cannot be reached is left out for a while and
 * its share goes to the primary.
 *
 * Read-your-writes: a session that wrote remembers the primary's WAL position after its write
 * (sessions.write_lsn). Its reads go to a replica only once that replica has replayed up to there,
 * otherwise to the primary. We route rather than wait for the replica: the writer is the one person
 * looking at the page they just changed, the primary answers them at once, and a replica that lags
 * (a long replay conflict, a slow link) would make them wait its full lag on every read; routing
 * costs the primary a few reads per write and no one waits. Other sessions read the replica, a
 * moment behind, as a replica is.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

/** How long a replica that failed is left out before a read tries it again. */
const RETRY_AFTER_MS = 10_000;

/** A WAL position "16/B374D848" as a number, to compare two of them. */
export function lsnValue(lsn: string): bigint {
  const [high, low] = lsn.split('/');
  return (BigInt(`0x${high}`) << 32n) + BigInt(`0x${low}`);
}

interface Replica {
  db: Kysely<Database>;
  /** Where the replica was last seen to have replayed the WAL to; it only grows. */
  replayed: bigint;
  /** It answered when last asked; until it first does, it is asked before any read is sent to it. */
  up: boolean;
  /** Date.now() before which a replica that failed is not asked again. */
  retryAt: number;
}

export class Replicas {
  readonly #list: Replica[];
  #next = 0;

  /**
   * `open` connects to each replica, given what to call when a connection to it fails (its pool's
   * connect or idle-client errors); `onDown` hears of each replica that goes down.
   */
  constructor(
    private readonly primary: Kysely<Database>,
    open: ReadonlyArray<(failed: (error: unknown) => void) => Kysely<Database>>,
    private readonly onDown: (error: unknown) => void = () => {},
  ) {
    this.#list = open.map((connect) => {
      const state = { replayed: 0n, up: false, retryAt: 0 };
      return Object.assign(state, { db: connect((error) => this.#down(state, error)) });
    });
  }

  get count(): number {
    return this.#list.length;
  }

  /** A connection to the replica failed: it is left out for a while. */
  #down(replica: Pick<Replica, 'up' | 'retryAt'>, error: unknown): void {
    // Told once per outage: when it was up, or at its first try.
    if (replica.up || replica.retryAt === 0) this.onDown(error);
    replica.up = false;
    replica.retryAt = Date.now() + RETRY_AFTER_MS;
  }

  /**
   * Where a read-only request runs: the next replica in turn that is up and has replayed `after`
   * (the session's last write, or null), else the primary. Asks the replica for its position only
   * when what it last told does not cover `after`, or before its first read (at start, or when a
   * replica that failed is due to be tried again).
   */
  async reader(after: string | null): Promise<Kysely<Database>> {
    if (this.#list.length === 0) return this.primary;
    const need = after === null ? 0n : lsnValue(after);
    const now = Date.now();
    for (let tried = 0; tried < this.#list.length; tried++) {
      const replica = this.#list[this.#next++ % this.#list.length]!;
      if (!replica.up && replica.retryAt > now) continue;
      if (replica.up && replica.replayed >= need) return replica.db;
      if (await this.#caughtUp(replica, need)) return replica.db;
      // Behind the session's write: another replica is no likelier to have it than this one was.
      if (replica.up) return this.primary;
    }
    return this.primary;
  }

  async #caughtUp(replica: Replica, need: bigint): Promise<boolean> {
    try {
      const { rows } = await sql<{ lsn: string | null }>`SELECT pg_last_wal_replay_lsn()::text AS lsn`.execute(replica.db);
      const lsn = rows[0]?.lsn;
      // No replay position: the server is not a standby (promoted, or misconfigured) and no longer follows the primary.
      if (lsn == null) throw new Error('not a streaming replica: pg_last_wal_replay_lsn() is null');
      replica.up = true;
      const replayed = lsnValue(lsn);
      if (replayed > replica.replayed) replica.replayed = replayed;
      return replica.replayed >= need;
    } catch (e) {
      this.#down(replica, e);
      return false;
    }
  }

  async close(): Promise<void> {
    await Promise.all(this.#list.map((r) => r.db.destroy()));
  }
}
