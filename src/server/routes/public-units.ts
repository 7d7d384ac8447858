/**
 * Units for the public pages' filters, without signing in: the same list as /api/units (code,
 * name, bureau — nothing that is not already on every published document), under /api/public so
 * that what is public is said by the path.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { listUnits } from '../../store/organisation.ts';
import type { AppContext } from '../context.ts';
import { Page, Unit } from '../schemas.ts';

export async function publicUnitRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/public/units',
    {
      schema: {
        tags: ['public'],
        summary: 'Units (under a bureau and its sub-bureaus, matching a name or code), for the public filters',
        querystring: Type.Object({
          bureauId: Type.Optional(Type.Integer({ description: 'this bureau and its sub-bureaus' })),
          q: Type.Optional(Type.String({ maxLength: 100, description: 'text in the unit’s code or name' })),
          ...Page.properties,
        }),
        response: { 200: Type.Object({ items: Type.Array(Unit), total: Type.Integer() }) },
      },
    },
    async (req) => {
      const f = { bureauId: req.query.bureauId, q: req.query.q, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 };
      return ctx.cache.get(`units:${JSON.stringify(f)}`, () => listUnits(ctx.reader(req), f));
    },
  );
}
