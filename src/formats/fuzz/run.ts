/**
 * The fuzzer's driver: runs cases in a child process (child.ts) and watches it. A read over the time
 * limit is a failure; a read still going at twice the limit is a hang: the child is killed and a new
 * one carries on with the next case, so no hang can stall the run. So is a child that dies.
 */
import { fork } from 'node:child_process';
import { resolve } from 'node:path';
import type { CaseFailure } from './cases.ts';

export type ChildMessage =
  | { kind: 'ready'; targets: Array<{ name: string; samples: number }> }
  | { kind: 'end'; n: number; ms: number; failure?: CaseFailure };

export interface FuzzFailure {
  n: number;
  kind: 'exception' | 'slow' | 'hang' | 'crash';
  ms?: number;
  failure?: CaseFailure;
  detail?: string;
}

export interface FuzzReport {
  seed: number;
  cases: number;
  failures: FuzzFailure[];
  /** The slowest read and its case (to replay it). */
  slowest: { n: number; ms: number };
  /** Wall time of the cases themselves (not of starting the children and building their corpus). */
  readSeconds: number;
  targets: Array<{ name: string; samples: number }>;
}

export interface FuzzOptions {
  seed: number;
  cases: number;
  from?: number;
  /** The longest a single read may take. */
  limitMs?: number;
  onProgress?: (report: FuzzReport) => void;
}

const ROOT = resolve(import.meta.dirname, '../../..');
const CHILD = resolve(import.meta.dirname, 'child.ts');

export async function runFuzz(o: FuzzOptions): Promise<FuzzReport> {
  const limitMs = o.limitMs ?? 2000;
  const report: FuzzReport = { seed: o.seed, cases: 0, failures: [], slowest: { n: -1, ms: 0 }, readSeconds: 0, targets: [] };
  const end = (o.from ?? 0) + o.cases;
  let next = o.from ?? 0;
  while (next < end) next = await runChild(next);
  return report;

  /** Runs cases from `first` in one child until they are done or it hangs or dies; returns the next case to run. */
  function runChild(first: number): Promise<number> {
    return new Promise((done, fail) => {
      const child = fork(CHILD, [String(o.seed), String(first), String(end - first)], {
        cwd: ROOT,
        execArgv: ['--import', 'tsx'],
        stdio: ['ignore', 'inherit', 'pipe', 'ipc'],
      });
      let stderr = '';
      child.stderr!.on('data', (b: Buffer) => (stderr = (stderr + b.toString()).slice(-4000)));
      let current = first;
      let since = 0;
      let watchdog: NodeJS.Timeout | undefined;
      let settled = false;
      let ready = false;
      const arm = () => {
        clearTimeout(watchdog);
        since = performance.now();
        watchdog = setTimeout(() => finish({ n: current, kind: 'hang', ms: performance.now() - since }), 2 * limitMs);
      };
      const finish = (failure?: FuzzFailure) => {
        if (settled) return;
        settled = true;
        clearTimeout(watchdog);
        if (failure !== undefined) {
          report.failures.push(failure);
          report.cases++;
          child.kill('SIGKILL');
          o.onProgress?.(report);
          done(current + 1);
        } else done(end);
      };
      child.on('message', (m: ChildMessage) => {
        if (m.kind === 'ready') {
          ready = true;
          report.targets = m.targets;
          arm();
          return;
        }
        report.cases++;
        report.readSeconds += m.ms / 1000;
        if (m.ms > report.slowest.ms) report.slowest = { n: m.n, ms: m.ms };
        if (m.failure !== undefined) report.failures.push({ n: m.n, kind: 'exception', ms: m.ms, failure: m.failure });
        else if (m.ms > limitMs) report.failures.push({ n: m.n, kind: 'slow', ms: m.ms });
        current = m.n + 1;
        o.onProgress?.(report);
        if (current < end) arm();
      });
      child.on('exit', (code, signal) => {
        // Dying before any case is the fuzzer's own failure (its corpus), not a reader's.
        if (!ready) fail(new Error(`the fuzz child stopped before its first case (exit ${code ?? signal}): ${stderr}`));
        else if (current < end) finish({ n: current, kind: 'crash', detail: `exit ${code ?? signal}: ${stderr}` });
        else finish();
      });
    });
  }
}
