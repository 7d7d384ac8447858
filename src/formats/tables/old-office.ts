/**
 * Tells an old Word file (.doc) from an old Excel file (.xls). Both are OLE2 compound files (CFB),
 * which start with D0 CF 11 E0; what is inside is told by the streams their directory names: Word's
 * "WordDocument", Excel's "Workbook" (Excel 97 and later) or "Book" (Excel 5/95).
 */
import type { OldFormat } from './libreoffice.ts';

const MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export const looksLikeCompoundFile = (bytes: Uint8Array): boolean => MAGIC.every((b, i) => bytes[i] === b);

const STREAMS = new Map<string, OldFormat>([
  ['WordDocument', 'doc'],
  ['Workbook', 'xls'],
  ['Book', 'xls'],
]);

/**
 * The format by the first Word or Excel stream in the directory; null when there is none. Directory
 * entries are 128 bytes, on 128-byte boundaries (sectors are 512 or 4096 bytes), their name UTF-16
 * in the first 64 bytes with its length in bytes (terminator included) after it, then type 2 for a
 * stream; the entries are found by their shape rather than by walking the sector chain.
 */
export function compoundFileFormat(bytes: Uint8Array): OldFormat | null {
  if (!looksLikeCompoundFile(bytes)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (let at = 512; at + 128 <= bytes.length; at += 128) {
    const length = view.getUint16(at + 64, true);
    if (length < 2 || length > 64 || length % 2 !== 0 || bytes[at + 66] !== 2) continue;
    const name = new TextDecoder('utf-16le').decode(bytes.subarray(at, at + length - 2));
    const format = STREAMS.get(name);
    if (format !== undefined) return format;
  }
  return null;
}
