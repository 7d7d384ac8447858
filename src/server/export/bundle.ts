/**
 * Documents out of the database as files, for the API and for `jixiao export`: a document's file (kept
 * in the file cache by id and version), a bureau's documents of a year (selected a page at a time, by
 * unit code), and a ZIP of one file per unit written to a sink one file at a time, so memory holds one
 * unit's file whatever the bureau's size, and the sink's pace (a slow download) sets the writer's.
 */
import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { setImmediate } from 'node:timers/promises';
import type { Writable } from 'node:stream';
import type { Kysely } from 'kysely';
import type { TargetDocument } from '../../core/model/document.ts';
import { FILE_TYPES, PROFILED_FORMATS, type FileFormat } from '../../formats/publication/export.ts';
import { bundleFileName, ZipWriter, type BundleFile } from '../../formats/publication/zip.ts';
import type { Locale } from '../../i18n/index.ts';
import { modelOf, readDocument } from '../../store/documents/read.ts';
import { historyTags, withStoredHistory } from '../../store/library/history.ts';
import { NotFoundError } from '../../store/errors.ts';
import type { PageRequest } from '../../store/keyset.ts';
import { documentSummary, listDocuments, MAX_PAGE, type ListFilter, type ListScope } from '../../store/listing.ts';
import type { Database, DocumentStatus } from '../../store/schema.ts';
import { documentProfile, effectiveSettings, type EffectiveSettings } from '../../store/settings.ts';
import type { FileCache } from './file-cache.ts';
import type { Renderer } from './render.ts';

export interface ExportItem {
  id: number;
  version: number;
  unitCode: string;
  unitName: string;
  year: number;
  /** The unit's bureau, whose settings pick the form profile. */
  bureauId: number;
}

export interface ExportDeps {
  db: Kysely<Database>;
  renderer: Renderer;
  /** Absent: every file is written afresh (a one-off export). */
  files?: FileCache;
  locale: Locale;
}

/**
 * A stored document as a file writes it: for the formats that print forms, with its 上年/前年 columns
 * filled from its history where the unit left them empty (the exchange formats keep what was stored).
 */
async function storedModel(db: Kysely<Database>, id: number, format?: FileFormat): Promise<TargetDocument> {
  const stored = await readDocument(db, id);
  if (stored === undefined) throw new NotFoundError('document', id);
  const model = modelOf(stored);
  return format !== undefined && PROFILED_FORMATS.has(format) ? withStoredHistory(db, stored.meta.unitId, model) : model;
}

/** What a file of the documents prints besides them: their history, for the formats that print forms. */
export async function historyTagsOf(db: Kysely<Database>, ids: readonly number[], format: FileFormat): Promise<(string | undefined)[]> {
  if (!PROFILED_FORMATS.has(format)) return ids.map(() => undefined);
  const tags = await historyTags(db, ids);
  return ids.map((id) => tags.get(id) ?? '');
}

type Placed = Pick<ExportItem, 'bureauId' | 'year'>;

/**
 * The form profile (表样) each document's Word and PDF print in and whose columns its workbook has: its
 * bureau's pick (inherited down the tree), else its year's default — the profile the document API
 * names as `formProfile`. None for the exchange and open-data formats. A bureau's settings are read once however many of its documents there are.
 */
export async function profileIdsOf(db: Kysely<Database>, items: readonly Placed[], format: FileFormat): Promise<(string | undefined)[]> {
  if (!PROFILED_FORMATS.has(format)) return items.map(() => undefined);
  const settings = new Map<number, EffectiveSettings>();
  const ids: string[] = [];
  for (const item of items) {
    let s = settings.get(item.bureauId);
    if (s === undefined) settings.set(item.bureauId, (s = await effectiveSettings(db, item.bureauId)));
    ids.push(documentProfile(s, item.year).id);
  }
  return ids;
}

/** The profile one file of several documents prints in: theirs where they share one, else jixiao's own form. */
const sharedProfile = (ids: readonly (string | undefined)[]) => (new Set(ids).size === 1 ? ids[0] : undefined);

/** One document as a file. */
export async function documentFile(
  deps: ExportDeps,
  item: Pick<ExportItem, 'id' | 'version' | 'bureauId' | 'year'>,
  format: FileFormat,
): Promise<Uint8Array> {
  // The bureau may pick another profile without the document changing: the profile is part of the file's key.
  const [profile] = await profileIdsOf(deps.db, [item], format);
  // So is the history its 上年/前年 columns print.
  const [history] = await historyTagsOf(deps.db, [item.id], format);
  const write = async () =>
    deps.renderer.render({ kind: 'documents', docs: [await storedModel(deps.db, item.id, format)], format, locale: deps.locale, profile });
  return deps.files
    ? deps.files.get(`${item.id}:${item.version}:${format}:${deps.locale}:${profile ?? ''}:${history ?? ''}`, write)
    : write();
}

/** The documents as stored, in order. */
export async function storedModels(db: Kysely<Database>, items: readonly ExportItem[], format?: FileFormat): Promise<TargetDocument[]> {
  const docs: TargetDocument[] = [];
  for (const item of items) {
    docs.push(await storedModel(db, item.id, format));
    // PGlite answers without passing through the event loop: a hundred reads in a row would hold up every
    // other request for a second. Each document waits its turn behind them.
    await setImmediate();
  }
  return docs;
}

