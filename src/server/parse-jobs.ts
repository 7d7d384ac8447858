/**
 * What the upload parser does in its worker thread (./parse-pool.ts), and how its answers cross back:
 * a thread boundary keeps neither an error's class nor its own fields, so an ImportError travels as
 * its place and reason (named, not written: the server writes them in each requester's language)
 * and is built again on the other side.
 */
import type { Actuals } from '../core/actuals/actuals.ts';
import type { TargetDocument } from '../core/model/document.ts';
import { readActualsFile } from '../formats/actuals/read-actuals.ts';
import { ImportError, type NamedLocation } from '../formats/import-error.ts';
import { readDocuments, type DocumentRead } from '../formats/read-document.ts';
import { ZipLimitError } from '../formats/zip-reader.ts';
import { setLocale, type Locale } from '../i18n/index.ts';
import type { MessageRef } from '../i18n/message-ref.ts';

interface Upload {
  bytes: Uint8Array;
  fileName: string;
  /** The server's language, for the reasons the readers give. */
  locale: Locale;
}

export type ParseJob = (Upload & { kind: 'document' }) | (Upload & { kind: 'actuals'; documents: TargetDocument[] });

interface ImportFailure {
  place: NamedLocation;
  why: MessageRef;
  /** Set for a ZipLimitError. */
  inflated?: number;
}

export type ParseReply = { value: DocumentRead | Actuals } | { importError: ImportFailure } | { error: string };

/** A job's answer as plain data: thrown across the thread, an error would lose its class and fields. */
export async function answer(job: ParseJob): Promise<ParseReply> {
  try {
    setLocale(job.locale);
    const value =
      job.kind === 'document'
        ? await readDocuments(job.bytes, job.fileName)
        : await readActualsFile(job.bytes, job.fileName, job.documents);
    return { value };
  } catch (e) {
    if (e instanceof ImportError) {
      return { importError: { place: e.place, why: e.why, ...(e instanceof ZipLimitError ? { inflated: e.inflated } : {}) } };
    }
    return { error: e instanceof Error ? (e.stack ?? e.message) : String(e) };
  }
}

/** The ImportError a worker reported, as the reader threw it. */
export const importErrorOf = (f: ImportFailure): ImportError =>
  f.inflated === undefined ? new ImportError(f.place, f.why) : new ZipLimitError(f.place.file, f.why, f.inflated);
