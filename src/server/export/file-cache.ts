/**
 * Export files kept by what they were made from — a document's id, version and format — so a file
 * downloaded again, or again in a bundle, is not written again. Such a file never changes, so
 * nothing is invalidated: the least recently used go when the room (bytes) runs out. Two requests
 * for the same file while it is being written share the one writing.
 */
export class FileCache {
  #entries = new Map<string, Uint8Array>();
  #writing = new Map<string, Promise<Uint8Array>>();
  #bytes = 0;

  constructor(readonly maxBytes = 64 * 1024 * 1024) {}

  get size(): number {
    return this.#bytes;
  }

  async get(key: string, make: () => Promise<Uint8Array>): Promise<Uint8Array> {
    const hit = this.#entries.get(key);
    if (hit !== undefined) {
      this.#entries.delete(key);
      this.#entries.set(key, hit);
      return hit;
    }
    const writing = this.#writing.get(key);
    if (writing !== undefined) return writing;
    const made = make().finally(() => this.#writing.delete(key));
    this.#writing.set(key, made);
    const bytes = await made;
    this.#put(key, bytes);
    return bytes;
  }

  #put(key: string, bytes: Uint8Array): void {
    // A file larger than an eighth of the room would push out too much to be worth keeping.
    if (bytes.length > this.maxBytes / 8 || this.#entries.has(key)) return;
    this.#entries.set(key, bytes);
    this.#bytes += bytes.length;
    for (const [oldest, b] of this.#entries) {
      if (this.#bytes <= this.maxBytes) break;
      this.#entries.delete(oldest);
      this.#bytes -= b.length;
    }
  }
}
