/**
 * The HTTP application: every API route under /api, OpenAPI 3 at /api/openapi.json with a
 * browsable page at /api/docs, the browser UI at / when it has been built.
 */
import fastifyCookie from '@fastify/cookie';
import fastifyCsrf from '@fastify/csrf-protection';
import fastifyMultipart from '@fastify/multipart';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifySwagger from '@fastify/swagger';
import fastifySwaggerUi from '@fastify/swagger-ui';
import { TypeBoxValidatorCompiler } from '@fastify/type-provider-typebox';
import Fastify, { type FastifyInstance } from 'fastify';
import { unsafeTextAt } from '../core/text/safe-text.ts';
import { DEFAULT_SESSION_POLICY, type SessionPolicy } from '../store/accounts.ts';
import type { Store } from '../store/database.ts';
import { assertEvaluatorConfined } from './access.ts';
import type { AppContext } from './context.ts';
import { MAX_UPLOAD_BYTES } from '../formats/limits.ts';
import { ApiError, errorHandler } from './errors.ts';
import { DerivedWorker } from './derived-worker.ts';
import { ParsePool } from './parse-pool.ts';
import { ReadCache } from './read-cache.ts';
import { readerOf, routeReads } from './read-routing.ts';
import { databaseRateLimitStore } from './rate-limit-store.ts';
import { actualsRoutes } from './routes/actuals.ts';
import { adminRoutes } from './routes/admin.ts';
import { assertPasswordSettled, authRoutes, loadSession, rateLimited } from './routes/auth.ts';
import { dashboardRoutes } from './routes/dashboards.ts';
import { documentRoutes } from './routes/documents.ts';
import { versionRoutes } from './routes/versions.ts';
import { evaluationRoutes } from './routes/evaluation.ts';
import { evaluationsRoutes } from './routes/evaluations.ts';
import { exAnteRoutes } from './routes/ex-ante.ts';
import { adjustmentRoutes } from './routes/adjustments.ts';
import { evaluationTaskRoutes } from './routes/evaluation-tasks.ts';
import { transferRoutes } from './routes/transfer.ts';
import { rectificationRoutes } from './routes/rectification.ts';
import { exportRoutes } from './routes/exports.ts';
import { healthRoutes } from './routes/health.ts';
import { historyRoutes } from './routes/history.ts';
import { importRoutes } from './routes/import.ts';
import { libraryRoutes } from './routes/library.ts';
import { noticeRoutes } from './routes/notices.ts';
import { listRoutes } from './routes/lists.ts';
import { monitoringRoutes } from './routes/monitoring.ts';
import { publicUnitRoutes } from './routes/public-units.ts';
import { reviewSettingsRoutes } from './routes/review-settings.ts';
import { settingsRoutes } from './routes/settings.ts';
import { workflowRoutes } from './routes/workflow.ts';
import { DEFAULT_WEB_ROOT, serveWeb } from './web.ts';

