/**
 * The exchange format: `{ "format": "jixiao.targets", "version": 1, "documents": [...] }`, the
 * model as JSON (amounts as decimal strings, empty cells as null), documented in
 * docs/exchange-format.md and published as schema/jixiao.targets.v1.schema.json. Each indicator
 * also carries `targetValue`, how jixiao reads its 指标值: informative, and ignored on read.
 */
import { Compile } from 'typebox/compile';
import type { TargetDocument } from '../../core/model/document.ts';
import { parseTargetValue } from '../../core/target-value/parse.ts';
import { named } from '../../i18n/message-ref.ts';
import { readVersionedJson } from './versioned-json.ts';
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
  const data = readVersionedJson(content, source.fileName, {
    format: EXCHANGE_FORMAT,
    version: EXCHANGE_VERSION,
    validate,
    messages: { notJson: m.notJson, wrongFormat: m.notExchangeFile, unsupportedVersion: m.unsupportedVersion },
  });
  const documents = (data as { documents: TargetDocument[] }).documents;
  for (const d of documents) for (const p of d.projects) for (const i of p.indicators) delete (i as { targetValue?: unknown }).targetValue;
  return documents;
}
