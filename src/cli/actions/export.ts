/**
 * `jixiao export`: documents out as Word, PDF, Excel, exchange JSON or open data (CSV + data package).
 * From a file (anything `jixiao import` reads) or from the database: one unit's year (--unit), or every
 * unit under a finance bureau (--bureau), as a ZIP of one file per unit or one combined file. From the
 * database it works while a server runs too: the server that owns the embedded data directory is asked
 * to write the file (as `jixiao backup` does). Output appears only once complete, never half a file.
 */
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { profileById } from '../../core/forms/profiles.ts';
import type { FormProfile } from '../../core/forms/profile.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { ImportError } from '../../formats/import-error.ts';
import { writeTemplate, type FileFormat } from '../../formats/publication/export.ts';
import { readDocuments } from '../../formats/read-document.ts';
import { messages, messagesFor, type Locale } from '../../i18n/index.ts';
import { writeFileAtomically } from '../../server/export/bundle.ts';
import { memorySource, writeExport } from '../../server/export/to-file.ts';
import { startProgress, type Progress } from '../progress.ts';

export interface ExportOptions {
  /** The format as the user named it, for messages. */
  to: string;
  output?: string;
  unit?: string;
  bureau?: string;
  year?: number;
  data: string;
  databaseUrl?: string;
  combined?: boolean;
  template?: boolean;
  /**
   * The form profile (an id the command checked) of the template, and of Word and PDF files from a
   * file that was not read as a province's form (one that was prints in the profile it was read as).
   */
  profile?: string;
}

const c = () => messages().publication.command;

const say = (s: string) => process.stderr.write(`${s}\n`);

/** Exit codes as the other commands: 0 done, 2 unreadable input or usage error. */
export async function runExport(file: string | undefined, o: ExportOptions, format: FileFormat): Promise<number> {
  if (o.output === undefined) return usage(c().needsOut);
  if (o.template) {
    if (format !== 'xlsx') return usage(c().badFormat(o.to));
    const template = await writeTemplate(o.year, o.profile === undefined ? undefined : profileById(o.profile));
    await writeFileAtomically(o.output, (sink) => sink(template));
    say(c().wrote(o.output, 0));
    return 0;
  }
  if (file === undefined) {
    if (o.unit === undefined && o.bureau === undefined) return usage(c().needsSource);
    if (o.year === undefined) return usage(c().needsYear);
    return fromDatabase(o, format, o.year);
  }
  let docs: TargetDocument[];
  let profile: FormProfile | undefined;
  try {
    const read = await readDocuments(new Uint8Array(await readFile(file)), file, o.year === undefined ? {} : { year: o.year });
    docs = read.documents;
    profile = read.profile ?? (o.profile === undefined ? undefined : profileById(o.profile));
  } catch (e) {
    if (e instanceof ImportError) return usage(e.message);
    const code = (e as NodeJS.ErrnoException).code;
    if (code !== undefined) return usage(messages().cli.inputs.unreadable(file, code));
    throw e;
  }
  if (docs.length === 0) return usage(c().noDocuments);
  const progress = bundleProgress();
  await writeExport(
    memorySource(docs, (file) => progress.tick(docs.length, file), profile),
    format,
    o.output,
    o.combined === true,
  );
  progress.stop();
  say(c().wrote(o.output, docs.length));
  return 0;
}

function usage(message: string): number {
  say(message);
  return 2;
}

/** A bar for a bundle's files, shown from the first file written (a single file needs none). */
function bundleProgress(): { tick(total: number, file: string): void; stop(): void } {
  let bar: Progress | undefined;
  return {
    tick: (total, file) => (bar ??= startProgress(total)).tick(file),
    stop: () => bar?.stop(),
  };
}

/** The language the files' headings are written in: the command's. */
const locale = (): Locale => (messages() === messagesFor('en') ? 'en' : 'zh-CN');

async function fromDatabase(o: ExportOptions, format: FileFormat, year: number): Promise<number> {
  // The database's libraries are loaded only here: exporting a file needs none of them.
  const { fail, runAdmin } = await import('./admin-target.ts');
  const progress = bundleProgress();
  const { response, viaServer } = await runAdmin(
    o,
    {
      command: 'export',
      format,
      // The server may run in another directory.
      output: resolve(o.output!),
      year,
      ...(o.unit !== undefined ? { unit: o.unit } : { bureau: o.bureau! }),
      combined: o.combined === true,
      locale: locale(),
    },
    (p) => progress.tick(p.total, p.file),
  );
  progress.stop();
  if (!response.ok) {
    if (response.error === 'unit-not-found') return usage(c().notFound(`${response.detail} ${year}`));
    if (response.error === 'bureau-not-found') return usage(c().notFound(response.detail));
    return fail(response);
  }
  if (viaServer !== undefined) say(c().viaServer(viaServer));
  if (response.documents === 0) return usage(o.unit !== undefined ? c().notFound(`${o.unit} ${year}`) : c().noDocuments);
  say(c().wrote(o.output!, response.documents ?? 0));
  return 0;
}
