/**
 * The background worker draining the queue of derived rebuilds (src/store/aggregates/queue.ts): a
 * batch of claimed items at a time, letting requests through between items, dropping cached reads
 * after each batch so lists show the new figures as they arrive. Kicked when this server queues
 * work and when it starts; it also looks every `pollMs` for work other servers queued or a dead
 * worker's items whose lease ran out. Workers coordinate through the database only.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { setImmediate } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { claimWork } from '../store/aggregates/queue.ts';
import { runWorkItem } from '../store/aggregates/work.ts';
import type { Database } from '../store/schema.ts';

const BATCH = 20;
/** Long enough for a batch on a busy server; a dead worker's items wait this long at most. */
const LEASE_SECONDS = 300;
const POLL_MS = 30_000;

export class DerivedWorker {
  /** Names this worker in the queue's claims. */
  readonly id = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;
  #poll: NodeJS.Timeout | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly onBatch: () => void,
    private readonly onError: (error: unknown) => void,
    /** Items worked on at once: a server's pool has connections to spare (PGlite has one: 1). */
    private readonly concurrency = 1,
    private readonly pollMs = POLL_MS,
  ) {}

  /** Starts draining and the periodic look for work. */
  start(): void {
    this.#poll ??= setInterval(() => this.kick(), this.pollMs).unref();
    this.kick();
  }

  /** Starts draining if it is not under way; if it is, it looks again for work when done. */
  kick(): void {
    if (this.#stopped) return;
    if (this.#running) {
      this.#again = true;
      return;
    }
    this.#running = this.#run().finally(() => {
      this.#running = null;
      if (this.#again) this.kick();
    });
  }

  /** Resolves when this worker has nothing under way (for tests and an orderly stop). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    if (this.#poll) clearInterval(this.#poll);
    await this.idle();
  }

  async #run(): Promise<void> {
    this.#again = false;
    try {
      for (;;) {
        // Until the queue is empty: a bureau's item turns into its documents' items.
        const items = await claimWork(this.db, this.id, BATCH, LEASE_SECONDS);
        if (items.length === 0) return;
        // Each item in its own transaction, `concurrency` at a time (they lock different documents).
        let next = 0;
        await Promise.all(
          Array.from({ length: Math.min(this.concurrency, items.length) }, async () => {
            while (next < items.length && !this.#stopped) {
              await runWorkItem(this.db, this.id, items[next++]!);
              await setImmediate();
            }
          }),
        );
        if (this.#stopped) return;
        this.onBatch();
      }
    } catch (e) {
      this.onError(e);
    }
  }
}
