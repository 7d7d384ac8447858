/**
 * A bounded, seeded fuzz run over every document reader of READERS and the actuals reader: mutated
 * real files give a result or an ImportError, never another exception, and no read takes over 2 s.
 * `npm run fuzz` runs the same for longer (scripts/fuzz.ts).
 */
import { describe, expect, it } from 'vitest';
import { READERS } from '../read-document.ts';
import { fuzzTargets } from './cases.ts';
import { buildCorpus } from './corpus.ts';
import { runFuzz } from './run.ts';

describe('fuzzing the readers', () => {
  // Otherwise a reader refusing everything, even its own format, would pass: an ImportError is no failure.
  it('starts from files every target reads as they are', { timeout: 60_000 }, async () => {
    for (const target of fuzzTargets(await buildCorpus()))
      for (const sample of target.samples)
        await expect(target.read(sample.bytes, sample.name), `${target.name} ← ${sample.name}`).resolves.toBeDefined();
  });

  it('reads damaged files of every format with a result or an ImportError, each within 2 s', { timeout: 120_000 }, async () => {
    const report = await runFuzz({ seed: 20_200_101, cases: 250 });
    expect(report.targets.map((t) => t.name)).toEqual([...READERS.map((r) => `document:${r.name}`), 'actuals']);
    for (const t of report.targets) expect(t.samples, `${t.name} has files to mutate`).toBeGreaterThan(0);
    expect(report.failures).toEqual([]);
    expect(report.cases).toBe(250);
  });
});
