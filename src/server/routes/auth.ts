/**
 * Sign-in and sessions. The session cookie is HttpOnly and SameSite=Strict (Secure over https);
 * every state-changing request must carry the CSRF token from GET /api/auth/csrf in the
 * X-CSRF-Token header. Logins are limited per IP (by @fastify/rate-limit) and per username
 * (failed attempts counted here), so neither a single host nor a distributed guesser gets far.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
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
import { MIN_PASSWORD_LENGTH } from '../../core/accounts/password-policy.ts';
import { verifyPassword } from '../../store/password.ts';
import { clearCount, countHit, readCount } from '../../store/rate-limits.ts';
import type { Database } from '../../store/schema.ts';
import { actorOf, requireUser } from '../access.ts';
import type { AppContext } from '../context.ts';
import { ApiError } from '../errors.ts';
import { ErrorBody, Nullable, User } from '../schemas.ts';

export const SESSION_COOKIE = 'jixiao_session';
/** last_seen_at is written at most this often per session: reads should not each cost a write. */
const TOUCH_EVERY_MS = 60_000;

/**
 * Failed logins per username within a window, counted in the database (../../store/rate-limits.ts)
 * so that every app server refuses a username another has seen guessed at.
 */
class FailedLogins {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly max: number,
    private readonly windowMs: number,
  ) {}
  /** How long (ms) the username must wait before trying again; 0 when it may try now. */
  async waitFor(username: string): Promise<number> {
    const { hits, ttl } = await readCount(this.db, failedLoginKey(username));
    return hits >= this.max ? ttl : 0;
  }
  async fail(username: string): Promise<void> {
    await countHit(this.db, failedLoginKey(username), this.windowMs);
  }
  succeed(username: string): Promise<void> {
    return clearCount(this.db, failedLoginKey(username));
  }
}
const failedLoginKey = (username: string) => `failed login ${username}`;

/** A 429 that says how long to wait (the per-IP limit's answer too; it sets Retry-After itself). */
export function rateLimited(waitMs: number): ApiError {
  const seconds = Math.ceil(waitMs / 1000);
  return new ApiError(429, 'rate_limited', (m) => m.rateLimited(seconds), { retryAfter: seconds });
}

/**
 * What a user whose password is one-time may call: enough to see who they are, change the
 * password or leave. Everything else answers 403 until the password is changed.
 */
const BEFORE_PASSWORD_CHANGE = new Set([
  '/api/auth/csrf',
  '/api/auth/login',
  '/api/auth/logout',
  '/api/auth/me',
  '/api/auth/session',
  '/api/auth/password',
]);

export function assertPasswordSettled(req: FastifyRequest): void {
  if (req.user?.mustChangePassword && !BEFORE_PASSWORD_CHANGE.has(req.url.split('?')[0]!))
    throw new ApiError(403, 'password_change_required', (m) => m.passwordChangeRequired);
}

export function sessionCookieOptions(ctx: AppContext) {
  return { path: '/', httpOnly: true, sameSite: 'strict' as const, secure: ctx.secureCookies };
}

/** Resolves the session cookie to `req.user` (and `req.userSession`) on every API request. */
export async function loadSession(ctx: AppContext, req: FastifyRequest): Promise<void> {
  req.user = null;
  req.userSession = null;
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
  req.userSession = session;
}

export async function authRoutes(app: FastifyInstance, ctx: AppContext) {
  const failed = new FailedLogins(ctx.store.db, 10, 15 * 60_000);

  app.get(
    '/api/auth/csrf',
    {
      schema: {
        tags: ['auth'],
        summary: '取得 CSRF 令牌，供修改数据的请求放入 X-CSRF-Token 请求头',
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
        summary: '登录：设置会话 Cookie',
        body: Type.Object({ username: Type.String({ maxLength: 64 }), password: Type.String({ maxLength: 200 }) }),
        response: { 200: Type.Object({ user: User }), 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (req, reply) => {
      const { username, password } = req.body as { username: string; password: string };
      const wait = await failed.waitFor(username);
      if (wait > 0) {
        reply.header('retry-after', String(Math.ceil(wait / 1000)));
        throw rateLimited(wait);
      }
      const user = await authenticate(ctx.store.db, username, password);
      if (!user) {
        await failed.fail(username);
        throw new ApiError(401, 'login_failed', (m) => m.loginFailed);
      }
      await failed.succeed(username);
      const token = await openSession(ctx.store.db, user.id, ctx.sessionPolicy);
      reply.setCookie(SESSION_COOKIE, token, { ...sessionCookieOptions(ctx), maxAge: Math.floor(ctx.sessionPolicy.absoluteMs / 1000) });
      return { user };
    },
  );

  app.post(
    '/api/auth/logout',
    { schema: { tags: ['auth'], summary: '退出登录：结束本次会话', response: { 204: Type.Null() } } },
    async (req, reply) => {
      const token = req.cookies[SESSION_COOKIE];
      if (token) await closeSession(ctx.store.db, token);
      reply.clearCookie(SESSION_COOKIE, sessionCookieOptions(ctx));
      return reply.status(204).send(null);
    },
  );

  app.get(
    '/api/auth/me',
    { schema: { tags: ['auth'], summary: '读取当前登录的用户', response: { 200: Type.Object({ user: User }), 401: ErrorBody } } },
    async (req) => ({ user: requireUser(req) }),
  );

  // The browser asks whether anyone is signed in on every page: a visitor is an answer, not an error.
  app.get(
    '/api/auth/session',
    {
      schema: {
        tags: ['auth'],
        summary: '读取当前登录的用户，未登录的访客为 null（不返回 401）',
        response: { 200: Type.Object({ user: Nullable(User) }) },
      },
    },
    async (req) => ({ user: req.user }),
  );

  app.post(
    '/api/auth/password',
    {
      config: { rateLimit: { max: 10, timeWindow: '1 minute' } },
      schema: {
        tags: ['auth'],
        summary: '修改本人密码：结束该账号的其他会话，本次会话换用新的 Cookie 继续',
        body: Type.Object({
          currentPassword: Type.String({ maxLength: 200 }),
          newPassword: Type.String({ minLength: MIN_PASSWORD_LENGTH, maxLength: 200 }),
        }),
        response: { 200: Type.Object({ user: User }), 401: ErrorBody, 403: ErrorBody, 422: ErrorBody },
      },
    },
    async (req, reply) => {
      const user = requireUser(req);
      const { currentPassword, newPassword } = req.body as { currentPassword: string; newPassword: string };
      const row = await ctx.store.db.selectFrom('users').select('password_hash').where('id', '=', user.id).executeTakeFirstOrThrow();
      if (!(await verifyPassword(currentPassword, row.password_hash))) throw new ApiError(403, 'wrong_password', (m) => m.wrongPassword);
      if (newPassword === currentPassword) throw new ApiError(422, 'same_password', (m) => m.samePassword);
      const changed = await updateUser(ctx.store.db, actorOf(user), user.id, { password: newPassword });
      const token = await openSession(ctx.store.db, user.id, ctx.sessionPolicy);
      reply.setCookie(SESSION_COOKIE, token, { ...sessionCookieOptions(ctx), maxAge: Math.floor(ctx.sessionPolicy.absoluteMs / 1000) });
      return { user: changed };
    },
  );
}
