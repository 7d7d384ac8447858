/**
 * `jixiao export` into a file: from a file's documents (in memory) or from the database (a unit's year,
 * a bureau's units), run by the CLI itself or, when a server owns the embedded data directory, by that
 * server over its control socket. A bureau's Word or PDF files go into a ZIP one unit at a time; the
 * output appears only once complete.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { FormProfile } from '../../core/forms/profile.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { openDataFiles } from '../../formats/open-data/data-package.ts';
import { PER_UNIT_FORMATS, writeDocumentsFile, FILE_TYPES, type FileFormat } from '../../formats/publication/export.ts';
import { bundleFileName, type BundleFile } from '../../formats/publication/zip.ts';
import type { Locale } from '../../i18n/index.ts';
import type { Store } from '../../store/database.ts';
import { documentMeta, documentOf } from '../../store/documents/read.ts';
import { bureausUnder, unitByCode } from '../../store/organisation.ts';
import {
  documentFile,
  documentsFile,
  selectDocuments,
  storedModels,
  unitFiles,
  writeFileAtomically,
  writeZip,
  type ExportDeps,
  type ExportItem,
} from './bundle.ts';

/** Documents to export: each unit's file in turn, or all in one file, or the documents themselves. */
export interface ExportSource {
  count: number;
  unitFiles(format: FileFormat): AsyncIterable<BundleFile>;
  oneFile(format: FileFormat): Promise<Uint8Array>;
  documents(): Promise<TargetDocument[]>;
}

/**
 * Writes the documents to `output`: one file; a ZIP of one Word or PDF file per unit when there are
 * several (unless `combined`); the open-data package as a ZIP, or as a folder of its files when
 * `output` does not end in .zip.
 */
export async function writeExport(source: ExportSource, format: FileFormat, output: string, combined: boolean): Promise<void> {
  if (format === 'opendata' && !/\.zip$/i.test(output)) {
    await mkdir(output, { recursive: true });
    for (const f of openDataFiles(await source.documents())) await writeFileAtomically(join(output, f.name), (sink) => sink(f.data));
    return;
  }
  if (PER_UNIT_FORMATS.has(format) && source.count > 1 && !combined) {
    return writeFileAtomically(output, (sink) => writeZip(source.unitFiles(format), sink));
  }
  return writeFileAtomically(output, async (sink) => sink(await source.oneFile(format)));
}

/** Documents read from a file, written in this process; Word and PDF in `profile` (jixiao's own form by default). */
export function memorySource(docs: readonly TargetDocument[], onFile?: (name: string) => void, profile?: FormProfile): ExportSource {
  return {
    count: docs.length,
    async *unitFiles(format) {
      for (const doc of docs) {
        const name = bundleFileName(doc.unit, doc.year, FILE_TYPES[format].extension);
        yield { name, data: await writeDocumentsFile([doc], format, { profile }) };
        onFile?.(name);
      }
    },
    oneFile: (format) => writeDocumentsFile(docs, format, { profile }),
    documents: async () => [...docs],
  };
}

/** Stored documents, written by the renderer. */
export function storedSource(deps: ExportDeps, items: readonly ExportItem[], onFile?: (name: string) => void): ExportSource {
  return {
    count: items.length,
    unitFiles: (format) => unitFiles(deps, items, format, onFile),
    oneFile: (format) => (items.length === 1 ? documentFile(deps, items[0]!, format) : documentsFile(deps, items, format)),
    documents: () => storedModels(deps.db, items),
  };
}

export interface ExportCommand {
  command: 'export';
  format: FileFormat;
  /** An absolute path (the server may run in another directory). */
  output: string;
  year: number;
  /** A unit's code, or a bureau's code or name. */
  unit?: string;
  bureau?: string;
  combined?: boolean;
  /** The language of the files' headings. */
  locale: Locale;
}

export type ExportOutcome = { ok: true; documents: number } | { ok: false; error: 'unit-not-found' | 'bureau-not-found'; detail: string };

export interface ExportProgress {
  done: number;
  total: number;
  file: string;
}

/** Exports from the database; nothing is written when there is no document. */
export async function exportFromStore(
  store: Store,
  deps: Omit<ExportDeps, 'db' | 'locale'>,
  request: ExportCommand,
  progress?: (p: ExportProgress) => void,
): Promise<ExportOutcome> {
  const db = store.db;
  let items: ExportItem[];
  if (request.unit !== undefined) {
    const unit = await unitByCode(db, request.unit);
    if (unit === undefined) return { ok: false, error: 'unit-not-found', detail: request.unit };
    const id = await documentOf(db, unit.id, request.year);
    const meta = id === undefined ? undefined : await documentMeta(db, id);
    items =
      meta === undefined
        ? []
        : [{ id: meta.id, version: meta.version, unitCode: unit.code, unitName: unit.name, year: meta.year, bureauId: meta.bureauId }];
  } else {
    const bureau = (await bureausUnder(db, null)).find((b) => b.code === request.bureau || b.name === request.bureau);
    if (bureau === undefined) return { ok: false, error: 'bureau-not-found', detail: request.bureau ?? '' };
    ({ items } = await selectDocuments(
      db,
      { bureauId: bureau.id, year: request.year, publishedOnly: false },
      { offset: 0, limit: Number.MAX_SAFE_INTEGER },
    ));
  }
  if (items.length === 0) return { ok: true, documents: 0 };
  let done = 0;
  const onFile = (file: string) => progress?.({ done: ++done, total: items.length, file });
  await writeExport(
    storedSource({ ...deps, db, locale: request.locale }, items, onFile),
    request.format,
    request.output,
    request.combined === true,
  );
  return { ok: true, documents: items.length };
}
