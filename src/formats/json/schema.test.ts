import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { exchangeSchemaText, SCHEMA_FILE } from './schema-file.ts';

describe('the published JSON Schema', () => {
  it('is up to date with the model (run `npm run schema` after changing the model)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../..', SCHEMA_FILE), 'utf8');
    expect(committed).toBe(exchangeSchemaText());
  });

  it('is self-contained: every $ref points into its own $defs, every object is closed', () => {
    const schema = JSON.parse(exchangeSchemaText());
    const refs: string[] = [];
    const open: string[] = [];
    const walk = (node: unknown, path: string) => {
      if (Array.isArray(node)) return node.forEach((n, i) => walk(n, `${path}/${i}`));
      if (node === null || typeof node !== 'object') return;
      const o = node as Record<string, unknown>;
      if (typeof o.$ref === 'string') refs.push(o.$ref);
      if (o.type === 'object' && o.additionalProperties !== false) open.push(path);
      for (const [k, v] of Object.entries(o)) walk(v, `${path}/${k}`);
    };
    walk(schema, '');
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(schema.$defs[ref.replace('#/$defs/', '')]).toBeDefined();
    expect(open).toEqual([]);
  });
});
