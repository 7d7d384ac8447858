/**
 * Runs fuzz cases in a process of its own (argv: seed, first case, count), reporting each over IPC,
 * so that the parent (run.ts) can kill it when a read hangs and carry on after the hung case.
 */
import { buildCorpus } from './corpus.ts';
import { fuzzTargets, runCase } from './cases.ts';
import type { ChildMessage } from './run.ts';

const send = (m: ChildMessage) => new Promise<void>((ok) => process.send!(m, () => ok()));

const [seed, from, count] = process.argv.slice(2).map(Number) as [number, number, number];
const targets = fuzzTargets(await buildCorpus());
await send({ kind: 'ready', targets: targets.map((t) => ({ name: t.name, samples: t.samples.length })) });
for (let n = from; n < from + count; n++) {
  const start = performance.now();
  const failure = await runCase(targets, seed, n);
  await send({ kind: 'end', n, ms: performance.now() - start, ...(failure === undefined ? {} : { failure }) });
}
process.disconnect();
