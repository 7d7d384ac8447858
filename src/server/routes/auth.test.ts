/**
 * One-time passwords (the demo's, an admin's new account or reset) must be replaced at first
 * sign-in before anything else; a visitor's session check is an answer, not an error; a locked
 * username is told how long to wait. Runs on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoAccount } from '../demo.ts';
import { openDemo } from '../fixture.testing.ts';
import { TestClient, testDatabases } from '../testing.ts';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../../store/database.ts';

for (const make of testDatabases()) {
  const database = make();
  describe(`passwords and sign-in on ${database.name}`, () => {
    let store: Store;
    let app: FastifyInstance;
    let accounts: DemoAccount[];
    const demo = (role: string) => accounts.find((a) => a.role === role)!;

    /** Signs in without replacing the password, as the first step a person takes. */
    async function rawLogin(username: string, password: string) {
      const client = new TestClient(app);
      const r = await client.request('POST', '/api/auth/login', { body: { username, password } });
      return { client, r };
    }

    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, app, accounts, close } = await openDemo(database));
    }, 120_000);
    afterAll(() => close?.());

    it('holds a one-time password to the auth calls until it is changed, then lets its owner work', async () => {
      const { username, password } = demo('unit');
      const { client, r } = await rawLogin(username, password);
      expect(r.statusCode).toBe(200);
      expect(r.json().user.mustChangePassword).toBe(true);
      const other = (await rawLogin(username, password)).client;

      const refused = await client.request('GET', '/api/documents');
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'password_change_required', message: expect.stringContaining('修改密码') });
      expect((await client.request('GET', '/api/auth/me')).json().user.username).toBe(username);

      const same = await client.request('POST', '/api/auth/password', { body: { currentPassword: password, newPassword: password } });
      expect(same.statusCode).toBe(422);
      expect(same.json().code).toBe('same_password');
      const wrong = await client.request('POST', '/api/auth/password', {
        body: { currentPassword: 'not-the-password', newPassword: 'a-new-password-1' },
      });
      expect(wrong.statusCode).toBe(403);

      const changed = await client.request('POST', '/api/auth/password', {
        body: { currentPassword: password, newPassword: 'my-own-password-1' },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.json().user.mustChangePassword).toBe(false);
      // This browser goes on with its new session; the other one, opened with the old password, is over.
      expect((await client.request('GET', '/api/documents')).statusCode).toBe(200);
      expect((await other.request('GET', '/api/documents')).statusCode).toBe(401);
      expect((await rawLogin(username, password)).r.statusCode).toBe(401);
      const again = await rawLogin(username, 'my-own-password-1');
      expect(again.r.json().user.mustChangePassword).toBe(false);
    });

    it('makes the passwords an admin creates or resets one-time again', async () => {
      const admin = new TestClient(app);
      await admin.login(demo('admin').username, demo('admin').password);
      const county = await store.db.selectFrom('bureaus').select('id').where('code', '=', '130730').executeTakeFirstOrThrow();
      const created = await admin.request('POST', '/api/admin/users', {
        body: { username: 'new-reviewer', displayName: '新审核员', role: 'reviewer', bureauId: county.id },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json().user.mustChangePassword).toBe(true);
      const first = await rawLogin('new-reviewer', created.json().password);
      expect((await first.client.request('GET', '/api/documents')).statusCode).toBe(403);
      await first.client.request('POST', '/api/auth/password', {
        body: { currentPassword: created.json().password, newPassword: 'reviewer-own-1' },
      });
      expect((await rawLogin('new-reviewer', 'reviewer-own-1')).r.json().user.mustChangePassword).toBe(false);

      const reset = await admin.request('PATCH', `/api/admin/users/${created.json().user.id}`, { body: { resetPassword: true } });
      expect(reset.json().user.mustChangePassword).toBe(true);
      expect((await rawLogin('new-reviewer', reset.json().password)).r.json().user.mustChangePassword).toBe(true);
    });

    it('answers a visitor’s session check with null, not 401', async () => {
      const r = await new TestClient(app).request('GET', '/api/auth/session');
      expect(r.statusCode).toBe(200);
      expect(r.json()).toEqual({ user: null });
    });

    it('tells a locked-out username how long to wait', async () => {
      const client = new TestClient(app);
      const attempt = (i: number) =>
        client.request('POST', '/api/auth/login', { body: { username: 'huailai-czj', password: `wrong-${i}` } });
      for (let i = 0; i < 10; i++) await attempt(i);
      const last = await attempt(10);
      expect(last.statusCode).toBe(429);
      expect(last.json().message).toMatch(/请 1[45] 分钟后再试/);
      expect(Number(last.headers['retry-after'])).toBeGreaterThan(14 * 60);
      expect(last.json().retryAfter).toBe(Number(last.headers['retry-after']));
    });
  });
}
