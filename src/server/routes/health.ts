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
        summary: '检查服务是否运行、能否连上数据库（供负载均衡器做健康检查；不能时返回 500）',
        response: { 200: Type.Object({ ok: Type.Literal(true) }) },
      },
    },
    async () => {
      await sql`SELECT 1`.execute(ctx.store.db);
      return { ok: true as const };
    },
  );
}
