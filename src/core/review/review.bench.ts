/**
 * Review throughput on a generated corpus (the benchmark runner calls `bench()`; run alone with
 * `npx tsx src/core/review/review.bench.ts`). Figures are absolute (projects/s, indicators/s on
 * this machine) and relative to JSON.parse of the same corpus timed in the same run, which makes
 * them comparable across machines.
 */
import { generateDocuments } from '../model/generate.ts';
import { parseTargetValue } from '../target-value/parse.ts';
import { reviewDocument } from './engine.ts';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  /** How the figure compares with a baseline measured in the same run, e.g. "0.8× JSON.parse". */
  note?: string;
}

export interface ReviewBenchOptions {
  /** Unit documents in the corpus (10 projects each). Default 1,000: 10,000 projects. */
  units?: number;
  /** Timed repetitions; the fastest counts. Default 3. */
  rounds?: number;
}

/** The fastest of `rounds` runs, in milliseconds, after one warm-up run. */
function fastest(rounds: number, run: () => void): number {
  run();
  let best = Infinity;
  for (let i = 0; i < rounds; i++) {
    const start = performance.now();
    run();
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

export async function bench(options: ReviewBenchOptions = {}): Promise<BenchResult[]> {
  const rounds = options.rounds ?? 3;
  const docs = generateDocuments({ seed: 2020, units: options.units ?? 1000, projectsPerUnit: 10 });
  const projects = docs.reduce((n, d) => n + d.projects.length, 0);
  const targets = docs.flatMap((d) => d.projects.flatMap((p) => p.indicators.map((i) => i.target)));
  const json = JSON.stringify(docs);

  let findings = 0;
  const reviewMs = fastest(rounds, () => {
    findings = 0;
    for (const d of docs) findings += reviewDocument(d).length;
  });
  const parseMs = fastest(rounds, () => {
    for (const t of targets) parseTargetValue(t);
  });
  const jsonMs = fastest(rounds, () => JSON.parse(json));

  const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
  const ratio = (ms: number) => `${(jsonMs / ms).toFixed(2)}× the speed of JSON.parse of the corpus (${(json.length / 1e6).toFixed(1)} MB)`;
  return [
    { name: 'review: projects', value: perSecond(projects, reviewMs), unit: 'projects/s', note: ratio(reviewMs) },
    { name: 'review: indicators', value: perSecond(targets.length, reviewMs), unit: 'indicators/s', note: `${findings} findings` },
    { name: 'target-value grammar', value: perSecond(targets.length, parseMs), unit: 'targets/s', note: ratio(parseMs) },
  ];
}

if (process.argv[1]?.endsWith('review.bench.ts'))
  for (const r of await bench()) console.log(`${r.name.padEnd(22)} ${String(r.value).padStart(10)} ${r.unit.padEnd(13)} ${r.note ?? ''}`);
