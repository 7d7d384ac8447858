/**
 * Import + review throughput of the published text format, on a generated corpus of many unit
 * documents (≥ 10,000 projects, ≥ 100,000 indicators), as projects/s and MB/s and as a ratio to
 * JSON.parse of the same documents serialised as exchange JSON, measured in the same run.
 * Target: ≥ 5,000 projects/s on one core (a province's year, ~300k projects, in a minute).
 */
import { generateDocuments, type GenerateLayout } from '../src/core/model/generate.ts';
import type { TargetDocument } from '../src/core/model/document.ts';
import { reviewDocument } from '../src/core/review/engine.ts';
import { readExchangeJson, writeExchangeJson } from '../src/formats/json/exchange.ts';
import { readPublishedText } from '../src/formats/text/read.ts';
import { writePublishedText } from '../src/formats/text/write.ts';
import { measure, type Benchmark, type Figure, type Timing } from './benchmark.ts';

/** Units publish in different templates: the corpus mixes them. */
const LAYOUTS: GenerateLayout[] = [
  {},
  { otherFunds: true },
  { checkpoints: 'monthly', outcomeName: '效益指标' },
  { checkpoints: 'quarterly', optionalFields: true, fundSources: true },
  { costAsLevel1: true, outcomeName: '效益指标', remarks: true },
  { longTerm: true, level3: true, department: false },
];

function corpus(quick: boolean): TargetDocument[] {
  const units = quick ? 48 : 360;
  const perLayout = units / LAYOUTS.length;
  return LAYOUTS.flatMap((layout, i) =>
    generateDocuments({ seed: 2020 + i, units: perLayout, projectsPerUnit: quick ? 20 : 40, year: 2021, layout }),
  );
}

export const importReview: Benchmark = {
  name: 'import-review',
  description: '公开文本导入 + 审核 · published-text import and review',
  async run({ quick, log }) {
    const docs = corpus(quick);
    const projects = docs.reduce((n, d) => n + d.projects.length, 0);
    const indicators = docs.reduce((n, d) => n + d.projects.reduce((m, p) => m + p.indicators.length, 0), 0);
    if (!quick && (projects < 10_000 || indicators < 100_000))
      throw new Error(`corpus too small: ${projects} projects, ${indicators} indicators`);

    // One file per unit, as a county's folder holds them.
    const encoder = new TextEncoder();
    const files = docs.map((d) => encoder.encode(writePublishedText([d])));
    const jsons = docs.map((d) => writeExchangeJson([d], { targetValues: false, indent: 0 }));
    const textMB = files.reduce((n, f) => n + f.byteLength, 0) / 1e6;
    const jsonMB = jsons.reduce((n, j) => n + Buffer.byteLength(j), 0) / 1e6;
    log(
      `corpus: ${docs.length} unit documents, ${projects} projects, ${indicators} indicators, ${textMB.toFixed(1)} MB text, ${jsonMB.toFixed(1)} MB JSON`,
    );

    const iterations = quick ? 2 : 3;
    const importAll = () => files.map((f, i) => readPublishedText(f, { fileName: `unit-${i}.txt` }));
    const imported = importAll();
    const time = (name: string, work: () => void): Timing => {
      const t = measure(work, iterations);
      log(`${name}: median ${t.wallMs.toFixed(0)} ms elapsed, ${t.cpuMs.toFixed(0)} ms CPU, of ${iterations}`);
      return t;
    };
    const parse = time('JSON.parse', () => jsons.forEach((j) => JSON.parse(j)));
    const importOnly = time('import', importAll);
    const review = time('review', () => imported.forEach((ds) => ds.forEach((d) => reviewDocument(d))));
    const both = time('import + review', () =>
      files.forEach((f, i) => readPublishedText(f, { fileName: `unit-${i}.txt` }).forEach((d) => reviewDocument(d))),
    );
    const exchange = time('exchange JSON import', () => jsons.forEach((j, i) => readExchangeJson(j, { fileName: `unit-${i}.json` })));

    const perSecond = (ms: number) => Math.round(projects / (ms / 1000));
    const mbPerSecond = (mb: number, ms: number) => Number((mb / (ms / 1000)).toFixed(1));
    const ratio = (t: Timing) => Number((t.wallMs / parse.wallMs).toFixed(1));
    const figures: Figure[] = [
      { name: 'corpus projects', value: projects, unit: 'projects' },
      { name: 'corpus indicators', value: indicators, unit: 'indicators' },
      { name: 'import + review', value: perSecond(both.wallMs), unit: 'projects/s', note: 'target ≥ 5000, one core' },
      {
        name: 'import + review, per CPU-second',
        value: perSecond(both.cpuMs),
        unit: 'projects/s',
        note: 'the same, load of other processes left out',
      },
      { name: 'import + review', value: mbPerSecond(textMB, both.wallMs), unit: 'MB/s' },
      {
        name: 'import + review vs JSON.parse',
        value: ratio(both),
        unit: '× the time',
        note: 'JSON.parse of the same data as exchange JSON',
      },
      { name: 'import only', value: perSecond(importOnly.wallMs), unit: 'projects/s' },
      { name: 'import only', value: mbPerSecond(textMB, importOnly.wallMs), unit: 'MB/s' },
      { name: 'import only vs JSON.parse', value: ratio(importOnly), unit: '× the time' },
      { name: 'review only', value: perSecond(review.wallMs), unit: 'projects/s' },
      { name: 'JSON.parse', value: perSecond(parse.wallMs), unit: 'projects/s' },
      { name: 'JSON.parse', value: mbPerSecond(jsonMB, parse.wallMs), unit: 'MB/s' },
      { name: 'exchange JSON import (validated)', value: perSecond(exchange.wallMs), unit: 'projects/s' },
    ];
    return figures;
  },
};
