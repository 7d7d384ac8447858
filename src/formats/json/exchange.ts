/**
 * The exchange format: `{ "format": "jixiao.targets", "version": 1, "documents": [...] }`, the
 * model as JSON (amounts as decimal strings, empty cells as null), documented in
 * docs/exchange-format.md and published as schema/jixiao.targets.v1.schema.json. Each indicator
 * also carries `targetValue`, how jixiao reads its 指标值: informative, and ignored on read.
 */
import { Compile } from 'typebox/compile';
import type { TargetDocument } from '../../core/model/document.ts';
import { parseTargetValue } from '../../core/target-value/parse.ts';
import { named, type MessageRef } from '../../i18n/message-ref.ts';
import { ImportError } from '../import-error.ts';
import { decodeText } from '../text/decode.ts';
import { lineAt, schemaFailure } from './schema-errors.ts';
import { EXCHANGE_FORMAT, EXCHANGE_VERSION, exchangeJsonSchema } from './schema.ts';

export interface WriteExchangeOptions {
  /** Add each indicator's derived `targetValue`. Default true. */
  targetValues?: boolean;
  /** Indentation; 0 for one line. Default 2. */
  indent?: number;
}

export function writeExchangeJson(docs: readonly TargetDocument[], options: WriteExchangeOptions = {}): string {
  const withValues = options.targetValues ?? true;
  const documents = withValues
    ? docs.map((d) => ({
        ...d,
        projects: d.projects.map((p) => ({
          ...p,
          indicators: p.indicators.map((i) => ({ ...i, targetValue: parseTargetValue(i.target) })),
        })),
      }))
    : docs;
  return `${JSON.stringify({ format: EXCHANGE_FORMAT, version: EXCHANGE_VERSION, documents }, null, options.indent ?? 2)}\n`;
}

let validator: ReturnType<typeof Compile> | undefined;
// Compiled on first use: most runs of the CLI never read JSON.
const validate = () => (validator ??= Compile(exchangeJsonSchema() as never));

export function readExchangeJson(content: string | Uint8Array, source: { fileName: string }): TargetDocument[] {
  const m = named.exchangeFormat;
  const text = typeof content === 'string' ? content.replace(/^\uFEFF/, '') : decodeText(content).text;
  const fail = (reason: MessageRef, field?: string, line?: number): never => {
    throw new ImportError(
      { file: source.fileName, ...(line === undefined ? {} : { line }), ...(field === undefined ? {} : { field }) },
      reason,
    );
  };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    const detail = (e as Error).message;
    const at = /position (\d+)/.exec(detail);
    fail(m.notJson(detail), undefined, at === null ? undefined : lineAt(text, Number(at[1])));
  }
  if (typeof data !== 'object' || data === null || (data as { format?: unknown }).format !== EXCHANGE_FORMAT) {
    fail(m.notExchangeFile, 'format');
  }
  const version = (data as { version?: unknown }).version;
  if (version !== EXCHANGE_VERSION) fail(m.unsupportedVersion(JSON.stringify(version) ?? ''), 'version');

  const v = validate();
  if (!v.Check(data)) {
    const { reason, field } = schemaFailure([...v.Errors(data)]);
    fail(reason, field);
  }
  const documents = (data as { documents: TargetDocument[] }).documents;
  for (const d of documents) for (const p of d.projects) for (const i of p.indicators) delete (i as { targetValue?: unknown }).targetValue;
  return documents;
}
