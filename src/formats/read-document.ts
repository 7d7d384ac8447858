/**
 * Reads any document file jixiao understands, recognised by its content (a renamed or
 * extension-less file still reads). Each format is a reader in READERS; the first that
 * recognises the bytes reads them. Add a format by adding its reader to the list.
 *
 * Other provinces' published forms are read from their tables (./tables): web pages and old
 * .doc/.xls files always, .docx and .xlsx files when jixiao's own readers do not know their layout —
 * jixiao's own files stay on their exact readers.
 */
import type { Actuals } from '../core/actuals/actuals.ts';
import type { FormProfile } from '../core/forms/profile.ts';
import { hebei2020 } from '../core/forms/profiles/hebei-2020.ts';
import { mof2021 } from '../core/forms/profiles/mof-2021.ts';
import type { TargetDocument } from '../core/model/document.ts';
import { firstOverLongText } from '../core/model/over-long-text.ts';
import { unsafeTextAt, withSafeText } from '../core/text/safe-text.ts';
import { named } from '../i18n/message-ref.ts';
import { ImportError } from './import-error.ts';
import { readDocx } from './docx/read-docx.ts';
import { PROFILE_KEYWORD } from './publication/profile-form.ts';
import { readExchangeJson } from './json/exchange.ts';
import { looksLikeCompoundFile } from './tables/old-office.ts';
import { tableFileFormat } from './tables/read-table-file.ts';
import type { RecognisedTables } from './tables/recognise.ts';
import { decodeStart, looksBinary } from './text/decode.ts';
import { readPublishedText } from './text/read.ts';
import { sheetNames } from './xlsx/layout.ts';
import { looksLikeZip, openZip, ZipLimitError, type ZipPackage } from './zip-reader.ts';

export interface ReadDocumentOptions {
  /** Overrides the budget year the document states (formats that can state one). */
  year?: number;
}

/** What a file held: its documents, and for a published form, the profile it was read as and a 自评表's actuals. */
export interface DocumentRead {
  documents: TargetDocument[];
  /** The form profile (表样) a published table was recognised as; null for jixiao's own formats. */
  profile: FormProfile | null;
  actuals: Actuals | null;
}

export interface DocumentReader {
  /** Short name, e.g. "text", "json", "docx". */
  name: string;
  /** File name endings this reader is for: a folder import picks files by them. */
  extensions: readonly string[];
  /** Whether the bytes are this format (by content: magic numbers, markers; a ZIP package's entry names). */
  recognizes(bytes: Uint8Array, zipEntries: ReadonlySet<string> | undefined): boolean;
  read(
    bytes: Uint8Array,
    fileName: string,
    options: ReadDocumentOptions,
  ): TargetDocument[] | DocumentRead | Promise<TargetDocument[] | DocumentRead>;
  /**
   * For a format read through libraries (ZIP, XML, workbooks): their failures on damaged bytes are
   * reported as a damaged file of this kind. jixiao's own readers throw ImportError and nothing else.
   */
  damagedAs?: 'docx' | 'xlsx';
  /**
   * For a format other provinces publish in too (Word, Excel): whether the package is certainly in
   * jixiao's own layout. Others are read from their tables first.
   */
  ownLayout?(zip: ZipPackage): boolean;
}

const textOf = (bytes: Uint8Array) => (looksBinary(bytes) ? '' : decodeStart(bytes, 65536));

const exchangeJsonReader: DocumentReader = {
  name: 'json',
  extensions: ['.json'],
  recognizes: (bytes) => textOf(bytes).trimStart().startsWith('{'),
  read(bytes, fileName, options) {
    const docs = readExchangeJson(bytes, { fileName });
    return options.year === undefined ? docs : docs.map((d) => ({ ...d, year: options.year! }));
  },
};

/** Markers every published target document has in its first pages. */
const TEXT_MARKERS = /部门整体绩效目标|绩效目标表|预算项目绩效目标|项目编码|一级指标/;

const publishedTextReader: DocumentReader = {
  name: 'text',
  extensions: ['.txt', '.text'],
  recognizes: (bytes) => TEXT_MARKERS.test(textOf(bytes)),
  read: (bytes, fileName, options) => readPublishedText(bytes, { fileName }, options),
};

const docxReader: DocumentReader = {
  name: 'docx',
  extensions: ['.docx'],
  recognizes: (_bytes, zipEntries) => zipEntries?.has('word/document.xml') === true,
  read: (bytes, fileName, options) => readDocx(bytes, fileName, options),
  damagedAs: 'docx',
  // A file jixiao printed in a province's profile says so: the table reader reads it, telling the profile.
  ownLayout: (zip) => {
    const core = new TextDecoder().decode(zip.read('docProps/core.xml'));
    return /<dc:creator>jixiao<\/dc:creator>/.test(core) && !core.includes(`<cp:keywords>${PROFILE_KEYWORD}`);
  },
};

const xlsxReader: DocumentReader = {
  name: 'xlsx',
  extensions: ['.xlsx'],
  recognizes: (_bytes, zipEntries) => zipEntries?.has('xl/workbook.xml') === true,
  // exceljs is large: loaded when a workbook is read, not by every command and request.
  read: async (bytes, fileName) => (await import('./xlsx/read-xlsx.ts')).readXlsx(bytes, fileName),
  damagedAs: 'xlsx',
  ownLayout: (zip) => {
    const workbook = new TextDecoder().decode(zip.read('xl/workbook.xml'));
    return sheetNames('projects').some((name) => workbook.includes(`name="${name}"`));
  },
};

