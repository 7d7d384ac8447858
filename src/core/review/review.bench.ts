/**
 * Review throughput alone on a generated corpus. bench/run.ts can list it as
 * `{ name: 'review', description, run: (options) => bench(options) }` (its figures have the
 * runner's Figure shape); run alone with `npx tsx src/core/review/review.bench.ts [--quick]`.
 *
 * Throughput is counted in CPU time of this process (the machine is shared: elapsed time stretches
 * while waiting for a core), and also given relative to JSON.parse of the same corpus timed in the
 * same run, which makes it comparable across machines.
 */
import { generateDocuments } from '../model/generate.ts';
import { parseTargetValue } from '../target-value/parse.ts';
import { reviewDocument } from './engine.ts';

export interface BenchResult {
  name: string;
  value: number;
  unit: string;
  note?: string;
}

export interface ReviewBenchOptions {
  /** A small corpus and few rounds, to show that the benchmark works. */
  quick?: boolean;
}

/** Median CPU milliseconds of `rounds` runs after a warm-up run. */
function cpuMs(rounds: number, work: () => void): number {
  work();
  const times: number[] = [];
  for (let i = 0; i < rounds; i++) {
    const start = process.cpuUsage();
    work();
    const used = process.cpuUsage(start);
    times.push((used.user + used.system) / 1000);
  }
  return times.sort((a, b) => a - b)[Math.floor(rounds / 2)]!;
}

export async function bench(options: ReviewBenchOptions = {}): Promise<BenchResult[]> {
  const rounds = options.quick ? 3 : 5;
  // Ten projects per unit document, 4–10 indicators each: 10,000 projects and some 65,000 rows.
  const docs = generateDocuments({ seed: 2020, units: options.quick ? 100 : 1000, projectsPerUnit: 10 });
  const projects = docs.reduce((n, d) => n + d.projects.length, 0);
  const targets = docs.flatMap((d) => d.projects.flatMap((p) => p.indicators.map((i) => i.target)));
  const json = JSON.stringify(docs);

  let findings = 0;
  const review = cpuMs(rounds, () => {
    findings = 0;
    for (const d of docs) findings += reviewDocument(d).length;
  });
  const grammar = cpuMs(rounds, () => {
    for (const t of targets) parseTargetValue(t);
  });
  const parse = cpuMs(rounds, () => JSON.parse(json));

  const perSecond = (n: number, ms: number) => Math.round((n / ms) * 1000);
  const vsJson = (ms: number) => `${(parse / ms).toFixed(2)}× JSON.parse of the corpus (${(json.length / 1e6).toFixed(1)} MB)`;
  return [
    { name: 'review', value: perSecond(projects, review), unit: 'projects/s', note: `CPU time; ${vsJson(review)}` },
    {
      name: 'review',
      value: perSecond(targets.length, review),
      unit: 'indicators/s',
      note: `${(targets.length / projects).toFixed(1)} per project; ${findings} findings`,
    },
    { name: 'target-value grammar', value: perSecond(targets.length, grammar), unit: 'targets/s', note: vsJson(grammar) },
  ];
}

if (process.argv[1]?.endsWith('review.bench.ts'))
  for (const r of await bench({ quick: process.argv.includes('--quick') }))
    console.log(`${r.name.padEnd(22)} ${String(r.value).padStart(10)} ${r.unit.padEnd(13)} ${r.note ?? ''}`);
