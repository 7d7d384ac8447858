/**
 * A cache of computed reads (document and project JSON, lists, sessions) for the embedded database.
 *
 * PGlite is single-threaded WASM: a query costs hundreds of microseconds, so reads under load must
 * not touch it. Its data directory belongs to this one process, so every write passes through here:
 * each write bumps a generation, and an entry is served only while the generation it was computed
 * under is current. An entry computed while a write was committing is thus never served after it.
 * On a PostgreSQL server (possibly shared by several server processes) the cache is off and every
 * read goes to the database, which is multi-core and fast.
 */
export class ReadCache {
  #generation = 0;
  #entries = new Map<string, { generation: number; value: unknown }>();

  constructor(
    readonly enabled: boolean,
    private readonly maxEntries = 20_000,
  ) {}

  get generation(): number {
    return this.#generation;
  }

  /** Every write calls this after it commits. */
  bump(): void {
    this.#generation++;
    this.#entries.clear();
  }

  async get<T>(key: string, compute: () => Promise<T>): Promise<T> {
    if (!this.enabled) return compute();
    const hit = this.#entries.get(key);
    if (hit && hit.generation === this.#generation) return hit.value as T;
    const generation = this.#generation;
    const value = await compute();
    if (generation === this.#generation) {
      if (this.#entries.size >= this.maxEntries) this.#entries.clear();
      this.#entries.set(key, { generation, value });
    }
    return value;
  }

  /** Replaces a value in place without invalidating the rest (a session's last-seen time). */
  set(key: string, value: unknown): void {
    if (this.enabled && this.#entries.has(key)) this.#entries.set(key, { generation: this.#generation, value });
  }
}
