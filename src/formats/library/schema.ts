/**
 * The published JSON Schema of a library file (schema/jixiao.library.v1.schema.json), made from the
 * core's typebox schema of an entry like the exchange format's, every object closed.
 */
import { LibraryEntry } from '../../core/library/index.ts';
import { hoistAndClose, plain, type Json } from '../json/schema.ts';

export const LIBRARY_FORMAT = 'jixiao.library';
export const LIBRARY_VERSION = 1;
export const LIBRARY_SCHEMA_ID = 'urn:jixiao:schema:library:v1';
export const LIBRARY_SCHEMA_FILE = 'schema/jixiao.library.v1.schema.json';

export function libraryJsonSchema(): Record<string, Json> {
  const defs: Record<string, Json> = {};
  return {
    $schema: 'https://json-schema.org/draft/2020-12/schema',
    $id: LIBRARY_SCHEMA_ID,
    title: 'jixiao 指标库 (jixiao.library v1)',
    description:
      'An indicator library (指标库) as a bureau distributes it: entries with levels, unit, direction, suggested target, field, source and status.',
    type: 'object',
    additionalProperties: false,
    required: ['format', 'version', 'entries'],
    properties: {
      format: { const: LIBRARY_FORMAT },
      version: { const: LIBRARY_VERSION },
      entries: { type: 'array', items: hoistAndClose(plain(LibraryEntry), defs) },
    },
    ...(Object.keys(defs).length > 0 ? { $defs: defs } : {}),
  };
}

/** The schema file's exact text (what `npm run schema` writes). */
export const librarySchemaText = (): string => `${JSON.stringify(libraryJsonSchema(), null, 2)}\n`;
