/**
 * Turns the bytes of a published text file into text. Chinese Windows exports come as UTF-8
 * (with or without BOM), UTF-16 with BOM ("Unicode" in Word's save dialog) or GB18030/GBK
 * ("ANSI" on a Chinese system); Node's TextDecoder reads all of them, so no library is needed.
 */
export type TextEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'gb18030';

export interface DecodedText {
  text: string;
  encoding: TextEncoding;
}

export function decodeText(bytes: Uint8Array): DecodedText {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return decodeAs(bytes.subarray(3), 'utf-8');
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return decodeAs(bytes.subarray(2), 'utf-16le');
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return decodeAs(bytes.subarray(2), 'utf-16be');
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' };
  } catch {
    // UTF-8 but for a character cut off at the end: a truncated file, which reads (and fails) as what it is.
    if (endsInsideUtf8(bytes)) return decodeAs(bytes, 'utf-8');
    // Not valid UTF-8: the only other encoding without a BOM that Chinese exports use is GB18030 (a superset of GBK).
    return decodeAs(bytes, 'gb18030');
  }
}

function endsInsideUtf8(bytes: Uint8Array): boolean {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * The text at the start of the bytes, for recognising a format without decoding a whole file.
 * A cut may fall inside a character; streaming mode keeps that from being taken for bad UTF-8.
 */
export function decodeStart(bytes: Uint8Array, maxBytes: number): string {
  if (bytes.length <= maxBytes) return decodeText(bytes).text;
  const start = bytes.subarray(0, maxBytes - (maxBytes % 2));
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return decodeText(start).text;
  try {
    // The decoder drops a UTF-8 BOM itself.
    return new TextDecoder('utf-8', { fatal: true }).decode(start, { stream: true });
  } catch {
    return decodeAs(start, 'gb18030').text;
  }
}

function decodeAs(bytes: Uint8Array, encoding: TextEncoding): DecodedText {
  return { text: new TextDecoder(encoding).decode(bytes), encoding };
}

/** Whether bytes can be text at all: binary formats (ZIP, PDF, images) hold NUL bytes that text never does. */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const n = Math.min(bytes.length, 4096);
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true;
  return false;
}
