/**
 * Which database each request reads from, decided once per request before its handler runs: a
 * GET reads from a replica in turn, unless its session's last write has not reached that replica
 * yet (read-your-writes, ../store/replicas.ts); every other method uses the primary. After a write,
 * and before its answer leaves, the session records where the primary's WAL then stood, so the
 * writer's very next read already knows (its answer cannot overtake the record). With no replicas
 * (PGlite, or none configured) every request uses the primary and nothing is recorded.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { recordSessionWrite } from '../store/accounts.ts';
import type { AppContext } from './context.ts';

const READ_ONLY = new Set(['GET', 'HEAD']);
const WRITES = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function routeReads(app: FastifyInstance, ctx: AppContext): void {
  app.decorateRequest('reader', null);
  const { replicas } = ctx.store;
  if (replicas.count === 0) return;
  app.addHook('preHandler', async (req) => {
    if (READ_ONLY.has(req.method) && req.url.startsWith('/api/')) req.reader = await replicas.reader(req.userSession?.writeLsn ?? null);
  });
  app.addHook('onSend', async (req, _reply, payload) => {
    if (WRITES.has(req.method) && req.userSession) await recordSessionWrite(ctx.store.db, req.userSession.tokenHash);
    return payload;
  });
}

export const readerOf = (store: AppContext['store']) => (req: FastifyRequest) => req.reader ?? store.db;
