/**
 * The contract of the recogniser being written on branch h13b (it replaces this file when merged):
 * the forms in a file's tables, the profile they were recognised as, and a 自评表's actuals. Until
 * then no layout is recognised.
 */
import type { Actuals } from '../../core/actuals/actuals.ts';
import type { FormProfile } from '../../core/forms/profile.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { named } from '../../i18n/message-ref.ts';
import { ImportError } from '../import-error.ts';
import type { TableFile } from './grid.ts';

export interface RecognisedTables {
  profile: FormProfile;
  documents: TargetDocument[];
  actuals: Actuals | null;
}

export function recogniseTables(file: TableFile, _options: { year?: number }): RecognisedTables {
  throw new ImportError({ file: file.file }, named.textFormat.unknownContent);
}
