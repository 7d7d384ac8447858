/**
 * The load balancer's health check: this server answers and reaches the primary database. A
 * server that cannot reach the primary can serve nothing useful (sessions live there), so the
 * load balancer should stop sending it requests.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import Type from 'typebox';
import type { AppContext } from '../context.ts';

export async function healthRoutes(app: FastifyInstance, ctx: AppContext) {
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['health'],
        summary: 'Whether this server is up and reaches its database (for a load balancer’s health check; 500 when not)',
        response: { 200: Type.Object({ ok: Type.Literal(true) }) },
      },
    },
    async () => {
      await sql`SELECT 1`.execute(ctx.store.db);
      return { ok: true as const };
    },
  );
}