/** Several documents in one file (a workbook, the exchange JSON, open data, a combined Word or PDF file). */
export async function documentsFile(deps: ExportDeps, items: readonly ExportItem[], format: FileFormat): Promise<Uint8Array> {
  const profile = sharedProfile(await profileIdsOf(deps.db, items, format));
  return deps.renderer.render({
    kind: 'documents',
    docs: await storedModels(deps.db, items, format),
    format,
    locale: deps.locale,
    profile,
  });
}

export interface Selection {
  bureauId: number;
  year: number;
  /** Only these statuses; none or empty: all. */
  statuses?: readonly DocumentStatus[];
  publishedOnly: boolean;
}

/** A bureau's documents of a year (with its sub-bureaus'), by unit code: those from `offset`, at most `limit`, and how many in all. */
export async function selectDocuments(
  db: Kysely<Database>,
  s: Selection,
  page: { offset: number; limit: number },
): Promise<{ items: ExportItem[]; total: number }> {
  const scope: ListScope = s.publishedOnly ? { publishedOnly: true } : { all: true };
  const filter: ListFilter = { year: s.year, bureauId: s.bureauId, status: s.statuses ? [...s.statuses] : undefined };
  const items: ExportItem[] = [];
  const { total } = await documentSummary(db, scope, filter);
  let request: PageRequest = { offset: page.offset };
  while (items.length < page.limit) {
    const list = await listDocuments(db, scope, filter, { ...request, limit: Math.min(MAX_PAGE, page.limit - items.length) });
    for (const d of list.items)
      items.push({ id: d.id, version: d.version, unitCode: d.unitCode, unitName: d.unitName, year: d.year, bureauId: d.bureauId });
    if (list.nextCursor === null) break;
    request = { cursor: list.nextCursor };
  }
  return { items, total };
}

/**
 * What a bundle is made of: its ETag, the same as long as no document in it changes, nor the profile
 * (`profiles`, by item) its Word or PDF files print in, nor the history (`histories`) they print.
 */
export function bundleTag(
  items: readonly ExportItem[],
  format: FileFormat,
  combined: boolean,
  profiles: readonly (string | undefined)[],
  histories: readonly (string | undefined)[] = [],
): string {
  const hash = createHash('sha256').update(`${format}:${combined}`);
  items.forEach((i, n) =>
    hash.update(
      `;${i.id}.${i.version}${profiles[n] === undefined ? '' : `.${profiles[n]}`}${histories[n] === undefined ? '' : `:${histories[n]}`}`,
    ),
  );
  return `"b-${hash.digest('base64url').slice(0, 27)}"`;
}

/** Where a streamed file goes: resolves when there is room for more. */
export type Sink = (chunk: Uint8Array) => Promise<void>;

/** Each unit's file, written when the ZIP is ready for it. */
export async function* unitFiles(
  deps: ExportDeps,
  items: readonly ExportItem[],
  format: FileFormat,
  onFile?: (name: string) => void,
): AsyncGenerator<BundleFile> {
  const extension = FILE_TYPES[format].extension;
  for (const item of items) {
    const name = bundleFileName({ code: item.unitCode, name: item.unitName }, item.year, extension);
    yield { name, data: await documentFile(deps, item, format) };
    onFile?.(name);
  }
}

/** A ZIP of the files to the sink, one file at a time. */
export async function writeZip(files: AsyncIterable<BundleFile> | Iterable<BundleFile>, sink: Sink): Promise<void> {
  let chunks: Uint8Array[] = [];
  const zip = new ZipWriter((c) => chunks.push(c));
  const flush = async () => {
    const ready = chunks;
    chunks = [];
    for (const c of ready) await sink(c);
  };
  for await (const file of files) {
    zip.add(file);
    await flush();
  }
  zip.end();
  await flush();
}

/** A sink over a writable stream (an HTTP response, a file), waiting while its buffer is full; fails once it is closed. */
export function streamSink(stream: Writable): Sink {
  return (chunk) =>
    new Promise<void>((resolve, reject) => {
      if (stream.destroyed || stream.writableEnded) return reject(new Error('the download was closed'));
      if (stream.write(chunk)) return resolve();
      const done = (e?: Error) => {
        stream.off('drain', drained);
        stream.off('close', closed);
        if (e) reject(e);
        else resolve();
      };
      const drained = () => done();
      const closed = () => done(new Error('the download was closed'));
      stream.once('drain', drained);
      stream.once('close', closed);
    });
}

/**
 * Writes a file through a sink beside its place and renames it over it once complete, so an export that
 * fails or is interrupted leaves no half a file.
 */
export async function writeFileAtomically(path: string, write: (sink: Sink) => Promise<void>): Promise<void> {
  const temporary = `${path}.${process.pid}.tmp`;
  const file = createWriteStream(temporary);
  try {
    await new Promise<void>((resolve, reject) => file.once('open', () => resolve()).once('error', reject));
    await write(streamSink(file));
    await new Promise<void>((resolve, reject) => file.end((e?: Error | null) => (e ? reject(e) : resolve())));
    await rename(temporary, path);
  } catch (e) {
    file.destroy();
    await rm(temporary, { force: true });
    throw e;
  }
}
