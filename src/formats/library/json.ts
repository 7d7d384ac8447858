/**
 * A library file as JSON: `{ "format": "jixiao.library", "version": 1, "entries": [...] }`, validated
 * against its schema (./schema.ts). All or nothing: the first problem, with the entry and the field
 * it is in, is an error and no entry is returned.
 */
import { Compile } from 'typebox/compile';
import { entryProblem, type LibraryEntry } from '../../core/library/index.ts';
import { named, type MessageRef } from '../../i18n/message-ref.ts';
import { ImportError } from '../import-error.ts';
import { lineAt, schemaFailure } from '../json/schema-errors.ts';
import { decodeText } from '../text/decode.ts';
import { checkUniqueIds } from './unique-ids.ts';
import { LIBRARY_FORMAT, LIBRARY_VERSION, libraryJsonSchema } from './schema.ts';

export function writeLibraryJson(entries: readonly LibraryEntry[]): string {
  return `${JSON.stringify({ format: LIBRARY_FORMAT, version: LIBRARY_VERSION, entries }, null, 2)}\n`;
}

let validator: ReturnType<typeof Compile> | undefined;
const validate = () => (validator ??= Compile(libraryJsonSchema() as never));

export function readLibraryJson(content: string | Uint8Array, fileName: string): LibraryEntry[] {
  const m = named.library.file;
  const text = typeof content === 'string' ? content.replace(/^\uFEFF/, '') : decodeText(content).text;
  const fail = (reason: MessageRef, field?: string, line?: number): never => {
    throw new ImportError({ file: fileName, ...(line === undefined ? {} : { line }), ...(field === undefined ? {} : { field }) }, reason);
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = (e as Error).message;
    const at = /position (\d+)/.exec(detail);
    fail(m.notJson(detail), undefined, at === null ? undefined : lineAt(text, Number(at[1])));
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== LIBRARY_FORMAT)
    fail(m.notLibraryFile, 'format');
  const version = (data as { version?: unknown }).version;
  if (version !== LIBRARY_VERSION) fail(m.unsupportedVersion(JSON.stringify(version) ?? ''), 'version');
  const v = validate();
  if (!v.Check(data)) {
    const { reason, field } = schemaFailure([...v.Errors(data)]);
    fail(reason, field);
  }
  const entries = (data as { entries: LibraryEntry[] }).entries;
  entries.forEach((e, i) => {
    const wrong = entryProblem(e);
    if (wrong !== null) fail(m[wrong.problem], `entries[${i}].${wrong.field}`);
  });
  checkUniqueIds(entries, (index, id) => fail(m.duplicateId(id), `entries[${index}].id`));
  return entries;
}
