/**
 * Test support for the API suites: the databases each suite runs on (PGlite in a temporary data
 * directory, and PostgreSQL from JIXIAO_TEST_DATABASE_URL in a database of its own), and a client
 * that signs in and carries the session cookie and CSRF token as the browser does.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import pg from 'pg';
import { it } from 'vitest';
import { openStore, type Store } from '../store/database.ts';

export interface TestDatabase {
  name: 'pglite' | 'postgres';
  open(): Promise<Store>;
  /** Removes what open() made (the data directory or the database). */
  dispose(): Promise<void>;
}

export const POSTGRES_URL = process.env.JIXIAO_TEST_DATABASE_URL;

export function pgliteDatabase(): TestDatabase {
  const dir = mkdtempSync(join(tmpdir(), 'jixiao-test-'));
  return {
    name: 'pglite',
    open: () => openStore({ dataDir: dir }),
    dispose: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A fresh database on the test server, so suites run in parallel without seeing each other. */
export function postgresDatabase(adminUrl: string): TestDatabase {
  const name = `jixiao_test_${randomBytes(6).toString('hex')}`;
  const admin = () => new pg.Client({ connectionString: adminUrl });
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    name: 'postgres',
    open: async () => {
      const c = admin();
      await c.connect();
      await c.query(`CREATE DATABASE ${name}`);
      await c.end();
      return openStore({ databaseUrl: url.toString() });
    },
    dispose: async () => {
      const c = admin();
      await c.connect();
      // A closed pool's sessions may still be ending (pg-pool resolves end() before its sockets
      // close): FORCE would terminate them and their clients would throw an uncaught "terminating
      // connection due to administrator command". Let them go first.
      for (let wait = 0; wait < 100; wait++) {
        const { rows } = await c.query<{ n: number }>('SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = $1', [name]);
        if (rows[0]!.n === 0) break;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await c.end();
    },
  };
}

/** In CI the PostgreSQL run is required: a missing URL fails the suite instead of skipping it. */
export const postgresRequired = process.env.CI === 'true';

/**
 * The databases a suite runs on (called where the suite declares its tests). Without
 * JIXIAO_TEST_DATABASE_URL, PostgreSQL is missing: in CI that is a failing test (see
 * `postgresRequired`), locally the PostgreSQL half is left out loudly.
 */
export function testDatabases(): Array<() => TestDatabase> {
  const list: Array<() => TestDatabase> = [pgliteDatabase];
  if (POSTGRES_URL) list.push(() => postgresDatabase(POSTGRES_URL));
  else if (postgresRequired)
    it('runs on PostgreSQL in CI', () => {
      throw new Error('JIXIAO_TEST_DATABASE_URL is not set: CI must run the database tests on PostgreSQL (.ci/run starts a cluster)');
    });
  else console.warn('\n*** JIXIAO_TEST_DATABASE_URL is not set: the PostgreSQL half of the database tests does NOT run here ***\n');
  return list;
}

/** A signed-in (or anonymous) browser: cookies and the CSRF header, over app.inject. */
export class TestClient {
  #cookies = new Map<string, string>();
  #csrf: string | undefined;
  constructor(private readonly app: FastifyInstance) {}

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options: { body?: unknown; headers?: Record<string, string>; raw?: Buffer | string; contentType?: string } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (method !== 'GET') {
      if (this.#csrf === undefined) {
        const r = await this.request('GET', '/api/auth/csrf');
        this.#csrf = r.json<{ token: string }>().token;
      }
      headers['x-csrf-token'] ??= this.#csrf;
    }
    if (this.#cookies.size > 0) headers.cookie = [...this.#cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let payload: string | Buffer | undefined;
    if (options.raw !== undefined) {
      payload = options.raw;
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
    } else if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await this.app.inject({ method, url, headers, payload });
    for (const c of response.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.#cookies.delete(c.name);
      else this.#cookies.set(c.name, c.value);
    }
    return response;
  }

  /**
   * Signs in as a person does: a one-time password (the demo's, an admin's) is replaced first, and
   * the replacement is what later sign-ins with the one-time password use, on this app.
   */
  async login(username: string, password: string): Promise<LightMyRequestResponse> {
    const replaced = replacedPasswords(this.app);
    const r = await this.request('POST', '/api/auth/login', { body: { username, password: replaced.get(`${username}\n${password}`) ?? password } });
    if (r.statusCode !== 200) throw new Error(`login ${username}: ${r.statusCode} ${r.body}`);
    if (!r.json<{ user: { mustChangePassword: boolean } }>().user.mustChangePassword) return r;
    const newPassword = replacementPassword(password);
    const changed = await this.request('POST', '/api/auth/password', { body: { currentPassword: password, newPassword } });
    if (changed.statusCode !== 200) throw new Error(`password change ${username}: ${changed.statusCode} ${changed.body}`);
    replaced.set(`${username}\n${password}`, newPassword);
    return changed;
  }
}

/** What a test sets in place of a one-time password (the same rule in-process and over HTTP). */
export const replacementPassword = (oneTime: string) => `${oneTime}-mine`;

const replacedByApp = new WeakMap<FastifyInstance, Map<string, string>>();
function replacedPasswords(app: FastifyInstance): Map<string, string> {
  let map = replacedByApp.get(app);
  if (!map) replacedByApp.set(app, (map = new Map()));
  return map;
}
