/**
 * Lists across units for signed-in users (each sees what their role covers) and for the public
 * (published documents only), bureau totals, the bureau tree and units for filters.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { bureausUnder, listUnits } from '../../store/organisation.ts';
import { bureauTotals } from '../../store/aggregates/totals.ts';
import { listDocuments, listProjects, type ListFilter, type ListScope } from '../../store/listing.ts';
import type { DocumentStatus } from '../../store/schema.ts';
import { listScope, requireUser } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { sendJson } from '../http.ts';
import { BureauInTree, BureauTotals, DocumentList, ErrorBody, IdParams, ListQuery, Page, ProjectList, Unit } from '../schemas.ts';

type Query = {
  year?: number;
  status?: DocumentStatus[] | DocumentStatus;
  bureauId?: number;
  unitId?: number;
  severity?: ListFilter['severity'];
  q?: string;
  limit?: number;
  offset?: number;
};

function filterOf(q: Query): ListFilter {
  return {
    year: q.year,
    status: q.status === undefined ? undefined : Array.isArray(q.status) ? q.status : [q.status],
    bureauId: q.bureauId,
    unitId: q.unitId,
    severity: q.severity,
    q: q.q?.trim() || undefined,
    limit: q.limit ?? 50,
    offset: q.offset ?? 0,
  };
}

const scopeKey = (s: ListScope) =>
  'all' in s ? 'all' : 'bureauId' in s ? `bureau ${s.bureauId}` : 'unitId' in s ? `unit ${s.unitId}` : 'published';

export async function listRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.store.db;
  const publicScope: ListScope = { publishedOnly: true };

  // A cached list is kept as its JSON text, keyed by who asks and the URL as sent: a repeated read
  // builds no key from the filter and serialises nothing (the bodies of a busy list are most of
  // its cost).
  const lists = [
    {
      name: 'documents',
      read: listDocuments,
      response: DocumentList,
      summary: 'Documents the caller may see, filtered and paginated, with the total, status counts and budget sum',
      publicSummary: 'Published documents, filtered and paginated',
    },
    {
      name: 'projects',
      read: listProjects,
      response: ProjectList,
      summary: 'Projects across the documents the caller may see (text search in project names)',
      publicSummary: 'Projects of published documents (text search in names)',
    },
  ];
  for (const l of lists) {
    const list = (scope: ListScope, req: FastifyRequest<{ Querystring: Query }>) =>
      ctx.cache.get(`${l.name}:${scopeKey(scope)}:${req.url}`, async () => JSON.stringify(await l.read(db, scope, filterOf(req.query))));
    app.get(
      `/api/${l.name}`,
      { schema: { tags: ['lists'], summary: l.summary, querystring: ListQuery, response: { 200: l.response, 401: ErrorBody } } },
      async (req, reply) => sendJson(reply, await list(listScope(requireUser(req)), req)),
    );
    app.get(
      `/api/public/${l.name}`,
      { schema: { tags: ['public'], summary: l.publicSummary, querystring: ListQuery, response: { 200: l.response } } },
      async (req, reply) => sendJson(reply, await list(publicScope, req)),
    );
  }

  const bureauTree = { 200: Type.Object({ items: Type.Array(BureauInTree) }) };
  for (const path of ['/api/bureaus', '/api/public/bureaus']) {
    app.get(
      path,
      { schema: { tags: [path.includes('public') ? 'public' : 'lists'], summary: 'The bureau tree', response: bureauTree } },
      async () => ({
        items: await ctx.cache.get('bureau-tree', () => bureausUnder(db, null)),
      }),
    );
  }

  const TotalsQuery = Type.Object({ year: Type.Integer() });
  // Keyed by the caller's scope: a unit's totals count its own drafts, which no one else's may.
  const totals = (bureauId: number, year: number, scope: ListScope) =>
    ctx.cache.get(`totals:${bureauId}:${year}:${scopeKey(scope)}`, async () => {
      const rows = await bureauTotals(db, bureauId, year, scope);
      if (rows.length === 0) throw notFound('bureau', bureauId);
      return { bureau: rows[0]!, children: rows.slice(1) };
    });
  const totalsResponse = { 200: Type.Object({ bureau: BureauTotals, children: Type.Array(BureauTotals) }), 404: ErrorBody };

  app.get(
    '/api/bureaus/:id/totals',
    {
      schema: {
        tags: ['lists'],
        summary:
          'A year’s totals for a bureau (all under it) and for each direct sub-bureau, over published documents and those the caller acts on (a unit its own, a reviewer its bureau’s, an admin all); budgets exact in 万元',
        params: IdParams,
        querystring: TotalsQuery,
        response: { ...totalsResponse, 401: ErrorBody },
      },
    },
    async (req) => totals(req.params.id, req.query.year, listScope(requireUser(req))),
  );

  app.get(
    '/api/public/bureaus/:id/totals',
    {
      schema: {
        tags: ['public'],
        summary: 'Totals of published documents',
        params: IdParams,
        querystring: TotalsQuery,
        response: totalsResponse,
      },
    },
    async (req) => totals(req.params.id, req.query.year, publicScope),
  );

  app.get(
    '/api/units',
    {
      schema: {
        tags: ['lists'],
        summary: 'Units (under a bureau, matching a name or code), for filters',
        querystring: Type.Object({
          bureauId: Type.Optional(Type.Integer()),
          q: Type.Optional(Type.String({ maxLength: 100 })),
          ...Page.properties,
        }),
        response: { 200: Type.Object({ items: Type.Array(Unit), total: Type.Integer() }) },
      },
    },
    async (req) => {
      const f = { bureauId: req.query.bureauId, q: req.query.q, limit: req.query.limit ?? 50, offset: req.query.offset ?? 0 };
      return ctx.cache.get(`units:${JSON.stringify(f)}`, () => listUnits(db, f));
    },
  );
}
