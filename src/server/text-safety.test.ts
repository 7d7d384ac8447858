/**
 * Text no database can hold — a NUL, a lone UTF-16 surrogate — is refused at the edge with 400 and the
 * field's name, for every string the API takes: each route of the OpenAPI document, each path and
 * query parameter, each string in each request body schema. Never a 500, on PGlite and on PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorld, type World } from './fixture.testing.ts';
import { testDatabases } from './testing.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Schema {
  type?: string;
  properties?: Record<string, Schema>;
  items?: Schema;
  anyOf?: Schema[];
  $ref?: string;
}
interface Operation {
  parameters?: Array<{ in: string; name: string }>;
  requestBody?: { content: Record<string, { schema: Schema }> };
}
interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema> };
}

const BAD = { nul: 'a\u0000b', 'lone surrogate': 'a\ud800b', 'lone low surrogate': '\udc00' };

/** Each string leaf of a body schema as the smallest body reaching it, with where the API names it. */
function* stringLeaves(
  schema: Schema,
  api: OpenApi,
  put: (v: unknown) => unknown,
  path: string,
  depth = 0,
): Generator<{ body: (v: string) => unknown; at: string }> {
  if (depth > 8) return;
  if (schema.$ref !== undefined) {
    yield* stringLeaves(api.components!.schemas![schema.$ref.split('/').pop()!]!, api, put, path, depth + 1);
    return;
  }
  for (const s of schema.anyOf ?? []) yield* stringLeaves(s, api, put, path, depth + 1);
  if (schema.type === 'string') yield { body: (v) => put(v), at: path };
  if (schema.items !== undefined) yield* stringLeaves(schema.items, api, (v) => put([v]), `${path}[0]`, depth + 1);
  for (const [k, s] of Object.entries(schema.properties ?? {}))
    yield* stringLeaves(s, api, (v) => put({ [k]: v }), `${path}.${k}`, depth + 1);
}

for (const make of testDatabases()) {
  const database = make();
  describe(`text no database can hold, on ${database.name}`, () => {
    let w: World;
    let api: OpenApi;
    beforeAll(async () => {
      w = await openWorld(database);
      api = (await w.clients.admin.request('GET', '/api/openapi.json')).json();
    }, 120_000);
    afterAll(() => w?.close());

    const expectRefused = async (method: Method, url: string, at: string, body?: unknown) => {
      const r = await w.clients.admin.request(method, url, { ...(body === undefined ? {} : { body }), headers: { 'if-match': '"1"' } });
      expect({ status: r.statusCode, code: r.json().code }, `${method} ${url} ${at}: ${r.body}`).toEqual({
        status: 400,
        code: 'invalid_text',
      });
      expect(r.json().message).toContain(at);
    };

    it('is refused in every path and query parameter of every route', async () => {
      let checked = 0;
      for (const [template, operations] of Object.entries(api.paths)) {
        for (const [method, op] of Object.entries(operations)) {
          for (const p of op.parameters ?? []) {
            if (p.in !== 'path' && p.in !== 'query') continue;
            const path = template.replace(/\{(\w+)\}/g, (_, name: string) => (p.in === 'path' && name === p.name ? '%00' : '1'));
            const url = p.in === 'query' ? `${path}?${p.name}=%00` : path;
            await expectRefused(method.toUpperCase() as Method, url, `${p.in === 'path' ? 'params' : 'query'}.${p.name}`);
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(80);
    });

    it('is refused in every string of every request body', async () => {
      let checked = 0;
      for (const [template, operations] of Object.entries(api.paths)) {
        for (const [method, op] of Object.entries(operations)) {
          const schema = op.requestBody?.content['application/json']?.schema;
          if (schema === undefined) continue;
          const url = template.replace(/\{\w+\}/g, '1');
          for (const leaf of stringLeaves(schema, api, (v) => v, 'body')) {
            for (const bad of Object.values(BAD)) await expectRefused(method.toUpperCase() as Method, url, leaf.at, leaf.body(bad));
            checked++;
          }
        }
      }
      expect(checked).toBeGreaterThan(100);
    });

    it('answers the cases first reported with 400, signed in or not', async () => {
      const search = await w.clients.anonymous.request('GET', '/api/public/documents?q=%00');
      expect(search.statusCode, search.body).toBe(400);
      expect(search.json().message).toContain('query.q');
      const login = await w.clients.anonymous.request('POST', '/api/auth/login', { body: { username: 'sifaju\u0000', password: 'x' } });
      expect(login.statusCode, login.body).toBe(400);
      expect(login.json().message).toContain('body.username');
      const comment = await w.clients.ownUnit.request('POST', `/api/documents/${w.draftId}/comments`, { body: { body: '意见\u0000' } });
      expect(comment.statusCode, comment.body).toBe(400);
      // Text that a database can hold still goes through.
      const fine = await w.clients.ownUnit.request('POST', `/api/documents/${w.draftId}/comments`, { body: { body: '意见 😀' } });
      expect(fine.statusCode, fine.body).toBe(201);
    });
  });
}
