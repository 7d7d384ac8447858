/**
 * Lists across units for signed-in users (each sees what their role covers) and for the public
 * (published documents only), bureau totals, the bureau tree and units for filters.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import { bureausUnder } from '../../store/organisation.ts';
import { bureauTotals } from '../../store/aggregates/totals.ts';
import { documentSummary, listDocuments, listProjects, type DocumentSort, type ListFilter, type ListScope } from '../../store/listing.ts';
import type { DocumentStatus } from '../../store/schema.ts';
import { listScope, requireUser } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { sendJson } from '../http.ts';
import {
  BureauInTree,
  BureauTotals,
  DocumentList,
  DocumentListQuery,
  DocumentSetSummary,
  ErrorBody,
  IdParams,
  ListFilter as ListFilterSchema,
  ListQuery,
  PageOf,
  ProjectList,
  Unit,
} from '../schemas.ts';
import { UnitsQuery, unitsPage } from './public-units.ts';

type Query = {
  year?: number;
  status?: DocumentStatus[] | DocumentStatus;
  bureauId?: number;
  unitId?: number;
  severity?: ListFilter['severity'];
  q?: string;
  limit?: number;
  cursor?: string;
  sort?: DocumentSort;
};

function filterOf(q: Query): ListFilter {
  return {
    year: q.year,
    status: q.status === undefined ? undefined : Array.isArray(q.status) ? q.status : [q.status],
    bureauId: q.bureauId,
    unitId: q.unitId,
    severity: q.severity,
    q: q.q?.trim() || undefined,
  };
}

const pageRequestOf = (q: Query) => ({ limit: q.limit, cursor: q.cursor, sort: q.sort });

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
      querystring: DocumentListQuery,
      response: DocumentList,
      summary: '列出本人可见的文件：可筛选，按游标分页（sort：按单位或按最后修改时间），附总数（最多数到 1000）',
      publicSummary: '列出已公开的文件：可筛选，按游标分页',
    },
    {
      name: 'projects',
      read: listProjects,
      querystring: ListQuery,
      response: ProjectList,
      summary: '在本人可见的文件中查询项目（按项目名称搜索）',
      publicSummary: '在已公开的文件中查询项目（按项目名称搜索）',
    },
  ];
  for (const l of lists) {
    const list = (scope: ListScope, req: FastifyRequest<{ Querystring: Query }>) =>
      ctx.cache.get(`${l.name}:${scopeKey(scope)}:${req.url}`, async () =>
        JSON.stringify(await l.read(ctx.reader(req), scope, filterOf(req.query), pageRequestOf(req.query))),
      );
    app.get(
      `/api/${l.name}`,
      {
        schema: {
          tags: ['lists'],
          summary: l.summary,
          querystring: l.querystring,
          response: { 200: l.response, 400: ErrorBody, 401: ErrorBody },
        },
      },
      async (req, reply) => sendJson(reply, await list(listScope(requireUser(req)), req)),
    );
    app.get(
      `/api/public/${l.name}`,
      { schema: { tags: ['public'], summary: l.publicSummary, querystring: l.querystring, response: { 200: l.response, 400: ErrorBody } } },
      async (req, reply) => sendJson(reply, await list(publicScope, req)),
    );
  }

  app.get(
    '/api/documents/summary',
    {
      schema: {
        tags: ['lists'],
        summary: '汇总本人可见、符合筛选条件的全部文件（与列表的筛选相同，不分页）：准确的文件数、各状态的文件数和预算合计（万元）',
        querystring: ListFilterSchema,
        response: { 200: DocumentSetSummary, 401: ErrorBody },
      },
    },
    async (req) => {
      const scope = listScope(requireUser(req));
      return ctx.cache.get(`documents-summary:${scopeKey(scope)}:${req.url}`, () =>
        documentSummary(ctx.reader(req), scope, filterOf(req.query)),
      );
    },
  );

  const bureauTree = { 200: Type.Object({ items: Type.Array(BureauInTree) }) };
  for (const path of ['/api/bureaus', '/api/public/bureaus']) {
    app.get(
      path,
      { schema: { tags: [path.includes('public') ? 'public' : 'lists'], summary: '读取财政部门树', response: bureauTree } },
      async (req) => ({
        items: await ctx.cache.get('bureau-tree', () => bureausUnder(ctx.reader(req), null)),
      }),
    );
  }

  const TotalsQuery = Type.Object({ year: Type.Integer() });
  // Keyed by the caller's scope: a unit's totals count its own drafts, which no one else's may.
  const totals = (req: FastifyRequest, bureauId: number, year: number, scope: ListScope) =>
    ctx.cache.get(`totals:${bureauId}:${year}:${scopeKey(scope)}`, async () => {
      const rows = await bureauTotals(ctx.reader(req), bureauId, year, scope);
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
          '汇总财政部门（含其下全部）及各直属下级财政部门某一年度的文件：已公开的和本人经办的（单位为本单位的，审核人员为本部门的，管理员为全部）；预算精确到万元的小数',
        params: IdParams,
        querystring: TotalsQuery,
        response: { ...totalsResponse, 401: ErrorBody },
      },
    },
    async (req) => totals(req, req.params.id, req.query.year, listScope(requireUser(req))),
  );

  app.get(
    '/api/public/bureaus/:id/totals',
    {
      schema: {
        tags: ['public'],
        summary: '汇总财政部门及各直属下级财政部门某一年度已公开的文件',
        params: IdParams,
        querystring: TotalsQuery,
        response: totalsResponse,
      },
    },
    async (req) => totals(req, req.params.id, req.query.year, publicScope),
  );

  app.get(
    '/api/units',
    {
      schema: {
        tags: ['lists'],
        summary: '查询预算单位（某一财政部门之下，名称或编码匹配），供筛选用',
        querystring: UnitsQuery,
        response: { 200: PageOf(Unit), 400: ErrorBody },
      },
    },
    async (req) => unitsPage(ctx, ctx.reader(req), req.query),
  );
}
