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
  /** `--units N`: the size of a generated province (the province benchmark's). */
  units?: number;
}

export interface Benchmark {
  name: string;
  description: string;
  /** Runs only when named (`npm run bench -- NAME`): too long for every run. */
  onlyWhenNamed?: boolean;
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
  const timings = new Timings();
  for (let i = 0; i < iterations; i++) {
    const started = timings.start();
    work();
    timings.stop(started);
  }
  return timings.medians();
}

/** `measure` for work that awaits (a reader that loads its library on first use, a workbook's loader). */
export async function measureAsync(work: () => Promise<unknown>, iterations: number): Promise<Timing> {
  await work();
  const timings = new Timings();
  for (let i = 0; i < iterations; i++) {
    const started = timings.start();
    await work();
    timings.stop(started);
  }
  return timings.medians();
}

class Timings {
  private readonly wall: number[] = [];
  private readonly cpu: number[] = [];

  start() {
    return { wall: process.hrtime.bigint(), cpu: process.cpuUsage() };
  }

  stop(started: { wall: bigint; cpu: NodeJS.CpuUsage }): void {
    const used = process.cpuUsage(started.cpu);
    this.wall.push(Number(process.hrtime.bigint() - started.wall) / 1e6);
    this.cpu.push((used.user + used.system) / 1000);
  }

  medians(): Timing {
    const median = (xs: number[]) => xs.sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
    return { wallMs: median(this.wall), cpuMs: median(this.cpu) };
  }
}
