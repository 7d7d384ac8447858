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
  const data = Buffer.concat([flushed(Buffer.from(parts.prefix)), ...Array.from({ length: mebibytes }, () => block), deflateRawSync(Buffer.from(parts.suffix))]);
  const size = Buffer.byteLength(parts.prefix) + mebibytes * MiB + Buffer.byteLength(parts.suffix);
  return { name, data, method: 8, declaredSize: size };
}

export const DOCX_BOMB_XML = {
  prefix: '<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>',
  filler: '<w:p><w:r><w:t>部门整体绩效目标</w:t></w:r></w:p>',
  suffix: '</w:body></w:document>',
};

export const SHEET_BOMB_XML = {
  prefix: '<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>',
  filler: '<row><c t="inlineStr"><is><t>x</t></is></c></row>',
  suffix: '</sheetData></worksheet>',
};

/** The package: local headers and data, then the central directory and its end record. */
export function zipOf(parts: readonly ZipPart[]): Uint8Array {
  const chunks: Buffer[] = [];
  const directory: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x800, 6);
    local.writeUInt16LE(part.method, 8);
    local.writeUInt32LE(part.data.length, 18);
    local.writeUInt32LE(part.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x800, 8);
    central.writeUInt16LE(part.method, 10);
    central.writeUInt32LE(part.data.length, 20);
    central.writeUInt32LE(part.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    chunks.push(local, name, Buffer.from(part.data));
    directory.push(central, name);
    offset += local.length + name.length + part.data.length;
  }
  const size = directory.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 8);
  end.writeUInt16LE(Math.min(parts.length, 0xffff), 10);
  end.writeUInt32LE(size, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, ...directory, end]);
}

/** The same parts with the sizes the central directory states made small: a package that lies. */
export const lyingAbout = (parts: readonly ZipPart[]): ZipPart[] => parts.map((p) => ({ ...p, declaredSize: Math.min(p.declaredSize, 1000) }));

const CONTENT_TYPES = deflatedPart('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');

/** A Word document whose body inflates to `mebibytes` MiB. */
export const docxBomb = (mebibytes: number): ZipPart[] => [CONTENT_TYPES, bombPart('word/document.xml', mebibytes, DOCX_BOMB_XML)];

/** An Excel workbook whose first sheet inflates to `mebibytes` MiB. */
export const xlsxBomb = (mebibytes: number): ZipPart[] => [
  CONTENT_TYPES,
  deflatedPart('xl/workbook.xml', '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheets><sheet name="Sheet1" sheetId="1"/></sheets></workbook>'),
  bombPart('xl/worksheets/sheet1.xml', mebibytes, SHEET_BOMB_XML),
];

/** A Word document with `count` empty parts besides its body. */
export const docxWithParts = (count: number): ZipPart[] => [
  ...docxBomb(0),
  ...Array.from({ length: count }, (_, i): ZipPart => ({ name: `word/media/empty${i}.bin`, data: new Uint8Array(), method: 0, declaredSize: 0 })),
];
