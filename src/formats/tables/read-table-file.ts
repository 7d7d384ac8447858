/**
 * Reads the tables of a published form, whatever file it was saved as, recognised by content (a
 * renamed file still reads; a government site's ".xls" that is really a web page reads as one):
 * a ZIP package with word/ is Word, with xl/ Excel; an OLE2 compound file is old Word or Excel by its
 * streams (or, failing those, its name), converted by LibreOffice; markup is a web page.
 */
import { named } from '../../i18n/message-ref.ts';
import { ImportError } from '../import-error.ts';
import { looksBinary } from '../text/decode.ts';
import { looksLikeZip, openZip } from '../zip-reader.ts';
import type { TableFile } from './grid.ts';
import { decodeHtml } from './html-encoding.ts';
import { convertOldFormat } from './libreoffice.ts';
import { compoundFileFormat, looksLikeCompoundFile } from './old-office.ts';

export type TableFileFormat = 'docx' | 'xlsx' | 'doc' | 'xls' | 'html';

/** Markup a saved web page has near its start (Word's and Excel's "save as web page" included). */
const HTML_MARKUP = /<(?:!doctype\s+html|html|head|body|meta|table)[\s>/]/i;

/** The format of the bytes, or null when they are none of these. */
export function tableFileFormat(bytes: Uint8Array, fileName: string): TableFileFormat | null {
  if (looksLikeZip(bytes)) {
    const names = [...openZip(bytes, fileName, named.formats.zip.broken).names];
    if (names.some((n) => n.startsWith('word/'))) return 'docx';
    if (names.some((n) => n.startsWith('xl/'))) return 'xlsx';
    return null;
  }
  if (looksLikeCompoundFile(bytes)) {
    const byName = /\.(doc|xls)$/i.exec(fileName)?.[1]?.toLowerCase() as 'doc' | 'xls' | undefined;
    return compoundFileFormat(bytes) ?? byName ?? null;
  }
  const start = bytes.subarray(0, 4096);
  if (!looksBinary(start) && HTML_MARKUP.test(decodeHtml(start))) return 'html';
  return null;
}

export async function readTableFile(bytes: Uint8Array, fileName: string): Promise<TableFile> {
  const file = await readFormat(bytes, fileName, tableFileFormat(bytes, fileName));
  if (file.tables.length === 0) throw new ImportError({ file: fileName }, named.formats.tables.noTables);
  return file;
}

// The readers' libraries (saxes, exceljs, parse5) are loaded when a file of theirs is read, not by every command and request.
async function readFormat(bytes: Uint8Array, fileName: string, format: TableFileFormat | null): Promise<TableFile> {
  switch (format) {
    case 'docx':
      return (await import('./read-docx-tables.ts')).readDocxTables(bytes, fileName);
    case 'xlsx':
      return (await import('./read-xlsx-tables.ts')).readXlsxTables(bytes, fileName);
    case 'doc':
      return readFormat(await convertOldFormat(bytes, fileName, 'doc'), fileName, 'docx');
    case 'xls':
      return readFormat(await convertOldFormat(bytes, fileName, 'xls'), fileName, 'xlsx');
    case 'html':
      return (await import('./read-html-tables.ts')).readHtmlTables(bytes, fileName);
    case null:
      throw new ImportError({ file: fileName }, named.formats.tables.notATableFile);
  }
}
