/**
 * The published JSON Schema of the exchange format (schema/jixiao.targets.v1.schema.json), made
 * from the model's typebox schemas so that the two cannot drift: every object is closed (an unknown
 * or misspelt field is an error, not silently dropped), and each indicator may carry its derived
 * `targetValue`.
 */
import { TargetDocument } from '../../core/model/document.ts';
import { TargetValueSchema } from './target-value-schema.ts';

export const EXCHANGE_FORMAT = 'jixiao.targets';
export const EXCHANGE_VERSION = 1;
export const SCHEMA_ID = 'urn:jixiao:schema:targets:v1';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** Plain JSON of a typebox schema (typebox keeps its own metadata under symbols, which JSON drops). */
export const plain = (schema: unknown): Json => JSON.parse(JSON.stringify(schema)) as Json;

export function exchangeJsonSchema(): Record<string, Json> {
  const defs: Record<string, Json> = {};
  const document = hoistAndClose(plain(TargetDocument), defs);
  const indicator = (document as any).properties.projects.items.properties.indicators.items;
  indicator.properties.targetValue = hoistAndClose(plain(TargetValueSchema), defs);
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: SCHEMA_ID,
    title: 'jixiao 预算绩效目标交换格式 (jixiao.targets v1)',
    description:
      'Documents of budget performance targets (预算绩效目标). Amounts and percentages are exact decimal strings; an empty cell is null.',
    type: 'object',
    additionalProperties: false,
    required: ['format', 'version', 'documents'],
    properties: {
      format: { const: EXCHANGE_FORMAT },
      version: { const: EXCHANGE_VERSION },
      documents: { type: 'array', items: document },
    },
    $defs: defs,
  };
}

/**
 * Closes every object schema and moves typebox's local definitions (its cyclic NumberedItem,
 * repeated with a relative `$id` wherever it is used) to one top-level `$defs`.
 */
export function hoistAndClose(node: Json, defs: Record<string, Json>): Json {
  if (Array.isArray(node)) return node.map((n) => hoistAndClose(n, defs));
  if (node === null || typeof node !== 'object') return node;
  const out: Record<string, Json> = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === '$defs') {
      for (const [name, def] of Object.entries(value as Record<string, Json>)) {
        const { $id: _id, ...rest } = def as Record<string, Json>;
        defs[name] = hoistAndClose(rest, defs);
      }
    } else if (key === '$ref' && typeof value === 'string' && !value.startsWith('#')) out.$ref = `#/$defs/${value}`;
    else out[key] = hoistAndClose(value, defs);
  }
  if (out.type === 'object' && out.properties !== undefined) out.additionalProperties = false;
  return out;
}
