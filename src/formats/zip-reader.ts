/**
 * Opens the ZIP packages users send (DOCX, XLSX) within the limits of ./limits.ts. The central
 * directory is read here rather than by a library so its declared sizes can be checked before
 * anything is inflated (an honest bomb is refused at once), and every entry is inflated counting the
 * bytes that really come out (a bomb that declares small sizes is stopped at the first byte over the
 * limit). Broken and truncated packages are ImportErrors.
 */
import { inflateRawSync } from 'node:zlib';
import { named, type MessageRef } from '../i18n/message-ref.ts';
import { ImportError } from './import-error.ts';
import { MAX_ZIP_ENTRIES, MAX_ZIP_UNPACKED_BYTES } from './limits.ts';

/** A package that holds too many entries or unpacks to too much. */
export class ZipLimitError extends ImportError {
  constructor(
    file: string,
    reason: MessageRef,
    /** Bytes inflated before the refusal: 0 when the central directory gave the package away. */
    readonly inflated: number,
  ) {
    super({ file }, reason);
  }
}

/** The most the inflater produces beyond the limit before it is stopped (zlib stops at the first byte over). */
export const MAX_INFLATE_STEP_OUTPUT = 1;

interface Entry {
  name: string;
  method: number;
  encrypted: boolean;
  compressedSize: number;
  declaredSize: number;
  localHeader: number;
}

export interface ZipPackage {
  readonly names: ReadonlySet<string>;
  /** An entry's bytes, or undefined when the package has none of that name. */
  read(name: string): Uint8Array | undefined;
  /** Inflates every entry and drops the output: the package unpacks within the limits. */
  verify(): void;
  /** Bytes inflated so far, all reads together. */
  readonly inflated: number;
}

const SIGNATURE = { local: 0x04034b50, central: 0x02014b50, end: 0x06054b50, end64: 0x06064b50, locator64: 0x07064b50 };

export const looksLikeZip = (bytes: Uint8Array) =>
  bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;

/**
 * Reads the package's directory; throws an ImportError when it is over the limits, or `unreadable`
 * when it is no ZIP package or a broken one (each reader says what it expected).
 */
