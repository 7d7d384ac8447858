/**
 * The reader of published tables, whatever file they came from: finds the indicator table(s) by
 * their headings, reads the forms around them, tells which profile (表样) they follow and builds the
 * documents — and, from a 自评表, the actuals. An unknown layout is an error naming the headings
 * found and the ones needed; a table read only in part is an error at its cell, never a partial import.
 */
import type { Actuals } from '../../core/actuals/actuals.ts';
import type { FormProfile } from '../../core/forms/profile.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { named } from '../../i18n/message-ref.ts';
import { ImportError } from '../import-error.ts';
import { buildDocuments } from './build.ts';
import type { TableFile } from './grid.ts';
import { headingsOf } from './indicator-header.ts';
import { matchProfile } from './match-profile.ts';
import { failAt } from './place.ts';
import { readTables } from './read-tables.ts';

export interface RecognisedTables {
  profile: FormProfile;
  documents: TargetDocument[];
  actuals: Actuals | null;
}

export function recogniseTables(file: TableFile, options: { year?: number } = {}): RecognisedTables {
  if (file.tables.length === 0) throw new ImportError({ file: file.file }, named.formats.tables.noTables);
  const { forms, likeliestHeading } = readTables(file);
  const read = forms.filter((f) => f.indicators.length > 0 || f.duties.length > 0);
  const unread = forms.find((f) => f.indicators.length === 0 && f.duties.length === 0 && f.fields.name !== undefined);
  if (read.length === 0 || unread !== undefined) {
    const h = named.formats.textFields;
    const needed = [h.level1, h.level2, h.level3, h.target];
    const at = likeliestHeading ?? { grid: file.tables[0]!, row: 0 };
    const found = likeliestHeading === null ? [] : headingsOf(likeliestHeading.grid, likeliestHeading.row);
    failAt(file.file, { ...at, column: 0 }, named.formats.tables.unknownLayout(found, needed));
  }
  const year = options.year ?? read.find((f) => f.year !== null)?.year ?? null;
  const profile = matchProfile(read, year);
  return { profile, ...buildDocuments(file.file, read, profile, options.year) };
}
