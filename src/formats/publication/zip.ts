/**
 * ZIP packages written: exported files bundled into one download (a bureau's units, one file each;
 * the open-data package). A bundle is written as a stream, one file at a time, so a bureau's hundreds
 * of documents never sit in memory together. Packages users send are read by ../zip-reader.ts.
 */
import { Zip, ZipDeflate, ZipPassThrough } from 'fflate';

export interface BundleFile {
  name: string;
  data: Uint8Array;
}

/** Office files and PDFs are compressed already: stored as they are, the rest deflated. */
const COMPRESSED = /\.(docx|xlsx|pdf|zip)$/i;

/**
 * Writes a ZIP archive file by file: each `add` hands the archive's next bytes to `onData` at once
 * (synchronously), `end` the central directory. Names that repeat get "-2", "-3" … before their extension.
 */
export class ZipWriter {
  readonly #zip: Zip;
  readonly #names = new Set<string>();

  constructor(onData: (chunk: Uint8Array) => void) {
    this.#zip = new Zip((error, chunk) => {
      if (error) throw error;
      if (chunk.length > 0) onData(chunk);
    });
  }

  /** Adds a file; returns the name it has in the archive. */
  add(file: BundleFile): string {
    let name = file.name;
    for (let n = 2; this.#names.has(name); n++) name = file.name.replace(/(\.[^.]*)?$/, (ext) => `-${n}${ext}`);
    this.#names.add(name);
    const entry = COMPRESSED.test(name) ? new ZipPassThrough(name) : new ZipDeflate(name, { level: 6 });
    this.#zip.add(entry);
    entry.push(file.data, true);
    return name;
  }

  end(): void {
    this.#zip.end();
  }
}

/** A ZIP of the files, in memory (for a handful of files; a bureau's bundle streams through ZipWriter). */
export function zipBundle(files: readonly BundleFile[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  const writer = new ZipWriter((c) => chunks.push(c));
  for (const f of files) writer.add(f);
  writer.end();
  return Buffer.concat(chunks);
}

/** A file name from a unit and year that any file system takes: "315002怀来县司法局-2020.docx". */
export function bundleFileName(unit: { code: string | null; name: string }, year: number | null, extension: string): string {
  const base = `${unit.code ?? ''}${unit.name}${year === null ? '' : `-${year}`}`.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${base === '' ? 'document' : base}.${extension}`;
}
