/**
 * `jixiao export`: documents out as Word, PDF, Excel, exchange JSON or open data (CSV + data package).
 * From a file (anything `jixiao import` reads) or from the database: one unit's year (--unit), or every
 * unit under a finance bureau (--bureau), as a ZIP of one file per unit or one combined file. Output
 * is written beside the target and renamed over it, so an interrupted export leaves no half a file.
 */
import { mkdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import type { TargetDocument } from '../../core/model/document.ts';
import { ImportError } from '../../formats/import-error.ts';
import { writeExchangeJson } from '../../formats/json/exchange.ts';
import { openDataFiles } from '../../formats/open-data/data-package.ts';
import { bundleFileName, zipBundle, type BundleFile } from '../../formats/publication/zip.ts';
import { readDocumentFile } from '../../formats/read-document.ts';
import { messages } from '../../i18n/index.ts';
import { openStore, type Store } from '../../store/database.ts';
import { DataDirBusyError, lockDataDir } from '../../store/data-dir-lock.ts';
import { documentOf, modelOf, readDocument } from '../../store/documents.ts';
import { bureausUnder, listUnits, unitByCode } from '../../store/organisation.ts';
import { parseYear } from '../inputs.ts';
import { startProgress } from '../progress.ts';

const FORMATS = ['docx', 'pdf', 'xlsx', 'json', 'csv'] as const;
type Format = (typeof FORMATS)[number];

interface ExportOptions {
  to: Format;
  output?: string;
  unit?: string;
  bureau?: string;
  year?: number;
  data: string;
  databaseUrl?: string;
  combined?: boolean;
  template?: boolean;
}

const c = () => messages().publication.command;

// The writers load large libraries (docx, pdfmake, exceljs): only the one asked for is loaded.
const writers = {
  docx: async () => (await import('../../formats/docx/write-docx.ts')).writeDocx,
  pdf: async () => (await import('../../formats/pdf/write-pdf.ts')).writePdf,
  xlsx: async () => await import('../../formats/xlsx/write-xlsx.ts'),
};

export function registerExport(program: Command): void {
  program
    .command('export')
    .description(c().description)
    .argument('[file]', c().fileArgument)
    .requiredOption('--to <format>', c().toOption, formatArgument)
    .option('-o, --output <file>', c().outOption)
    .option('--unit <code>', c().unitOption)
    .option('--bureau <code>', c().bureauOption)
    .option('--year <year>', c().yearOption, yearArgument)
    .option('--data <dir>', c().dataOption, './data')
    .option('--database-url <url>', c().databaseUrlOption, process.env.DATABASE_URL)
    .option('--combined', c().combinedOption)
    .option('--template', c().templateOption)
    .action(async (file: string | undefined, options: ExportOptions) => {
      process.exitCode = await runExport(file, options);
    });
}

function formatArgument(value: string): Format {
  if (!(FORMATS as readonly string[]).includes(value)) throw new InvalidArgumentError(c().badFormat(value));
  return value as Format;
}

function yearArgument(value: string): number {
  try {
    return parseYear(value);
  } catch (e) {
    throw new InvalidArgumentError((e as Error).message);
  }
}

/** Exit codes as the other commands: 0 done, 2 unreadable input or usage error. */
async function runExport(file: string | undefined, o: ExportOptions): Promise<number> {
  const say = (s: string) => process.stderr.write(`${s}\n`);
  if (o.output === undefined) {
    say(c().needsOut);
    return 2;
  }
  if (o.template) {
    if (o.to !== 'xlsx') return usage(c().badFormat(o.to));
    await writeAtomically(o.output, await (await writers.xlsx()).xlsxTemplate(o.year));
    say(c().wrote(o.output, 0));
    return 0;
  }
  let docs: TargetDocument[];
  try {
    if (file !== undefined) docs = await readDocumentFile(new Uint8Array(await readFile(file)), file, o.year === undefined ? {} : { year: o.year });
    else if (o.unit !== undefined || o.bureau !== undefined) {
      if (o.year === undefined) return usage(c().needsYear);
      docs = await fromDatabase(o, o.year);
    } else return usage(c().needsSource);
  } catch (e) {
    if (e instanceof ImportError) return usage(e.message);
    if (e instanceof DataDirBusyError) return usage(c().dataBusy(e.dataDir, e.pid));
    if (e instanceof NotFound) return usage(c().notFound(e.what));
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== undefined && file !== undefined) return usage(messages().cli.inputs.unreadable(file, code));
    throw e;
  }
  if (docs.length === 0) return usage(c().noDocuments);
  await write(docs, o.to, o.output, o.combined === true);
  say(c().wrote(o.output, docs.length));
  return 0;
}

function usage(message: string): number {
  process.stderr.write(`${message}\n`);
  return 2;
}

class NotFound extends Error {
  constructor(readonly what: string) {
    super(what);
  }
}

/** Units are read a page at a time: a bureau may have thousands. */
const PAGE = 200;

async function fromDatabase(o: ExportOptions, year: number): Promise<TargetDocument[]> {
  const release = o.databaseUrl ? () => {} : lockDataDir(o.data);
  let store: Store | undefined;
  try {
    store = await openStore(o.databaseUrl ? { databaseUrl: o.databaseUrl } : { dataDir: o.data });
    const db = store.db;
    const docOf = async (unitId: number) => {
      const id = await documentOf(db, unitId, year);
      const stored = id === undefined ? undefined : await readDocument(db, id);
      return stored === undefined ? undefined : modelOf(stored);
    };
    if (o.unit !== undefined) {
      const unit = await unitByCode(db, o.unit);
      const doc = unit === undefined ? undefined : await docOf(unit.id);
      if (doc === undefined) throw new NotFound(`${o.unit} ${year}`);
      return [doc];
    }
    const bureau = (await bureausUnder(db, null)).find((b) => b.code === o.bureau || b.name === o.bureau);
    if (bureau === undefined) throw new NotFound(o.bureau!);
    const docs: TargetDocument[] = [];
    for (let offset = 0; ; offset += PAGE) {
      const page = await listUnits(db, { bureauId: bureau.id, limit: PAGE, offset });
      for (const unit of page.items) {
        const doc = await docOf(unit.id);
        if (doc !== undefined) docs.push(doc);
      }
      if (offset + PAGE >= page.total) break;
    }
    return docs;
  } finally {
    await store?.close();
    release();
  }
}

async function write(docs: TargetDocument[], to: Format, output: string, combined: boolean): Promise<void> {
  const utf8 = (s: string) => new TextEncoder().encode(s);
  switch (to) {
    case 'json':
      return writeAtomically(output, utf8(writeExchangeJson(docs)));
    case 'xlsx':
      return writeAtomically(output, await (await writers.xlsx()).exportXlsx(docs));
    case 'csv': {
      const files = openDataFiles(docs);
      if (output.toLowerCase().endsWith('.zip')) return writeAtomically(output, zipBundle(files));
      await mkdir(output, { recursive: true });
      for (const f of files) await writeAtomically(join(output, f.name), f.data);
      return;
    }
    case 'docx':
    case 'pdf': {
      const render = await writers[to]();
      if (docs.length === 1 || combined) return writeAtomically(output, await render(docs));
      // A bundle: one file per unit, as units publish them.
      const progress = startProgress(docs.length);
      const files: BundleFile[] = [];
      for (const doc of docs) {
        const name = bundleFileName(doc.unit, doc.year, to);
        files.push({ name, data: await render([doc]) });
        progress.tick(name);
      }
      progress.stop();
      return writeAtomically(output, zipBundle(files));
    }
  }
}

async function writeAtomically(path: string, data: Uint8Array): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
}
