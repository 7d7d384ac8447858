/**
 * 抽评: the bureau re-checks a random sample of the self-evaluations it accepted. The draw must be
 * reproducible — anyone given the recorded seed and the same population (the accepted assignments,
 * by id) gets the same sample — so it uses no Math.random: the seed text is hashed (FNV-1a, 32 bit)
 * into a small seeded generator (mulberry32) that drives a partial Fisher–Yates shuffle.
 */

/** How many to draw: a count, or a percentage of the population (rounded up, so any ratio of a non-empty population draws at least one). */
export type SampleSize = { count: number } | { percent: number };

export class SampleSizeError extends RangeError {}

/** The number of items a size asks of a population, at most the population. */
export function sampleCount(population: number, size: SampleSize): number {
  if ('count' in size) {
    if (!Number.isInteger(size.count) || size.count < 1) throw new SampleSizeError('count');
    return Math.min(size.count, population);
  }
  if (!Number.isFinite(size.percent) || size.percent <= 0 || size.percent > 100) throw new SampleSizeError('percent');
  // Integer arithmetic in hundredths of a percent: 10% of 30 is exactly 3, not 3.0000000004 → 4.
  const hundredths = Math.round(size.percent * 100);
  return Math.min(population, Math.ceil((population * hundredths) / 10_000));
}

function hashSeed(seed: string): number {
  let h = 0x811c9dc5;
  for (const ch of new TextEncoder().encode(seed)) {
    h ^= ch;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

function mulberry32(state: number): () => number {
  let a = state >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * The sample of `population` (ids; their order does not matter, they are sorted first) that `seed`
 * draws, `count` of them, in the order drawn.
 */
export function drawSample(population: readonly number[], seed: string, count: number): number[] {
  const pool = [...new Set(population)].sort((a, b) => a - b);
  const n = Math.min(count, pool.length);
  const next = mulberry32(hashSeed(seed));
  for (let i = 0; i < n; i++) {
    const j = i + Math.floor(next() * (pool.length - i));
    [pool[i], pool[j]] = [pool[j]!, pool[i]!];
  }
  return pool.slice(0, n);
}

/** A fresh seed for a draw when the reviewer gives none: 16 hex digits from the platform's CSPRNG. */
export function newSeed(): string {
  const bytes = new Uint8Array(8);
  globalThis.crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}
