/**
 * Workflow steps over HTTP: the unit submits (or withdraws), a reviewer over the unit's bureau
 * returns (with a comment), approves — one by one or several clean documents at once — and publishes.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import Type from 'typebox';
import type { DocumentMeta } from '../../store/documents/read.ts';
import { StaleVersionError, InvalidStateError } from '../../store/errors.ts';
import { transition, type Transition } from '../../store/workflow.ts';
import { actorOf, assertOwnUnit, assertReviewer } from '../access.ts';
import type { AppContext } from '../context.ts';
import { ApiError, messagesOf } from '../errors.ts';
import { CommentAnchor, ErrorBody, Id, IdParams, IfMatch, Status } from '../schemas.ts';
import { expectedVersion, metaOr404 } from '../http.ts';

const STEPS: Transition[] = ['submit', 'withdraw', 'return', 'approve', 'publish'];
const UNIT_STEPS: readonly Transition[] = ['submit', 'withdraw'];

async function assertMayTake(ctx: AppContext, req: FastifyRequest, step: Transition, meta: DocumentMeta) {
  return UNIT_STEPS.includes(step) ? assertOwnUnit(req, meta) : assertReviewer(ctx, req, meta);
}

export async function workflowRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  for (const step of STEPS) {
    app.post(
      `/api/documents/:id/${step}`,
      {
        schema: {
          tags: ['workflow'],
          summary: {
            submit: '提交审核（运行审核规则；仍有错误时 422 并列出审核意见）',
            withdraw: '撤回已提交的文件，恢复为草稿',
            return: '退回单位修改（须附审核意见）',
            approve: '审核通过已提交的文件',
            publish: '公开已审核的文件（公开后任何人可读）',
          }[step],
          params: IdParams,
          headers: IfMatch,
          body: Type.Object({
            comment: Type.Optional(Type.Object({ body: Type.String({ minLength: 1, maxLength: 5000 }), ...CommentAnchor.properties })),
          }),
          response: {
            200: Type.Object({ version: Type.Integer(), status: Status }),
            401: ErrorBody,
            403: ErrorBody,
            404: ErrorBody,
            409: ErrorBody,
            422: ErrorBody,
            428: ErrorBody,
          },
        },
      },
      async (req, reply) => {
        const meta = await metaOr404(ctx, req.params.id);
        const user = await assertMayTake(ctx, req, step, meta);
        const c = req.body.comment;
        if (step === 'return' && !c) throw new ApiError(422, 'comment_required', (m) => m.returnNeedsComment);
        const comment = c && { body: c.body, anchor: { projectId: c.projectId, indicatorIndex: c.indicatorIndex, field: c.field } };
        const r = await transition(ctx.store.db, actorOf(user), meta.id, expectedVersion(req), step, comment);
        reply.header('etag', `"${r.version}"`);
        return r;
      },
    );
  }

  app.post(
    '/api/documents/approve-batch',
    {
      schema: {
        tags: ['workflow'],
        summary: '批量审核通过已提交的文件：逐份通过或拒绝，互不影响',
        body: Type.Object({ items: Type.Array(Type.Object({ id: Id, version: Type.Integer() }), { minItems: 1, maxItems: 200 }) }),
        response: {
          200: Type.Object({
            results: Type.Array(
              Type.Object({
                id: Type.Integer(),
                ok: Type.Boolean(),
                version: Type.Optional(Type.Integer()),
                code: Type.Optional(Type.String()),
                message: Type.Optional(Type.String()),
              }),
            ),
          }),
          401: ErrorBody,
        },
      },
    },
    async (req) => {
      const m = messagesOf(req).errors;
      const results = [];
      for (const item of req.body.items) {
        try {
          const meta = await metaOr404(ctx, item.id);
          const user = await assertReviewer(ctx, req, meta);
          const r = await transition(ctx.store.db, actorOf(user), meta.id, item.version, 'approve');
          results.push({ id: item.id, ok: true, version: r.version });
        } catch (e) {
          if (e instanceof StaleVersionError)
            results.push({ id: item.id, ok: false, code: 'stale_version', message: m.staleVersion(e.currentVersion, e.expectedVersion) });
          else if (e instanceof InvalidStateError)
            results.push({ id: item.id, ok: false, code: 'invalid_state', message: m.invalidState(e.status, e.action) });
          else if (e instanceof ApiError) results.push({ id: item.id, ok: false, code: e.code, message: e.describe(m) });
          else throw e;
        }
      }
      return { results };
    },
  );
}
