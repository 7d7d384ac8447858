/**
 * Start-up of the `jixiao` command, which is most of what a user waits for: `jixiao --help` and the
 * sample's Word export, through the installed entry (bin/jixiao.js) and through `npm run jixiao`,
 * against Node doing nothing (`node -e 0`), each a fresh process timed from spawn to exit.
 * Targets (issue 18): help < 300 ms, the export through npm < 1 s.
 *
 * The compiled CLI is measured, as `npm run build` leaves it: the benchmark builds it first (a
 * no-op when current), else bin/jixiao.js would run the sources through tsx.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { watchLoad, type Benchmark, type Figure } from './benchmark.ts';

const ROOT = resolve(import.meta.dirname, '..');
const SAMPLE = 'samples/huailai-sifaju-2020.txt';
/** Preloaded into each Node process measured: its peak memory, written to stderr as it exits. */
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxrss '+process.resourceUsage().maxRSS+'\\n'))`;

interface Run {
  name: string;
  command: string;
  args: string[];
  /** Whether the command is Node itself, so its memory can be read. */
  node: boolean;
  note?: string;
}

interface Measured {
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Peak resident memory of the last run, when known. */
  rssMb?: number;
}

function time(run: Run, iterations: number): Measured {
  const args = run.node ? ['--import', REPORT_RSS, ...run.args] : run.args;
  const ms: number[] = [];
  let rssMb: number | undefined;
  for (let i = 0; i <= iterations; i++) {
    const start = process.hrtime.bigint();
    const r = spawnSync(run.command, args, { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'ignore', 'pipe'] });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e6;
    if (r.status !== 0) throw new Error(`${run.name} exited ${r.status ?? r.signal}: ${r.stderr}${r.error ?? ''}`);
    const kb = /^maxrss (\d+)$/m.exec(r.stderr)?.[1];
    if (kb !== undefined) rssMb = Math.round(Number(kb) / 1024);
    // The first run fills the file cache and is left out.
    if (i > 0) ms.push(elapsed);
  }
  ms.sort((a, b) => a - b);
  return {
    medianMs: Math.round(ms[Math.floor(ms.length / 2)]!),
    minMs: Math.round(ms[0]!),
    maxMs: Math.round(ms.at(-1)!),
    ...(rssMb ? { rssMb } : {}),
  };
}

export const cli: Benchmark = {
  name: 'cli',
  description: '命令行启动 · `jixiao --help` and the sample DOCX export vs `node -e 0` (wall time of fresh processes)',
  async run({ quick, log }) {
    const build = spawnSync(process.execPath, ['scripts/cli-build.js'], { cwd: ROOT, encoding: 'utf8' });
    if (build.status !== 0) throw new Error(`the CLI does not build: ${build.stdout}${build.stderr}`);
    const out = mkdtempSync(join(tmpdir(), 'jixiao-bench-'));
    const exportArgs = ['export', SAMPLE, '--to', 'docx', '-o', join(out, 'sample.docx')];
    const runs: Run[] = [
      { name: 'node -e 0', command: process.execPath, args: ['-e', '0'], node: true, note: 'Node alone: the floor' },
      { name: 'jixiao --help', command: process.execPath, args: ['bin/jixiao.js', '--help'], node: true, note: 'target < 300 ms' },
      { name: 'jixiao export sample --to docx', command: process.execPath, args: ['bin/jixiao.js', ...exportArgs], node: true },
      {
        name: 'npm run jixiao -- export sample --to docx',
        command: 'npm',
        args: ['run', '--silent', 'jixiao', '--', ...exportArgs],
        node: false,
        note: 'target < 1000 ms',
      },
    ];
    const iterations = quick ? 2 : 10;
    const machineLoad = watchLoad();
    try {
      const measured = runs.map((run) => {
        const m = time(run, iterations);
        log(`${run.name}: median ${m.medianMs} ms, ${m.minMs}–${m.maxMs} ms over ${iterations} runs`);
        return m;
      });
      const loadFigure = machineLoad();
      const base = measured[0]!;
      const figures: Figure[] = [];
      runs.forEach((run, i) => {
        const m = measured[i]!;
        const spread = `${m.minMs}–${m.maxMs} ms over ${iterations} runs`;
        figures.push({ name: run.name, value: m.medianMs, unit: 'ms', note: run.note ? `${run.note}; ${spread}` : spread });
        if (i > 0)
          figures.push({ name: `${run.name} vs node -e 0`, value: Number((m.medianMs / base.medianMs).toFixed(1)), unit: '× the time' });
        if (m.rssMb !== undefined) figures.push({ name: run.name, value: m.rssMb, unit: 'MB peak memory' });
      });
      figures.push(loadFigure);
      return figures;
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  },
};
