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
    const error = mostSpecific([...v.Errors(data)]);
    fail(describe(error), jsonPath(error.instancePath) || undefined);
  }
  const documents = (data as { documents: TargetDocument[] }).documents;
  for (const d of documents) for (const p of d.projects) for (const i of p.indicators) delete (i as { targetValue?: unknown }).targetValue;
  return documents;
}

interface SchemaError {
  keyword: string;
  instancePath: string;
  message: string;
  params: Record<string, unknown>;
}

/** The deepest error is the one to show: a union reports its alternatives' failures at its own path too. */
function mostSpecific(errors: readonly SchemaError[]): SchemaError {
  const depth = (e: SchemaError) => e.instancePath.split('/').length;
  const rank = (e: SchemaError) => (e.keyword === 'anyOf' || e.keyword === 'boolean' ? 1 : 0);
  return [...errors].sort((a, b) => depth(b) - depth(a) || rank(a) - rank(b))[0]!;
}

function describe(e: SchemaError): MessageRef {
  const m = named.exchangeFormat;
  switch (e.keyword) {
    case 'required':
      return m.missingFields((e.params.requiredProperties as string[]).join('、'));
    case 'additionalProperties':
      return m.unknownField((e.params.additionalProperties as string[]).join('、'));
    case 'boolean':
      return m.unknownField(e.instancePath.split('/').pop() ?? '');
    case 'type':
      return m.wrongType(String(e.params.type));
    case 'pattern':
      return m.notDecimal;
    case 'const':
      return m.notAllowed(JSON.stringify(e.params.allowedValue));
    case 'minimum':
    case 'maximum':
      return m.outOfRange;
    case 'minLength':
      return m.empty;
    default:
      return m.invalid(e.message);
  }
}

/** "/documents/0/projects/2/budget/total" → "documents[0].projects[2].budget.total". */
function jsonPath(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((path, p) => (/^\d+$/.test(p) ? `${path}[${p}]` : path === '' ? p : `${path}.${p}`), '');
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
