/**
 * A library file as JSON: `{ "format": "jixiao.library", "version": 1, "entries": [...] }`, validated
 * against its schema (./schema.ts). All or nothing: the first problem, with the entry and the field
 * it is in, is an error and no entry is returned.
 */
import { Compile } from 'typebox/compile';
import { entryProblem, type LibraryEntry } from '../../core/library/index.ts';
import { named } from '../../i18n/message-ref.ts';
import { failIn, readVersionedJson } from '../json/versioned-json.ts';
import { checkUniqueIds } from './unique-ids.ts';
import { LIBRARY_FORMAT, LIBRARY_VERSION, libraryJsonSchema } from './schema.ts';

export function writeLibraryJson(entries: readonly LibraryEntry[]): string {
  return `${JSON.stringify({ format: LIBRARY_FORMAT, version: LIBRARY_VERSION, entries }, null, 2)}\n`;
}

let validator: ReturnType<typeof Compile> | undefined;
const validate = () => (validator ??= Compile(libraryJsonSchema() as never));

export function readLibraryJson(content: string | Uint8Array, fileName: string): LibraryEntry[] {
  const m = named.library.file;
  const fail = failIn(fileName);
  const data = readVersionedJson(content, fileName, {
    format: LIBRARY_FORMAT,
    version: LIBRARY_VERSION,
    validate,
    messages: { notJson: m.notJson, wrongFormat: m.notLibraryFile, unsupportedVersion: m.unsupportedVersion },
  });
  const entries = (data as { entries: LibraryEntry[] }).entries;
  entries.forEach((e, i) => {
    const wrong = entryProblem(e);
    if (wrong !== null) fail(m[wrong.problem], `entries[${i}].${wrong.field}`);
  });
  checkUniqueIds(entries, (index, id) => fail(m.duplicateId(id), `entries[${index}].id`));
  return entries;
}
