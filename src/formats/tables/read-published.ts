/**
 * A published form of any province, read from its tables: the file's tables (./read-table-file.ts),
 * recognised as a form profile's (./recognise.ts) into documents, and a 自评表's actuals.
 */
import type { TableFile } from './grid.ts';
import { readTableFile } from './read-table-file.ts';
import { recogniseTables, type RecognisedTables } from './recognise.ts';

export async function readPublishedTables(bytes: Uint8Array, fileName: string, options: { year?: number }): Promise<RecognisedTables> {
  const file: TableFile = await readTableFile(bytes, fileName);
  return recogniseTables(file, options.year === undefined ? {} : { year: options.year });
}