export interface AppOptions {
  store: Store;
  /** Folder of the built UI; default dist/web in the checkout. null: API only. */
  webRoot?: string | null;
  secureCookies?: boolean;
  /**
   * The load balancers or TLS proxies in front (addresses or CIDR ranges, comma-separated) whose
   * X-Forwarded-For is believed: the client's address is what rate limits count by. Default: none.
   */
  trustProxy?: string;
  sessionPolicy?: SessionPolicy;
  logger?: boolean;
  /** Where uploads are read; default a pool of its own. Closed with the app. */
  parsePool?: ParsePool;
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function buildApp(options: AppOptions): Promise<{ app: FastifyInstance; ctx: AppContext }> {
  const cache = new ReadCache(options.store.exclusive);
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: 10 * 1024 * 1024, trustProxy: options.trustProxy || false });
  const ctx: AppContext = {
    store: options.store,
    reader: readerOf(options.store),
    cache,
    worker: new DerivedWorker(
      options.store.db,
      () => cache.bump(),
      (e) => app.log.error(e, 'derived rebuild failed'),
      options.store.kind === 'postgres' ? 4 : 1,
    ),
    sessionPolicy: options.sessionPolicy ?? DEFAULT_SESSION_POLICY,
    parse: options.parsePool ?? new ParsePool(),
    secureCookies: options.secureCookies ?? false,
  };
  app.addHook('onReady', async () => ctx.worker.start());
  app.addHook('onClose', async () => ctx.worker.stop());
  app.addHook('onClose', () => ctx.parse.close());
  // A POST without a body (a workflow step without a comment) is validated as an empty object.
  app.setValidatorCompiler((route) => {
    const validate = TypeBoxValidatorCompiler(route as Parameters<typeof TypeBoxValidatorCompiler>[0]);
    return route.httpPart === 'body' ? (value: unknown) => validate(value ?? {}) : validate;
  });
  // Response schemas document the API; bodies are serialised as they are (amounts are already strings).
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  app.setErrorHandler(errorHandler);
  app.decorateRequest('user', null);
  app.decorateRequest('userSession', null);

  await app.register(fastifyCookie);
  await app.register(fastifyCsrf, {
    cookieOpts: { path: '/', httpOnly: true, sameSite: 'strict', secure: ctx.secureCookies },
    getToken: (req) => req.headers['x-csrf-token'] as string | undefined,
  });
  // Counted in the database: several servers behind a load balancer share each limit.
  await app.register(fastifyRateLimit, {
    global: false,
    store: databaseRateLimitStore(ctx.store.db),
    errorResponseBuilder: (_req, limit) => rateLimited(limit.ttl),
  });
  await app.register(fastifyMultipart, { limits: { fileSize: MAX_UPLOAD_BYTES, files: 1 } });
  await app.register(fastifySwagger, {
    openapi: {
      openapi: '3.0.3',
      info: {
        title: 'jixiao 绩效 API',
        version: '1',
        description:
          'Sign in with POST /api/auth/login (session cookie). Fetch a CSRF token from GET /api/auth/csrf and send it as X-CSRF-Token on every POST/PUT/PATCH/DELETE. Writes to a document name the version they are based on in If-Match; a stale one gets 409 with currentVersion. Lists take limit (≤200) and page by cursor: give back a page’s nextCursor as cursor for the next (null on the last); total is {value, exact}, counted up to 1,000 on the first page. Amounts are decimal strings.',
      },
      components: {
        securitySchemes: {
          session: { type: 'apiKey', in: 'cookie', name: 'jixiao_session' },
          csrf: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
        },
      },
    },
  });
  await app.register(fastifySwaggerUi, { routePrefix: '/api/docs' });

  app.addHook('onRequest', async (req, reply) => {
    if (!req.url.startsWith('/api/') || req.url.startsWith('/api/docs')) return;
    if (!SAFE_METHODS.has(req.method)) {
      await new Promise<void>((resolve, reject) => app.csrfProtection(req, reply, (err?: Error) => (err ? reject(err) : resolve())));
    }
    await loadSession(ctx, req);
    assertPasswordSettled(req);
    assertEvaluatorConfined(req);
  });
  routeReads(app, ctx);
  // Text no database column can hold is refused where it arrives, naming the field, before any route sees it.
  app.addHook('preValidation', async (req) => {
    for (const [part, value] of [
      ['params', req.params],
      ['query', req.query],
      ['body', req.body],
    ] as const) {
      const at = unsafeTextAt(value, part);
      if (at !== undefined) throw new ApiError(400, 'invalid_text', (m) => m.invalidText(at));
    }
  });
  // A 304 has no body (RFC 9110): the serialised null of `send(null)` is not sent either.
  app.addHook('onSend', async (_req, reply, payload) => (reply.statusCode === 304 ? '' : payload));
  // Every write that reached a route may have committed: cached reads computed before it are dropped,
  // and the worker looks for what it queued (a settings change, a unit moved …).
  app.addHook('onResponse', async (req) => {
    if (SAFE_METHODS.has(req.method)) return;
    ctx.cache.bump();
    ctx.worker.kick();
  });

  await authRoutes(app, ctx);
  await documentRoutes(app, ctx);
  await versionRoutes(app, ctx);
  await workflowRoutes(app, ctx);
  await importRoutes(app, ctx);
  await listRoutes(app, ctx);
  await adminRoutes(app, ctx);
  await actualsRoutes(app, ctx);
  await monitoringRoutes(app, ctx);
  await evaluationRoutes(app, ctx);
  await settingsRoutes(app, ctx);
  await dashboardRoutes(app, ctx);
  await reviewSettingsRoutes(app, ctx);
  await publicUnitRoutes(app, ctx);
  await historyRoutes(app, ctx);
  await exportRoutes(app, ctx);
  await libraryRoutes(app, ctx);
  await exAnteRoutes(app, ctx);
  await adjustmentRoutes(app, ctx);
  await evaluationTaskRoutes(app, ctx);
  await transferRoutes(app, ctx);
  await noticeRoutes(app, ctx);
  await evaluationsRoutes(app, ctx);
  await rectificationRoutes(app, ctx);
  await healthRoutes(app, ctx);
  app.get('/api/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  const webRoot = options.webRoot === undefined ? DEFAULT_WEB_ROOT : options.webRoot;
  if (webRoot !== null) await serveWeb(app, webRoot);
  return { app, ctx };
}
