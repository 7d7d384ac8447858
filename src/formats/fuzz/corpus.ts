/**
 * What the fuzzer mutates: real files of every format jixiao reads. Each document reader gets the
 * fixture files under src/formats/<format>/fixtures with its extensions, and what jixiao's own writers
 * make of the seed and of generated documents; a reader added to READERS without either has no corpus,
 * which the fuzz test reports. The actuals reader gets its CSV fixtures and a workbook made from one.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { generateDocuments } from '../../core/model/generate.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { writeDocx } from '../docx/write-docx.ts';
import { writeExchangeJson } from '../json/exchange.ts';
import { READERS } from '../read-document.ts';
import { decodeText } from '../text/decode.ts';
import { readPublishedText } from '../text/read.ts';
import { writePublishedText } from '../text/write.ts';
import { exportXlsx } from '../xlsx/write-xlsx.ts';

export interface Sample {
  name: string;
  bytes: Uint8Array;
}

const FORMATS = resolve(import.meta.dirname, '..');
export const SEED_FILE = resolve(FORMATS, '../../samples/huailai-sifaju-2020.txt');
const ACTUALS_FIXTURES = join(FORMATS, 'actuals/fixtures');

const utf8 = (s: string) => new TextEncoder().encode(s);

/**
 * Old .doc and .xls files are read by LibreOffice, seconds a file: its own fuzzing covers its readers,
 * and what jixiao reads of them is the .docx and .xlsx it writes, which are fuzzed.
 */
const CONVERTED = ['.doc', '.xls'];

/** A fixture folder's expected reading, which a test compares with, not a file to read. */
const EXPECTATION = 'expected.json';

/** Fixture files (any depth under a `fixtures` folder of src/formats) with one of these endings. */
function fixtures(extensions: readonly string[]): Sample[] {
  const found: Sample[] = [];
  const wanted = extensions.filter((x) => !CONVERTED.includes(x));
  const walk = (dir: string, inFixtures: boolean) => {
    for (const e of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const path = join(dir, e.name);
      if (e.isDirectory()) walk(path, inFixtures || e.name === 'fixtures');
      else if (inFixtures && e.name !== EXPECTATION && wanted.some((x) => e.name.toLowerCase().endsWith(x)))
        found.push({ name: e.name, bytes: new Uint8Array(readFileSync(path)) });
    }
  };
  walk(FORMATS, false);
  return found;
}

/** What jixiao's writers make, per reader name. */
async function written(seed: TargetDocument[]): Promise<Record<string, Sample[]>> {
  const generated = generateDocuments({
    seed: 3,
    units: 1,
    projectsPerUnit: 2,
    layout: { longTerm: true, remarks: true, otherFunds: true },
  });
  return {
    text: [
      { name: 'seed.txt', bytes: new Uint8Array(readFileSync(SEED_FILE)) },
      { name: 'generated.txt', bytes: utf8(writePublishedText(generated, { lineEnding: '\r\n', fullWidth: true })) },
    ],
    json: [{ name: 'seed.json', bytes: utf8(writeExchangeJson(seed)) }],
    docx: [
      { name: 'seed.docx', bytes: await writeDocx(seed) },
      { name: 'generated.docx', bytes: await writeDocx(generated) },
    ],
    xlsx: [
      { name: 'seed.xlsx', bytes: await exportXlsx(seed) },
      { name: 'generated.xlsx', bytes: await exportXlsx(generated) },
    ],
  };
}

/** An actuals workbook with the rows of an actuals CSV fixture. */
async function actualsWorkbook(csv: Uint8Array): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('实际值');
  for (const row of parse(decodeText(csv).text) as string[][]) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

export interface Corpus {
  /** The seed document, which actuals files are read against. */
  seed: TargetDocument[];
  /** Samples per document reader, by its name (every reader of READERS has an entry, maybe empty). */
  documents: Map<string, Sample[]>;
  actuals: Sample[];
}

export async function buildCorpus(): Promise<Corpus> {
  const seed = readPublishedText(readFileSync(SEED_FILE), { fileName: 'seed.txt' });
  const own = await written(seed);
  const documents = new Map(READERS.map((r) => [r.name, [...(own[r.name] ?? []), ...fixtures(r.extensions)]]));
  const actuals: Sample[] = readdirSync(ACTUALS_FIXTURES)
    .filter((f) => f.endsWith('.csv'))
    .sort()
    .map((name) => ({ name, bytes: new Uint8Array(readFileSync(join(ACTUALS_FIXTURES, name))) }));
  actuals.push({ name: 'actuals.xlsx', bytes: await actualsWorkbook(actuals[0]!.bytes) });
  return { seed, documents, actuals };
}
