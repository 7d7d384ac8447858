/**
 * A library entry as a row and back: the core LibraryEntry's fields are columns (lists filter and
 * page on them), its id is the row's `code`, and its family key is kept beside it so history and
 * suggestions find the entry of a measure by index.
 */
import { entryRow, familyKey, type Field, type LibraryEntry } from '../../core/library/index.ts';
import { parseTargetValue } from '../../core/target-value/parse.ts';
import type { LibraryEntriesTable } from '../schema.ts';

/** The columns an entry's content fills (ownership, proposer and decision are the workflow's). */
export type EntryColumns = Pick<
  LibraryEntriesTable,
  | 'code'
  | 'level1'
  | 'level2'
  | 'level3'
  | 'unit'
  | 'direction'
  | 'target'
  | 'explanation'
  | 'method'
  | 'data_source'
  | 'field'
  | 'source_kind'
  | 'source_reference'
  | 'state'
  | 'reason'
  | 'family_key'
> & { description: string };

/**
 * A core family key as a text column holds it: the core separates its parts with NUL, which
 * PostgreSQL text cannot hold, so they are separated by U+001F (unit separator) instead — a
 * character no normalised wording, unit or 二级 holds. Whatever stores or looks up family keys uses this.
 */
export const storedFamilyKey = (key: string): string => key.replaceAll('\u0000', '\u001f');

/** The stored family key of the row an entry becomes (null where its wording is only numbers). */
export function entryFamilyKey(entry: LibraryEntry): string | null {
  const key = familyKey(entryRow(entry), parseTargetValue(entry.target ?? ''));
  return key === null ? null : storedFamilyKey(key);
}

export function entryColumns(entry: LibraryEntry): EntryColumns {
  return {
    code: entry.id,
    level1: entry.level1,
    level2: entry.level2,
    level3: entry.level3,
    description: entry.description,
    unit: entry.unit,
    direction: entry.direction,
    target: entry.target,
    explanation: entry.explanation,
    method: entry.method,
    data_source: entry.dataSource,
    field: entry.field,
    source_kind: entry.source.kind,
    source_reference: entry.source.reference,
    state: entry.status.state,
    reason: entry.status.reason,
    family_key: entryFamilyKey(entry),
  };
}

export const ENTRY_COLUMNS = [
  'code',
  'level1',
  'level2',
  'level3',
  'description',
  'unit',
  'direction',
  'target',
  'explanation',
  'method',
  'data_source',
  'field',
  'source_kind',
  'source_reference',
  'state',
  'reason',
] as const;

export type EntryRow = Pick<LibraryEntriesTable, Exclude<(typeof ENTRY_COLUMNS)[number], 'description'>> & { description: string };

export function entryOf(r: EntryRow): LibraryEntry {
  return {
    id: r.code,
    level1: r.level1,
    level2: r.level2,
    level3: r.level3,
    description: r.description,
    unit: r.unit,
    direction: r.direction,
    target: r.target,
    explanation: r.explanation,
    method: r.method,
    dataSource: r.data_source,
    field: r.field as Field,
    source: { kind: r.source_kind, reference: r.source_reference },
    status: { state: r.state, reason: r.reason },
  };
}
