/**
 * Sign-in and sessions. The session cookie is HttpOnly and SameSite=Strict (Secure over https);
 * every state-changing request must carry the CSRF token from GET /api/auth/csrf in the
 * X-CSRF-Token header. Logins are limited per IP (by @fastify/rate-limit) and per username
 * (failed attempts counted here), so neither a single host nor a distributed guesser gets far.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import {
  authenticate,
  closeSession,
  openSession,
  sessionByToken,
  touchSession,
  updateUser,
  type SessionUser,
} from '../../store/accounts.ts';
import { verifyPassword } from '../../store/password.ts';
import { requireUser } from '../access.ts';
import type { AppContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { ErrorBody, User } from '../schemas.ts';

export const SESSION_COOKIE = 'jixiao_session';
/** last_seen_at is written at most this often per session: reads should not each cost a write. */
const TOUCH_EVERY_MS = 60_000;

/** Failed logins per username within a window; bounded so a flood of names cannot grow it without end. */
class FailedLogins {
  #failures = new Map<string, { count: number; since: number }>();
  constructor(
    private readonly max: number,
    private readonly windowMs: number,
  ) {}
  blocked(username: string, now = Date.now()): boolean {
    const f = this.#failures.get(username);
    return f !== undefined && now - f.since < this.windowMs && f.count >= this.max;
  }
  fail(username: string, now = Date.now()): void {
    const f = this.#failures.get(username);
    if (!f || now - f.since >= this.windowMs) {
      if (this.#failures.size >= 100_000) this.#failures.clear();
      this.#failures.set(username, { count: 1, since: now });
    } else f.count++;
  }
  succeed(username: string): void {
    this.#failures.delete(username);
  }
}

export function sessionCookieOptions(ctx: AppContext) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: ctx.secureCookies };
}

/** Resolves the session cookie to `req.user` on every API request. */
export async function loadSession(ctx: AppContext, req: FastifyRequest): Promise<void> {
  req.user = null;
  const token = req.cookies[SESSION_COOKIE];
  if (!token) return;
  const key = `session:${token}`;
  const session = await ctx.cache.get<SessionUser | undefined>(key, () => sessionByToken(ctx.store.db, token, ctx.sessionPolicy));
  if (!session) return;
  const now = Date.now();
  if (now >= session.expiresAt || now - session.lastSeenAt >= ctx.sessionPolicy.idleMs) return;
  if (now - session.lastSeenAt >= TOUCH_EVERY_MS) {
    await touchSession(ctx.store.db, session.tokenHash, new Date(now));
    ctx.cache.set(key, { ...session, lastSeenAt: now });
  }
  req.user = session.user;
}

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const failed = new FailedLogins(10, 15 * 60_000);

  app.get(
    '/api/auth/csrf',
    {
      schema: {
        tags: ['auth'],
        summary: 'CSRF token for the X-CSRF-Token header of state-changing requests',
        response: { 200: Type.Object({ token: Type.String() }) },
      },
    },
    async (_req, reply) => ({ token: reply.generateCsrf() }),
  );

  app.post(
    '/api/auth/login',
    {
      config: { rateLimit: { max: 20, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets the session cookie',
        body: Type.Object({ username: Type.String({ maxLength: 64 }), password: Type.String({ maxLength: 200 }) }),
        response: { 200: Type.Object({ user: User }), 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body as { username: string; password: string };
      if (failed.blocked(username)) throw new ApiError(429, 'rate_limited', (m) => m.rateLimited);
      const user = await authenticate(ctx.store.db, username, password);
      if (!user) {
        failed.fail(username);
        throw new ApiError(401, 'login_failed', (m) => m.loginFailed);
      }
      failed.succeed(username);
      const token = await openSession(ctx.store.db, user.id, ctx.sessionPolicy);
      reply.setCookie(SESSION_COOKIE, token, { ...sessionCookieOptions(ctx), maxAge: Math.floor(ctx.sessionPolicy.absoluteMs / 1000) });
      return { user };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: 'Sign out; ends the session', response: { 204: Type.Null() } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await closeSession(ctx.store.db, token);
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: 'The signed-in user', response: { 200: Type.Object({ user: User }), 401: ErrorBody } } },
    async (req) => ({ user: requireUser(req) }),
  );

  app.post(
    '/api/auth/password',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: 'Change one’s own password; ends all one’s sessions (sign in again)',
        body: Type.Object({ currentPassword: Type.String({ maxLength: 200 }), newPassword: Type.String({ minLength: 10, maxLength: 200 }) }),
        response: { 204: Type.Null(), 401: ErrorBody, 403: ErrorBody },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const { currentPassword, newPassword } = req.body as { currentPassword: string; newPassword: string };
      const row = await ctx.store.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
      if (!(await verifyPassword(currentPassword, row.password_hash))) throw new ApiError(403, 'wrong_password', (m) => m.wrongPassword);
      await updateUser(ctx.store.db, { id: user.id, name: user.displayName }, user.id, { password: newPassword });
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx));
      return reply.status(204).send(null);
    },
  );
}
