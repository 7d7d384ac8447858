/**
 * Recounts, in the background, the finding counts that a change of review settings made stale
 * (src/store/review/recount.ts): a batch at a time, letting requests through between batches, and
 * dropping cached reads after each so lists show the new counts as they arrive. Kicked when the
 * settings change and when the server starts (a recount cut short by a stop goes on).
 */
import { setImmediate } from 'node:timers/promises';
import type { Kysely } from 'kysely';
import { recountStale } from '../store/review/recount.ts';
import type { Database } from '../store/schema.ts';

const BATCH = 20;

export class ReviewRecount {
  #running: Promise<void> | null = null;
  #again = false;
  #stopped = false;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly onBatch: () => void,
    private readonly onError: (error: unknown) => void,
  ) {}

  /** Starts recounting if it is not under way; if it is, it looks again for marked documents when done. */
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

  /** Resolves when no recount is under way (for tests and an orderly stop). */
  async idle(): Promise<void> {
    while (this.#running) await this.#running;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.idle();
  }

  async #run(): Promise<void> {
    this.#again = false;
    try {
      for (;;) {
        const { recounted, more } = await recountStale(this.db, BATCH);
        if (recounted > 0) this.onBatch();
        if (!more || this.#stopped) return;
        await setImmediate();
      }
    } catch (e) {
      this.onError(e);
    }
  }
}
