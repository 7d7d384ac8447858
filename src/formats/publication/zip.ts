/**
 * ZIP packages: recognising an Office file by the parts it holds, and bundling several exported files
 * into one download (a bureau's units, one file each). fflate works synchronously and in memory.
 */
import { unzipSync, zipSync } from 'fflate';

/** The names of a ZIP package's entries, or undefined when the bytes are not a ZIP package. */
export function zipEntryNames(bytes: Uint8Array): Set<string> | undefined {
  if (bytes.length < 4 || bytes[0] !== 0x50 || bytes[1] !== 0x4b || bytes[2] !== 0x03 || bytes[3] !== 0x04) return undefined;
  const names = new Set<string>();
  try {
    unzipSync(bytes, {
      filter: (f) => {
        names.add(f.name);
        return false;
      },
    });
  } catch {
    return undefined;
  }
  return names;
}

export interface BundleFile {
  name: string;
  data: Uint8Array;
}

/** A ZIP of the files; names that repeat get "-2", "-3" … before their extension. */
export function zipBundle(files: readonly BundleFile[]): Uint8Array {
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) {
    let name = f.name;
    for (let n = 2; name in entries; n++) name = f.name.replace(/(\.[^.]*)?$/, (ext) => `-${n}${ext}`);
    entries[name] = f.data;
  }
  return zipSync(entries, { level: 6 });
}

/** A file name from a unit and year that any file system takes: "315002怀来县司法局-2020.docx". */
export function bundleFileName(unit: { code: string | null; name: string }, year: number | null, extension: string): string {
  const base = `${unit.code ?? ''}${unit.name}${year === null ? '' : `-${year}`}`.replace(/[\\/:*?"<>|\s]+/g, '_');
  return `${base === '' ? 'document' : base}.${extension}`;
}