export function openZip(bytes: Uint8Array, file: string, unreadable: MessageRef): ZipPackage {
  const e = named.formats.zip;
  const broken = (): never => {
    throw new ImportError({ file }, unreadable);
  };
  if (!looksLikeZip(bytes)) broken();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const u16 = (at: number) => (at + 2 <= bytes.length ? view.getUint16(at, true) : broken());
  const u32 = (at: number) => (at + 4 <= bytes.length ? view.getUint32(at, true) : broken());
  const u64 = (at: number) => (at + 8 <= bytes.length ? Number(view.getBigUint64(at, true)) : broken());

  const end = findEnd(bytes, view);
  if (end < 0) broken();
  let declaredCount = u16(end + 10);
  let directory = u32(end + 16);
  if (declaredCount === 0xffff || directory === 0xffffffff) {
    const locator = end - 20;
    if (locator < 0 || u32(locator) !== SIGNATURE.locator64) broken();
    const end64 = u64(locator + 8);
    if (u32(end64) !== SIGNATURE.end64) broken();
    declaredCount = u64(end64 + 32);
    directory = u64(end64 + 48);
  }
  if (declaredCount > MAX_ZIP_ENTRIES) throw new ZipLimitError(file, e.tooManyEntries(MAX_ZIP_ENTRIES), 0);

  const entries: Entry[] = [];
  let declaredTotal = 0;
  // Walked to the last record, whatever the count says: other readers (exceljs's) read them all.
  for (let at = directory; at + 4 <= bytes.length && view.getUint32(at, true) === SIGNATURE.central; ) {
    if (entries.length === MAX_ZIP_ENTRIES) throw new ZipLimitError(file, e.tooManyEntries(MAX_ZIP_ENTRIES), 0);
    const flags = u16(at + 8);
    const nameLength = u16(at + 28);
    const extraLength = u16(at + 30);
    const entry: Entry = {
      name: decodeName(bytes.subarray(at + 46, at + 46 + nameLength), (flags & 0x800) !== 0),
      method: u16(at + 10),
      encrypted: (flags & 1) !== 0,
      compressedSize: u32(at + 20),
      declaredSize: u32(at + 24),
      localHeader: u32(at + 42),
    };
    readZip64Extra(at + 46 + nameLength, extraLength, u16, u64, entry);
    entries.push(entry);
    declaredTotal += entry.declaredSize;
    at += 46 + nameLength + extraLength + u16(at + 32);
  }
  if (entries.length !== declaredCount) broken();
  if (declaredTotal > MAX_ZIP_UNPACKED_BYTES) throw new ZipLimitError(file, e.tooLarge(MAX_ZIP_UNPACKED_BYTES), 0);

  let inflated = 0;
  const inflate = (entry: Entry): Uint8Array => {
    if (entry.encrypted || (entry.method !== 0 && entry.method !== 8)) throw new ImportError({ file }, e.unsupported(entry.name));
    if (u32(entry.localHeader) !== SIGNATURE.local) broken();
    const start = entry.localHeader + 30 + u16(entry.localHeader + 26) + u16(entry.localHeader + 28);
    if (start + entry.compressedSize > bytes.length) broken();
    const data = bytes.subarray(start, start + entry.compressedSize);
    const count = (output: Uint8Array) => {
      inflated += output.length;
      if (inflated > MAX_ZIP_UNPACKED_BYTES) throw new ZipLimitError(file, e.tooLarge(MAX_ZIP_UNPACKED_BYTES), inflated);
      return output;
    };
    if (entry.method === 0) return count(data);
    // Node's own inflate (zlib, native) is several times faster than one in JavaScript; maxOutputLength
    // stops it the moment the package would pass the limit, so a lying entry is never inflated whole.
    // A chunk of the declared size (the directory's sum is within the limit) comes out as one buffer,
    // not as 16 KB pieces copied together; a size that lies only costs more pieces.
    const room = MAX_ZIP_UNPACKED_BYTES - inflated + 1;
    let output: Buffer | undefined;
    try {
      output = inflateRawSync(data, { maxOutputLength: room, chunkSize: Math.max(64, Math.min(entry.declaredSize + 1, room)) });
    } catch (error) {
      if ((error as { code?: unknown }).code === 'ERR_BUFFER_TOO_LARGE')
        throw new ZipLimitError(file, e.tooLarge(MAX_ZIP_UNPACKED_BYTES), MAX_ZIP_UNPACKED_BYTES + 1);
    }
    if (output === undefined) return broken();
    return count(output);
  };

  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  return {
    names: new Set(byName.keys()),
    read(name) {
      const entry = byName.get(name);
      return entry === undefined ? undefined : inflate(entry);
    },
    verify() {
      for (const entry of entries) inflate(entry);
    },
    get inflated() {
      return inflated;
    },
  };
}

/** The end-of-central-directory record, searched from the end past a comment of up to 64 KB; -1 if none. */
function findEnd(bytes: Uint8Array, view: DataView): number {
  for (let at = bytes.length - 22; at >= Math.max(0, bytes.length - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === SIGNATURE.end) return at;
  }
  return -1;
}

/** Sizes and offset too large for 32 bits are in the ZIP64 extra field, in this order, each only when needed. */
function readZip64Extra(start: number, length: number, u16: (at: number) => number, u64: (at: number) => number, entry: Entry): void {
  for (let at = start; at + 4 <= start + length; at += 4 + u16(at + 2)) {
    if (u16(at) !== 1) continue;
    let field = at + 4;
    const next = () => {
      field += 8;
      return u64(field - 8);
    };
    if (entry.declaredSize === 0xffffffff) entry.declaredSize = next();
    if (entry.compressedSize === 0xffffffff) entry.compressedSize = next();
    if (entry.localHeader === 0xffffffff) entry.localHeader = next();
    return;
  }
}

const decodeName = (raw: Uint8Array, utf8: boolean) => new TextDecoder(utf8 ? 'utf-8' : 'latin1').decode(raw);
