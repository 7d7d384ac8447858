/**
 * Units for the filters, signed in (/api/units) or not (/api/public/units): code, name, bureau —
 * nothing that is not already on every published document; under /api/public so that what is
 * public is said by the path.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import Type from 'typebox';
import { listUnits } from '../../store/organisation.ts';
import type { Database } from '../../store/schema.ts';
import type { AppContext } from '../context.ts';
import { CursorPage, ErrorBody, PageOf, Unit } from '../schemas.ts';

export const UnitsQuery = Type.Object({
  bureauId: Type.Optional(Type.Integer({ description: 'this bureau and its sub-bureaus' })),
  q: Type.Optional(Type.String({ maxLength: 100, description: 'text in the unit’s code or name' })),
  ...CursorPage.properties,
});

/** A page of units by code, cached by the whole query: the same for every caller. */
export function unitsPage(ctx: AppContext, db: Kysely<Database>, query: Type.Static<typeof UnitsQuery>) {
  const { bureauId, q, limit, cursor } = query;
  return ctx.cache.get(`units:${JSON.stringify([bureauId, q, limit, cursor])}`, () => listUnits(db, { bureauId, q }, { limit, cursor }));
}

export async function publicUnitRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/public/units',
    {
      schema: {
        tags: ['public'],
        summary: '查询预算单位（某一财政部门及其下级之下，名称或编码匹配），按单位编码排列、按游标分页，供公开查询筛选',
        querystring: UnitsQuery,
        response: { 200: PageOf(Unit), 400: ErrorBody },
      },
    },
    async (req) => unitsPage(ctx, ctx.reader(req), req.query),
  );
}
