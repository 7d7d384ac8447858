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
import { readDocxTables } from './read-docx-tables.ts';
import { readHtmlTables } from './read-html-tables.ts';

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
  if (file.tables.length === 0) throw new ImportError({ file: fileName }, named.formats.tableFiles.noTables);
  return file;
}

async function readFormat(bytes: Uint8Array, fileName: string, format: TableFileFormat | null): Promise<TableFile> {
  switch (format) {
    case 'docx':
      return readDocxTables(bytes, fileName);
    case 'xlsx':
      // exceljs is large: loaded when a workbook is read, not by every command and request.
      return (await import('./read-xlsx-tables.ts')).readXlsxTables(bytes, fileName);
    case 'doc':
      return readDocxTables(await convertOldFormat(bytes, fileName, 'doc'), fileName);
    case 'xls':
      return (await import('./read-xlsx-tables.ts')).readXlsxTables(await convertOldFormat(bytes, fileName, 'xls'), fileName);
    case 'html':
      return readHtmlTables(bytes, fileName);
    case null:
      throw new ImportError({ file: fileName }, named.formats.tableFiles.notATableFile);
  }
}
