/**
 * What a benchmark is, for bench/run.ts: a named function that measures and returns its figures.
 * Add one by writing a module that exports such a function and listing it in run.ts.
 */
export interface Figure {
  /** What was measured, e.g. "import + review". */
  name: string;
  value: number;
  /** "projects/s", "MB/s", "×", "ms" … */
  unit: string;
  /** How to read it, e.g. "target ≥ 5000". */
  note?: string;
}

export interface BenchOptions {
  /** A short run: a small corpus and few iterations, to show that the benchmark works. */
  quick: boolean;
  /** Progress lines go here (stderr), figures are returned. */
  log: (line: string) => void;
}

export interface Benchmark {
  name: string;
  description: string;
  run(options: BenchOptions): Promise<Figure[]>;
}

/** Runs `work` a few times after a warm-up and returns the median duration in milliseconds. */
export function medianMs(work: () => void, iterations: number): number {
  work(); // warm-up: JIT, caches, lazily compiled validators
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    work();
    times.push(Number(process.hrtime.bigint() - start) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}
