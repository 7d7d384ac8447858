import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LIBRARY_SCHEMA_FILE, librarySchemaText } from './schema.ts';

describe('the published JSON Schema of a library file', () => {
  it('is up to date with the model (run `npm run schema` after changing it)', () => {
    expect(readFileSync(resolve(import.meta.dirname, '../../..', LIBRARY_SCHEMA_FILE), 'utf8')).toBe(librarySchemaText());
  });

  it('closes every object and lists the fields by their ids', () => {
    const schema = JSON.parse(librarySchemaText());
    const entry = schema.properties.entries.items;
    expect(entry.additionalProperties).toBe(false);
    expect(entry.properties.field.enum).toContain('justice');
    expect(entry.properties.status.additionalProperties).toBe(false);
    expect(entry.properties.source.additionalProperties).toBe(false);
  });
});
