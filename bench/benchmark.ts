/**
 * What a benchmark is, for bench/run.ts: a named function that measures and returns its figures.
 * Add one by writing a module that exports such a function and listing it in run.ts.
 */
import { availableParallelism, loadavg } from 'node:os';

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

/**
 * Starts watching the machine's load; the returned function gives it as a figure, averaged over the
 * measurement. On a machine shared with other work, elapsed times stretch with it.
 */
export function watchLoad(): () => Figure {
  const before = loadavg()[0]!;
  return () => {
    const after = loadavg()[0]!;
    return {
      name: 'machine load average (1 min)',
      value: Number(((before + after) / 2).toFixed(1)),
      unit: 'runnable tasks',
      note: `${before.toFixed(1)} before, ${after.toFixed(1)} after; ${availableParallelism()} cores`,
    };
  };
}

export interface Timing {
  /** Median elapsed time. */
  wallMs: number;
  /**
   * Median CPU time of this process (user + system). On a machine shared with other work the
   * elapsed time stretches while waiting for a core; CPU time measures the work itself.
   */
  cpuMs: number;
}

/** Runs `work` a few times after a warm-up; medians of elapsed and CPU time, in milliseconds. */
export function measure(work: () => void, iterations: number): Timing {
  work(); // warm-up: JIT, caches, lazily compiled validators
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = process.hrtime.bigint();
    const startCpu = process.cpuUsage();
    work();
    const used = process.cpuUsage(startCpu);
    wall.push(Number(process.hrtime.bigint() - start) / 1e6);
    cpu.push((used.user + used.system) / 1000);
  }
  const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { wallMs: median(wall), cpuMs: median(cpu) };
}
