/**
 * ZIP packages made to attack the readers: small files whose parts inflate to hundreds of MB, that
 * lie about their sizes, or that hold too many parts. Written by hand (CRCs left 0: no reader here
 * checks them) so a 300 MB part costs a few KB of work to make.
 */
import { constants, deflateRawSync } from 'node:zlib';

export interface ZipPart {
  name: string;
  /** Raw deflate data (method 8) or the bytes themselves (method 0). */
  data: Uint8Array;
  method: 0 | 8;
  /** The unpacked size the central directory states. */
  declaredSize: number;
}

const MiB = 1024 * 1024;

/** A deflated part: what it inflates to is stated truthfully. */
export function deflatedPart(name: string, text: string): ZipPart {
  const bytes = Buffer.from(text);
  return { name, data: deflateRawSync(bytes), method: 8, declaredSize: bytes.length };
}

/** Each filler element is padded with spaces to this many bytes: whole elements in every MiB, and a ratio near 700:1. */
const FILLER_BYTES = 4096;

/**
 * A part that inflates to `prefix`, then `filler` (padded) repeated for `mebibytes` MiB, then `suffix`:
 * the MiB of filler is deflated once, flushed to a byte boundary with no reference back, and copied.
 */
export function bombPart(name: string, mebibytes: number, parts: { prefix: string; filler: string; suffix: string }): ZipPart {
  const flushed = (bytes: Buffer) => deflateRawSync(bytes, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const filler = Buffer.alloc(FILLER_BYTES, ' ');
  filler.write(parts.filler);
  const block = flushed(Buffer.concat(Array.from({ length: MiB / FILLER_BYTES }, () => filler)));
  const data = Buffer.concat([
    flushed(Buffer.from(parts.prefix)),
    ...Array.from({ length: mebibytes }, () => block),
    deflateRawSync(Buffer.from(parts.suffix)),
  ]);
  const size = Buffer.byteLength(parts.prefix) + mebibytes * MiB + Buffer.byteLength(parts.suffix);
  return { name, data, method: 8, declaredSize: size };
}

export const DOCX_BOMB_XML = {
  prefix:
    '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  filler: '<w:p><w:r><w:t>部门整体绩效目标</w:t></w:r></w:p>',
  suffix: '</w:body></w:document>',
};

export const SHEET_BOMB_XML = {
  prefix: '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  filler: '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
  suffix: '</sheetData></worksheet>',
};

/** A record of little-endian fields, each [offset, value, width in bytes]. */
function record(length: number, fields: ReadonlyArray<readonly [number, number, 2 | 4]>): Buffer {
  const bytes = Buffer.alloc(length);
  for (const [at, value, width] of fields) {
    if (width === 2) bytes.writeUInt16LE(value, at);
    else bytes.writeUInt32LE(value, at);
  }
  return bytes;
}

/** The package: local headers and data, then the central directory and its end record. */
export function zipOf(parts: readonly ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    // A central directory record is the local header with "version made by" put in at offset 4.
    const header = (shift: number) =>
      [
        [4 + shift, 20, 2],
        [6 + shift, 0x800, 2],
        [8 + shift, part.method, 2],
        [18 + shift, part.data.length, 4],
        [22 + shift, part.declaredSize, 4],
        [26 + shift, name.length, 2],
      ] as const;
    const local = record(30, [[0, 0x04034b50, 4], ...header(0)]);
    const central = record(46, [[0, 0x02014b50, 4], [4, 20, 2], ...header(2), [42, offset, 4]]);
    chunks.push(local, name, Buffer.from(part.data));
    directory.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const count = Math.min(parts.length, 0xffff);
  const end = record(22, [
    [0, 0x06054b50, 4],
    [8, count, 2],
    [10, count, 2],
    [12, size, 4],
    [16, offset, 4],
  ]);
  return Buffer.concat([...chunks, ...directory, end]);
}

/** The same parts with the sizes the central directory states made small: a package that lies. */
export const lyingAbout = (parts: readonly ZipPart[]): ZipPart[] =>
  parts.map((p) => ({ ...p, declaredSize: Math.min(p.declaredSize, 1000) }));

const CONTENT_TYPES = deflatedPart(
  '[Content_Types].xml',
  '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
);

/** A Word document whose body inflates to `mebibytes` MiB. */
export const docxBomb = (mebibytes: number): ZipPart[] => [CONTENT_TYPES, bombPart('word/document.xml', mebibytes, DOCX_BOMB_XML)];

/** An Excel workbook whose first sheet inflates to `mebibytes` MiB. */
export const xlsxBomb = (mebibytes: number): ZipPart[] => [
  CONTENT_TYPES,
  deflatedPart(
    'xl/workbook.xml',
    '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>',
  ),
  bombPart('xl/worksheets/sheet1.xml', mebibytes, SHEET_BOMB_XML),
];

/** A Word document with `count` empty parts besides its body. */
export const docxWithParts = (count: number): ZipPart[] => [
  ...docxBomb(0),
  ...Array.from(
    { length: count },
    (_, i): ZipPart => ({ name: `word/media/empty${i}.bin`, data: new Uint8Array(), method: 0, declaredSize: 0 }),
  ),
];
