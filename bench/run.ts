/**
 * `npm run bench [-- --quick] [NAME...]`: runs the benchmarks (all, or those named) and prints
 * their figures as a table. Each benchmark is a module exporting a `Benchmark` (./benchmark.ts);
 * list new ones in BENCHMARKS.
 */
import Table from 'cli-table3';
import { bench as reviewBench } from '../src/core/review/review.bench.ts';
import { api } from './api.ts';
import type { Benchmark, BenchOptions } from './benchmark.ts';
import { cli } from './cli.ts';
import { importReview } from './import-review.ts';
import { tableReader } from './table-reader.ts';

const BENCHMARKS: readonly Benchmark[] = [
  importReview,
  tableReader,
  { name: 'review', description: '审核引擎 · the review engine alone (CPU time)', run: (options) => reviewBench(options) },
  api,
  cli,
];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const selected = names.length === 0 ? BENCHMARKS : BENCHMARKS.filter((b) => names.includes(b.name));
const options: BenchOptions = { quick, log: (line) => process.stderr.write(`  ${line}\n`) };

for (const bench of selected) {
  process.stderr.write(`${bench.name}: ${bench.description}${quick ? ' (quick)' : ''}\n`);
  const started = Date.now();
  const figures = await bench.run(options);
  if (figures.length === 0) continue;
  const table = new Table({ head: [bench.name, 'value', 'unit', 'note'], style: { head: [], border: [] } });
  for (const f of figures) table.push([f.name, f.value.toLocaleString('en-US'), f.unit, f.note ?? '']);
  console.log(table.toString());
  console.log(`(${((Date.now() - started) / 1000).toFixed(1)} s)\n`);
}
