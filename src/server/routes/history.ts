/**
 * Issue 15 over the API: each row's 上年/前年 (history), suggestions for a project or a free query
 * (from approved and published projects like it, and the bureau's library), and the public
 * comparison of a published row with what other units published for the same measure.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { FIELD_NAMES, FIELDS, fieldNamed } from '../../core/library/fields.ts';
import { suggestedRow, type Suggestion } from '../../core/library/suggest.ts';
import { modelOf, projectDocument, readDocument } from '../../store/documents/read.ts';
import { documentHistory } from '../../store/library/history.ts';
import { publicPeers } from '../../store/library/peers.ts';
import { offeredEntries } from '../../store/library/entries.ts';
import { projectQuery, suggestionsFor, type SuggestionQuery } from '../../store/library/suggestions.ts';
import type { User } from '../../store/accounts.ts';
import { assertRead, requireUser } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { metaOr404 } from '../http.ts';
import { DocumentHistory, PublicPeers, SuggestionLimit, Suggestions } from '../history-schemas.ts';
import { ErrorBody, Id, IdParams } from '../schemas.ts';

/** How many users a suggestion lists. */
const USERS = 5;

const FieldParam = Type.Unsafe<string>({
  type: 'string',
  enum: [...FIELDS, ...FIELDS.map((f) => FIELD_NAMES[f])],
  description: '行业/领域：如 "司法" 或 "justice"',
});

function view(s: Suggestion) {
  const t = s.family?.targets;
  return {
    familyKey: s.family?.key ?? null,
    entry: s.entry === null ? null : { code: s.entry.id, level3: s.entry.level3 },
    label: s.label,
    level1: s.level1,
    level2: s.level2,
    unit: s.unit,
    typical: s.typical,
    spread: t === undefined ? null : { count: t.count, min: t.min, max: t.max },
    peers: s.peers,
    fromLastYear: s.fromLastYear,
    users: s.users.slice(0, USERS).map((u) => ({
      unitName: u.unit.name,
      year: u.year ?? 0,
      projectName: u.project?.name ?? '',
      target: u.target,
    })),
    row: suggestedRow(s),
  };
}

type Reader = ReturnType<AppContext['reader']>;

export async function historyRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/documents/:id/history',
    {
      schema: {
        tags: ['documents'],
        summary: '文档每个指标的上年、前年指标值与实际值（同一单位已审核或已公开的往年文档）',
        params: IdParams,
        response: { 200: DocumentHistory, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      const reader = ctx.reader(req);
      const meta = await metaOr404(ctx, req.params.id, reader);
      await assertRead(ctx, req, meta);
      return ctx.cache.get(`history:${meta.id}:${meta.version}`, async () => {
        const stored = (await readDocument(reader, meta.id))!;
        const histories = await documentHistory(reader, meta.unitId, modelOf(stored));
        return {
          previousYear: meta.year - 1,
          yearBeforeLast: meta.year - 2,
          projects: stored.projects.map((p) => {
            const rows = histories.get(p.code) ?? [];
            return {
              projectId: p.id,
              code: p.code,
              rows: p.indicators.map((i, position) => ({
                indicatorId: i.id,
                position,
                previousYear: rows[position]?.previousYear ?? null,
                yearBeforeLast: rows[position]?.yearBeforeLast ?? null,
              })),
            };
          }),
        };
      });
    },
  );

  app.get(
    '/api/projects/:id/suggestions',
    {
      schema: {
        tags: ['projects'],
        summary:
          '为项目推荐指标（需登录且能读该项目的文档）：相近单位相近项目（已审核、已公开）常用的同类指标、上年本项目的指标和已入库的指标库条目',
        params: IdParams,
        querystring: Type.Object({ limit: SuggestionLimit }),
        response: { 200: Suggestions, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      // Signed in, as the free query: suggestions show approved documents not yet public.
      requireUser(req);
      const reader = ctx.reader(req);
      const documentId = await projectDocument(reader, req.params.id);
      if (documentId === undefined) throw notFound('project', req.params.id);
      const meta = await metaOr404(ctx, documentId, reader);
      await assertRead(ctx, req, meta);
      const query = (await projectQuery(reader, req.params.id))!;
      return suggestionsView(reader, meta.bureauId, { ...query, limit: req.query.limit ?? 20 });
    },
  );

  app.get(
    '/api/suggestions',
    {
      schema: {
        tags: ['projects'],
        summary: '按项目名称、分类、行业推荐指标（需登录）',
        querystring: Type.Object({
          name: Type.String({ minLength: 1, maxLength: 200, description: '项目名称或其中的词，如 "法律援助"' }),
          category: Type.Optional(Type.String({ maxLength: 100, description: '项目分类' })),
          field: Type.Optional(FieldParam),
          limit: SuggestionLimit,
        }),
        response: { 200: Suggestions, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const { name, category, field, limit } = req.query;
      const reader = ctx.reader(req);
      return suggestionsView(reader, await libraryBureauOf(reader, user), {
        name,
        category: category ?? null,
        field: field === undefined ? null : (fieldNamed(field) ?? null),
        limit: limit ?? 20,
      });
    },
  );

  /**
   * Suggestions with the library the bureau offers (its own entries, those above it, national ones;
   * null: the national ones only). Cached by the bureau, not by the entries, which may be thousands.
   */
  async function suggestionsView(reader: Reader, bureauId: number | null, query: Omit<SuggestionQuery, 'library'>) {
    const { suggestions } = await ctx.cache.get(`suggestions:${bureauId}:${JSON.stringify(query)}`, async () =>
      suggestionsFor(reader, { ...query, library: await offeredEntries(reader, bureauId) }),
    );
    return { items: suggestions.map(view) };
  }

  /** Whose library a free query is answered with: a unit's bureau, a reviewer's or evaluator's own; an admin's, the national one. */
  async function libraryBureauOf(reader: Reader, user: User): Promise<number | null> {
    if (user.role !== 'unit') return user.bureauId;
    const unit = await reader.selectFrom('units').select('bureau_id').where('id', '=', user.unitId).executeTakeFirst();
    return unit?.bureau_id ?? null;
  }

  app.get(
    '/api/public/indicators/:indicatorId/peers',
    {
      schema: {
        tags: ['public'],
        summary: '已公开指标与其他单位已公开的同类指标比较（不需登录；只用已公开文档）',
        params: Type.Object({ indicatorId: Id }),
        response: { 200: PublicPeers, 404: ErrorBody },
      },
    },
    async (req) => {
      const peers = await ctx.cache.get(`public-peers:${req.params.indicatorId}`, () =>
        publicPeers(ctx.reader(req), req.params.indicatorId),
      );
      if (peers === undefined) throw notFound('indicator', req.params.indicatorId);
      return peers;
    },
  );
}
