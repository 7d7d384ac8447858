/**
 * Several app servers behind one load balancer, on one PostgreSQL database, with no sticky
 * sessions: a browser's requests land on either. What one server knows the other must know too —
 * sessions, CSRF tokens, what was just written, and the counts that rate limits and failed logins
 * keep — so none of it may live in a server's memory.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../store/database.ts';
import { postgresDatabase, testServer, type TestDatabase, type TestServer } from '../store/testing.ts';
import { buildApp } from './app.ts';
import { type DemoAccount, seedDemoIfEmpty } from './demo.ts';
import { ROOT } from './fixture.testing.ts';
import { TestClient } from './testing.ts';

/** Requests come through the load balancer, which names the client in X-Forwarded-For. */
const LOAD_BALANCER = '10.9.9.9';
const from = (client: string) => ({ remoteAddress: LOAD_BALANCER, headers: { 'x-forwarded-for': client } });
describe('two app servers on one PostgreSQL', () => {
  let server: TestServer;
  let database: TestDatabase;
  const stores: Store[] = [];
  let one: FastifyInstance;
  let two: FastifyInstance;
  let accounts: DemoAccount[];
  const demo = (role: string) => accounts.find((a) => a.role === role)!;

  beforeAll(async () => {
    server = await testServer();
    database = postgresDatabase(server.primaryUrl);
    stores.push(await database.open());
    accounts = (await seedDemoIfEmpty(stores[0]!, ROOT))!;
    stores.push(await openStore({ databaseUrl: database.url! }));
    one = (await buildApp({ store: stores[0]!, webRoot: null, trustProxy: LOAD_BALANCER })).app;
    two = (await buildApp({ store: stores[1]!, webRoot: null, trustProxy: LOAD_BALANCER })).app;
  }, 120_000);
  afterAll(async () => {
    await Promise.all([one?.close(), two?.close()]);
    await Promise.all(stores.map((s) => s.close()));
    await database?.dispose();
    server?.stop();
  });

  it('accepts on one server the session and CSRF token the other gave, and shows each other’s writes at once', async () => {
    const onOne = new TestClient(one);
    const session = (await onOne.login(demo('admin').username, demo('admin').password)).cookies as Array<{ name: string; value: string }>;
    const cookie = `jixiao_session=${session.find((c) => c.name === 'jixiao_session')!.value}`;
    const onTwo = onOne.via(two);
    expect((await onTwo.request('GET', '/api/auth/me')).json().user.username).toBe(demo('admin').username);

    const unit = (await onOne.request('GET', '/api/admin/units?q=315002')).json().items[0];
    const renamed = await onTwo.request('PATCH', `/api/admin/units/${unit.id}`, { body: { name: '怀来县司法局（两台）' } });
    expect(renamed.statusCode).toBe(200);
    expect((await onOne.request('GET', '/api/admin/units?q=315002')).json().items[0].name).toBe('怀来县司法局（两台）');

    // Signed out on one server, the session cookie is refused by the other.
    expect((await one.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(200);
    expect((await onTwo.request('POST', '/api/auth/logout')).statusCode).toBe(204);
    expect((await one.inject({ method: 'GET', url: '/api/auth/me', headers: { cookie } })).statusCode).toBe(401);
  });

  it('tells the load balancer each server is healthy while it reaches the database', async () => {
    for (const server of [one, two]) expect((await new TestClient(server).request('GET', '/api/health')).json()).toEqual({ ok: true });
    const unreachable = await openStore({ databaseUrl: 'postgres://postgres@127.0.0.1:1/nowhere' }, { migrate: false });
    const { app } = await buildApp({ store: unreachable, webRoot: null });
    expect((await new TestClient(app).request('GET', '/api/health')).statusCode).toBe(500);
    await app.close();
    await unreachable.close();
  });

  it('counts a client’s rate limit over both servers', async () => {
    const browser = new TestClient(one);
    const login = (server: FastifyInstance, i: number, client = '10.0.0.7') =>
      browser.via(server).request('POST', '/api/auth/login', { body: { username: `nobody-${i}`, password: 'x' }, ...from(client) });
    // The login route allows 20 a minute from a client: ten on each server, then the next is one too many;
    // another client behind the same load balancer has its own count.
    for (let i = 0; i < 10; i++) expect((await login(one, i)).statusCode).toBe(401);
    for (let i = 10; i < 20; i++) expect((await login(two, i)).statusCode).toBe(401);
    const refused = await login(two, 20);
    expect(refused.statusCode).toBe(429);
    expect(refused.json().code).toBe('rate_limited');
    expect((await login(one, 21)).statusCode).toBe(429);
    expect((await login(two, 22, '10.0.0.8')).statusCode).toBe(401);
  });

  it('counts a username’s failed logins over both servers', async () => {
    const browser = new TestClient(one);
    // From a new address each time, so that only the username's count can refuse.
    const attempt = (server: FastifyInstance, i: number) =>
      browser.via(server).request('POST', '/api/auth/login', {
        body: { username: demo('reviewer').username, password: `wrong-${i}` },
        ...from(`10.0.1.${i}`),
      });
    for (let i = 0; i < 10; i++) expect((await attempt(i % 2 === 0 ? one : two, i)).statusCode).toBe(401);
    const locked = await attempt(two, 10);
    expect(locked.statusCode).toBe(429);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(14 * 60);
  });
});
