/**
 * `npm run fuzz [-- --cases N --seed S --from N]`: the long fuzz run over every reader (see
 * src/formats/fuzz). Prints progress as it goes and each failure with what replays it; exits 1 on any.
 */
import { parseArgs } from 'node:util';
import { runFuzz, type FuzzFailure } from '../src/formats/fuzz/run.ts';

const { values } = parseArgs({
  options: { cases: { type: 'string', default: '20000' }, seed: { type: 'string' }, from: { type: 'string', default: '0' } },
});
const seed = values.seed === undefined ? Date.now() % 1_000_000_007 : Number(values.seed);
const cases = Number(values.cases);
const from = Number(values.from);
const started = performance.now();
let shown = 0;
const tty = process.stdout.isTTY;

const describe = (f: FuzzFailure) =>
  [
    `\n✗ case ${f.n}: ${f.kind}${f.ms === undefined ? '' : ` after ${Math.round(f.ms)} ms`}  (replay: npm run fuzz -- --seed ${seed} --from ${f.n} --cases 1)`,
    ...(f.failure
      ? [
          `  ${f.failure.target} ← ${f.failure.sample}: ${f.failure.steps.join(', ')}`,
          `  ${f.failure.error.split('\n').slice(0, 6).join('\n  ')}`,
        ]
      : []),
    ...(f.detail ? [`  ${f.detail}`] : []),
  ].join('\n');

console.log(`fuzzing ${cases} cases from ${from}, seed ${seed}`);
const report = await runFuzz({
  seed,
  cases,
  from,
  onProgress: (r) => {
    for (const f of r.failures.slice(shown)) console.log(describe(f));
    shown = r.failures.length;
    if (r.cases % 50 !== 0 && r.cases !== cases) return;
    const line = `${r.cases}/${cases} cases, ${(r.cases / r.readSeconds).toFixed(0)} reads/s, slowest ${Math.round(r.slowest.ms)} ms, ${r.failures.length} failures`;
    if (tty) process.stdout.write(`\r${line}   `);
    else console.log(line);
  },
});
const wall = (performance.now() - started) / 1000;
console.log(
  `\n${report.cases} cases in ${wall.toFixed(1)} s (${(report.cases / wall).toFixed(0)} cases/s), slowest read ${Math.round(report.slowest.ms)} ms (case ${report.slowest.n}), ${report.failures.length} failures`,
);
console.log(report.targets.map((t) => `${t.name}: ${t.samples} files`).join(', '));
process.exitCode = report.failures.length > 0 ? 1 : 0;
