/**
 * `npm run bench [-- --quick] [--units N] [NAME...]`: runs the benchmarks (all, or those named) and prints
 * their figures as a table. Each benchmark is a module exporting a `Benchmark` (./benchmark.ts);
 * list new ones in BENCHMARKS.
 */
import Table from 'cli-table3';
import { bench as reviewBench } from '../src/core/review/review.bench.ts';
import { api } from './api.ts';
import type { Benchmark, BenchOptions } from './benchmark.ts';
import { cli } from './cli.ts';
import { importReview } from './import-review.ts';
import { province } from './province.ts';
import { suggestions } from './suggestions.ts';
import { tableReader } from './table-reader.ts';

const BENCHMARKS: readonly Benchmark[] = [
  importReview,
  tableReader,
  { name: 'review', description: '审核引擎 · the review engine alone (CPU time)', run: (options) => reviewBench(options) },
  api,
  cli,
  province,
  suggestions,
];

const args = process.argv.slice(2);
const quick = args.includes('--quick');
/** Options that take a value: the value is not a benchmark's name. */
const VALUED = ['--units'];
const names = args.filter((a, i) => !a.startsWith('--') && !VALUED.includes(args[i - 1] ?? ''));
const unitsArg = args[args.indexOf('--units') + 1];
if (args.includes('--units') && !/^[1-9]\d*$/.test(unitsArg ?? '')) {
  console.error(`--units takes a whole number, not ${unitsArg ?? 'nothing'}`);
  process.exit(2);
}
const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
if (unknown.length > 0) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; known: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const selected = names.length === 0 ? BENCHMARKS.filter((b) => !b.onlyWhenNamed) : BENCHMARKS.filter((b) => names.includes(b.name));
const options: BenchOptions = {
  quick,
  log: (line) => process.stderr.write(`  ${line}\n`),
  ...(args.includes('--units') ? { units: Number(unitsArg) } : {}),
};

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
