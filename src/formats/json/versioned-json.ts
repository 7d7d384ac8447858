/**
 * The envelope every jixiao JSON file shares — `{ "format": …, "version": …, … }` — read and checked
 * against the file's schema: not JSON (with the line), another format, another version, or the
 * first place the schema refuses is an ImportError naming the file and the line or field.
 */
import type { Compile } from 'typebox/compile';
import type { MessageRef } from '../../i18n/message-ref.ts';
import { ImportError } from '../import-error.ts';
import { decodeText } from '../text/decode.ts';
import { lineAt, schemaFailure } from './schema-errors.ts';

/** Throws the file's ImportError, at a field or a line where one is known. */
export const failIn =
  (file: string) =>
  (reason: MessageRef, field?: string, line?: number): never => {
    throw new ImportError({ file, ...(line === undefined ? {} : { line }), ...(field === undefined ? {} : { field }) }, reason);
  };

export interface JsonFileKind {
  format: string;
  version: number;
  /** The file's compiled schema (compiled on first use: most runs never read JSON). */
  validate: () => ReturnType<typeof Compile>;
  messages: { notJson: (detail: string) => MessageRef; wrongFormat: MessageRef; unsupportedVersion: (version: string) => MessageRef };
}

/** The file's content, once it is this kind of file and its schema accepts it. */
export function readVersionedJson(content: string | Uint8Array, fileName: string, kind: JsonFileKind): unknown {
  const m = kind.messages;
  const fail = failIn(fileName);
  const text = typeof content === 'string' ? content.replace(/^\uFEFF/, '') : decodeText(content).text;
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = (e as Error).message;
    const at = /position (\d+)/.exec(detail);
    fail(m.notJson(detail), undefined, at === null ? undefined : lineAt(text, Number(at[1])));
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== kind.format) fail(m.wrongFormat, 'format');
  const version = (data as { version?: unknown }).version;
  if (version !== kind.version) fail(m.unsupportedVersion(JSON.stringify(version) ?? ''), 'version');
  const v = kind.validate();
  if (!v.Check(data)) {
    const { reason, field } = schemaFailure([...v.Errors(data)]);
    fail(reason, field);
  }
  return data;
}