/** Saved web pages and old binary Word and Excel files hold only other provinces' forms. */
const publishedTableReader: DocumentReader = {
  name: 'tables',
  extensions: ['.html', '.htm', '.doc', '.xls'],
  recognizes: (bytes, zipEntries) => zipEntries === undefined && (looksLikeCompoundFile(bytes) || tableFileFormat(bytes, '') === 'html'),
  read: (bytes, fileName, options) => readPublishedTables(bytes, fileName, options),
};

const readPublishedTables = async (bytes: Uint8Array, fileName: string, options: ReadDocumentOptions): Promise<RecognisedTables> =>
  (await import('./tables/read-published.ts')).readPublishedTables(bytes, fileName, options);

/** The readers, most specific first (binary containers before text, web pages before text). */
export const READERS: readonly DocumentReader[] = [docxReader, xlsxReader, publishedTableReader, exchangeJsonReader, publishedTextReader];

/** The forms jixiao prints itself: a file whose tables follow one is read by jixiao's exact reader. */
const PRINTED_BY_JIXIAO = new Set([hebei2020.id, mof2021.id]);

/** jixiao's own readers' "this is not my layout": then the file may be another province's form. */
const NOT_OWN_LAYOUT = new Set([
  named.textFormat.notADocument.code,
  named.textFormat.unknownContent.code,
  named.publication.errors.notATargetDocument.code,
  named.publication.errors.missingSheet('').code,
]);

/** File name endings some reader is for (lower case, with the dot). */
export const readableExtensions = (): string[] => READERS.flatMap((r) => r.extensions);

export async function readDocumentFile(bytes: Uint8Array, fileName: string, options: ReadDocumentOptions = {}): Promise<TargetDocument[]> {
  return (await readDocuments(bytes, fileName, options)).documents;
}

/** The documents of a file, with the profile of a published form it was recognised as, and a 自评表's actuals. */
export async function readDocuments(bytes: Uint8Array, fileName: string, options: ReadDocumentOptions = {}): Promise<DocumentRead> {
  // A ZIP package is opened once to be recognised: a broken one, or one over the limits, is refused here with its reason.
  const zip = looksLikeZip(bytes) ? openZip(bytes, fileName, named.formats.zip.broken) : undefined;
  const reader = READERS.find((r) => r.recognizes(bytes, zip?.names));
  if (reader === undefined) throw new ImportError({ file: fileName }, named.textFormat.unknownContent);
  const read =
    reader.ownLayout === undefined || zip === undefined || reader.ownLayout(zip)
      ? await readWith(reader, bytes, fileName, options)
      : await readOwnOrTables(reader, bytes, fileName, options);
  // Text from a file may hold what no database column can (NUL, a lone surrogate): cleaned, not refused.
  const documents = unsafeTextAt(read.documents, '') === undefined ? read.documents : withSafeText(read.documents);
  for (const document of documents) refuseOverLongText(document, fileName);
  return { ...read, documents };
}

/** A Word or Excel file that may be another province's form: its tables first, jixiao's reader where they follow jixiao's own form. */
async function readOwnOrTables(
  reader: DocumentReader,
  bytes: Uint8Array,
  fileName: string,
  options: ReadDocumentOptions,
): Promise<DocumentRead> {
  const tables = await readPublishedTables(bytes, fileName, options).then(
    (value) => ({ ok: true, value }) as const,
    (error: unknown) => ({ ok: false, error }) as const,
  );
  if (tables.ok && !PRINTED_BY_JIXIAO.has(tables.value.profile.id)) return tables.value;
  try {
    return await readWith(reader, bytes, fileName, options);
  } catch (e) {
    // Where jixiao's reader knew the layout, its error is the one that helps.
    if (!(e instanceof ImportError) || e instanceof ZipLimitError || !NOT_OWN_LAYOUT.has(e.why.code)) throw e;
    if (tables.ok) return tables.value;
    throw tables.error;
  }
}

async function readWith(reader: DocumentReader, bytes: Uint8Array, fileName: string, options: ReadDocumentOptions): Promise<DocumentRead> {
  try {
    const read = await reader.read(bytes, fileName, options);
    return Array.isArray(read) ? { documents: read, profile: null, actuals: null } : read;
  } catch (e) {
    if (e instanceof ImportError || reader.damagedAs === undefined) throw e;
    throw new ImportError({ file: fileName }, named.formats.damaged(reader.damagedAs, e instanceof Error ? e.message : String(e)));
  }
}

/** Every reader's documents are held to the model's text limits, which the store and the API keep too. */
function refuseOverLongText(document: TargetDocument, file: string): void {
  const over = firstOverLongText(document);
  if (over === undefined) return;
  const m = named.formats;
  const project = over.projectIndex === null ? undefined : document.projects[over.projectIndex]!;
  throw new ImportError(
    {
      file,
      ...(project ? { project: project.code || project.name } : {}),
      ...(over.indicatorIndex === null ? {} : { indicator: over.indicatorIndex }),
      field: m.textFields[over.field],
    },
    m.tooLong(over.length, over.limit),
  );
}
