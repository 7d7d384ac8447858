/** A library file by its content: a workbook (ZIP) or JSON. */
import type { LibraryEntry } from '../../core/library/index.ts';
import { readLibraryJson } from './json.ts';
import { readLibraryXlsx } from './xlsx.ts';

const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b;

export const readLibrary = async (bytes: Uint8Array, fileName: string): Promise<LibraryEntry[]> =>
  isZip(bytes) ? readLibraryXlsx(bytes, fileName) : readLibraryJson(bytes, fileName);
