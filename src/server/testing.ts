/**
 * Test support for the API suites: the databases each suite runs on (../store/testing.ts), and a
 * client that signs in and carries the session cookie and CSRF token as the browser does.
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export { pgliteDatabase, testDatabases, type TestDatabase } from '../store/testing.ts';

/** A signed-in (or anonymous) browser: cookies and the CSRF header, over app.inject. */
export class TestClient {
  #state: { cookies: Map<string, string>; csrf: string | undefined } = { cookies: new Map(), csrf: undefined };
  constructor(private readonly app: FastifyInstance) {}

  /** The same browser talking to another app server (behind one load balancer): its cookies go along. */
  via(app: FastifyInstance): TestClient {
    const other = new TestClient(app);
    other.#state = this.#state;
    return other;
  }

  async request(
    method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE',
    url: string,
    options: { body?: unknown; headers?: Record<string, string>; raw?: Buffer | string; contentType?: string; remoteAddress?: string } = {},
  ): Promise<LightMyRequestResponse> {
    const headers: Record<string, string> = { ...options.headers };
    if (method !== 'GET') {
      if (this.#state.csrf === undefined) {
        const r = await this.request('GET', '/api/auth/csrf');
        this.#state.csrf = r.json<{ token: string }>().token;
      }
      headers['x-csrf-token'] ??= this.#state.csrf;
    }
    if (this.#state.cookies.size > 0) headers.cookie = [...this.#state.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    let payload: string | Buffer | undefined;
    if (options.raw !== undefined) {
      payload = options.raw;
      headers['content-type'] = options.contentType ?? 'application/octet-stream';
    } else if (options.body !== undefined) {
      payload = JSON.stringify(options.body);
      headers['content-type'] = 'application/json';
    }
    const response = await this.app.inject({ method, url, headers, payload, remoteAddress: options.remoteAddress });
    for (const c of response.cookies as Array<{ name: string; value: string; maxAge?: number; expires?: Date }>) {
      if (c.value === '' || c.maxAge === 0 || (c.expires && c.expires.getTime() < Date.now())) this.#state.cookies.delete(c.name);
      else this.#state.cookies.set(c.name, c.value);
    }
    return response;
  }

  /**
   * Signs in as a person does: a one-time password (the demo's, an admin's) is replaced first, and
   * the replacement is what later sign-ins with the one-time password use, on this app.
   */
  async login(username: string, password: string): Promise<LightMyRequestResponse> {
    const replaced = replacedPasswords(this.app);
    const r = await this.request('POST', '/api/auth/login', {
      body: { username, password: replaced.get(`${username}\n${password}`) ?? password },
    });
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
