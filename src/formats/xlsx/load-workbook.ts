/** Opening an uploaded workbook, for the template reader and the actuals reader alike. */
import ExcelJS from 'exceljs';
import { named, type MessageRef } from '../../i18n/message-ref.ts';
import { ImportError } from '../import-error.ts';
import { openZip } from '../zip-reader.ts';

/**
 * The workbook in an XLSX file; an ImportError (with `unreadable`'s reason when exceljs fails) otherwise.
 * `skip` names sheet parts exceljs is not to read (it checks each merged range against every other:
 * a sheet of many merges takes it seconds, so a reader that takes them from the XML skips "mergeCells").
 */
export async function loadWorkbook(
  bytes: Uint8Array,
  file: string,
  unreadable: (detail: string | MessageRef) => MessageRef,
  skip: readonly string[] = [],
): Promise<ExcelJS.Workbook> {
  // exceljs unzips on its own, without limits: it is given only a package that has unpacked within them.
  openZip(bytes, file, unreadable(named.formats.zip.broken)).verify();
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: [...skip] });
  } catch (e) {
    throw new ImportError({ file }, unreadable((e as Error).message));
  }
  return workbook;
}
