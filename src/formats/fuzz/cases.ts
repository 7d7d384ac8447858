/**
 * One fuzz case: a target (a document reader of READERS, or the actuals reader), one of its samples
 * mutated, and the read. Any outcome but a result or an ImportError is a failure, reported with what
 * was read and how it was made, so that `npm run fuzz -- --seed S --from N --cases 1` replays it.
 */
import { readActualsFile } from '../actuals/read-actuals.ts';
import { ImportError } from '../import-error.ts';
import { READERS, readDocumentFile } from '../read-document.ts';
import type { Corpus, Sample } from './corpus.ts';
import { mutate, prng } from './mutate.ts';

export interface Target {
  name: string;
  samples: Sample[];
  read(bytes: Uint8Array, fileName: string): Promise<unknown>;
}

export function fuzzTargets(corpus: Corpus): Target[] {
  return [
    ...READERS.map((r) => ({
      name: `document:${r.name}`,
      samples: corpus.documents.get(r.name) ?? [],
      read: (b: Uint8Array, n: string) => readDocumentFile(b, n),
    })),
    { name: 'actuals', samples: corpus.actuals, read: (b: Uint8Array, n: string) => readActualsFile(b, n, corpus.seed) },
  ];
}

export interface CaseFailure {
  target: string;
  sample: string;
  steps: string[];
  error: string;
}

/** The case's own random stream: any case can be replayed alone. */
const caseRandom = (seed: number, n: number) => prng((Math.imul(seed, 0x9e3779b1) ^ Math.imul(n + 1, 0x85ebca6b)) >>> 0);

export async function runCase(targets: readonly Target[], seed: number, n: number): Promise<CaseFailure | undefined> {
  const r = caseRandom(seed, n);
  const target = targets[n % targets.length]!;
  const sample = target.samples[Math.floor(r() * target.samples.length)]!;
  const other = target.samples[Math.floor(r() * target.samples.length)]!;
  const { bytes, steps } = mutate(r, sample.bytes, other.bytes);
  try {
    await target.read(bytes, sample.name);
    return undefined;
  } catch (e) {
    if (e instanceof ImportError) return undefined;
    return { target: target.name, sample: sample.name, steps, error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}
