/**
 * A document's versions: the content of each submission and of the working copy, read by those
 * who may read the document's audit trail (the history of its content is part of that trail).
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { listSubmissions, readSubmission } from '../../store/document-snapshots.ts';
import { modelOf, readDocument } from '../../store/documents/read.ts';
import { assertRead, requireUser } from '../access.ts';
import type { AppContext } from '../context.ts';
import { notFound } from '../errors.ts';
import { CursorPage, ErrorBody, IdParams } from '../schemas.ts';
import { VersionContent, VersionList } from '../versions-schemas.ts';
import { metaOr404 } from '../http.ts';

const responses = { 401: ErrorBody, 403: ErrorBody, 404: ErrorBody };

export async function versionRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.store.db;

  app.get(
    '/api/documents/:id/versions',
    {
      schema: {
        tags: ['documents'],
        summary: '列出文件的历次提交（新的在前，按游标分页）及其当前版本号',
        params: IdParams,
        querystring: CursorPage,
        response: { 200: VersionList, 400: ErrorBody, ...responses },
      },
    },
    async (req) => {
      const meta = await metaOr404(ctx, req.params.id, ctx.reader(req));
      requireUser(req);
      await assertRead(ctx, req, meta);
      const page = await listSubmissions(ctx.reader(req), meta.id, req.query);
      return { ...page, current: { version: meta.version, status: meta.status, updatedAt: meta.updatedAt } };
    },
  );

  app.get(
    '/api/documents/:id/versions/:version',
    {
      schema: {
        tags: ['documents'],
        summary: '读取一个版本的内容：某次提交，或当前版本的工作稿',
        params: Type.Object({ id: IdParams.properties.id, version: Type.Integer({ minimum: 1 }) }),
        response: { 200: VersionContent, ...responses },
      },
    },
    async (req) => {
      const meta = await metaOr404(ctx, req.params.id, ctx.reader(req));
      requireUser(req);
      await assertRead(ctx, req, meta);
      const { version } = req.params;
      const current = version === meta.version;
      const submission = await readSubmission(ctx.reader(req), meta.id, version);
      if (submission) {
        const { content, ...rest } = submission;
        return { version, current, submission: rest, content };
      }
      if (!current) throw notFound('version', version);
      return { version, current, submission: null, content: modelOf((await readDocument(ctx.reader(req), meta.id))!) };
    },
  );
}
