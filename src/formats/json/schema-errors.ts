/**
 * What a JSON file that fails its schema is told: the deepest failure, as a message and the path of
 * the field (the exchange format and the indicator library file alike).
 */
import { named, type MessageRef } from '../../i18n/message-ref.ts';

export interface SchemaError {
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
    case 'enum':
      return m.notAllowed((e.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join('、'));
    case 'minimum':
    case 'maximum':
      return m.outOfRange;
    case 'minLength':
      return m.empty;
    case 'maxLength':
      return m.tooLong(Number(e.params.limit));
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

/** The failure to report, with its field as a path ("entries[3].status.reason"); undefined at the top. */
export function schemaFailure(errors: readonly SchemaError[]): { reason: MessageRef; field: string | undefined } {
  const error = mostSpecific(errors);
  return { reason: describe(error), field: jsonPath(error.instancePath) || undefined };
}

export function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}
