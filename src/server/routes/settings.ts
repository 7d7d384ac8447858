/**
 * A bureau's review, monitoring and evaluation settings and its form profile: anyone signed in reads them (a unit needs
 * to know the thresholds that light its projects); admins and the reviewers of the bureau or of a
 * bureau above it change them (If-Match: the settings' version, "0" before the first change). A
 * change queues the documents under the bureau for the background worker (../derived-worker.ts),
 * which recomputes their monitoring and evaluation figures and, after a change of the review
 * settings or the form profile, their finding counts; the change itself returns at once.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { EvaluationSettings } from '../../core/evaluation/settings.ts';
import { MonitoringSettings } from '../../core/monitoring/settings.ts';
import { ReviewSettings } from '../../core/review/settings.ts';
import { bureauSettings, putBureauSettings } from '../../store/settings.ts';
import { actorOf, requireUser, reviewerBureaus } from '../access.ts';
import { refusals } from '../actuals-access.ts';
import type { AppContext } from '../context.ts';
import { forbidden } from '../errors.ts';
import { ErrorBody, IdParams, IfMatch, Nullable } from '../schemas.ts';
import { expectedVersion } from '../http.ts';
import { BureauSettings, FormProfileId } from '../settings-schemas.ts';

export async function settingsRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();
  const db = ctx.store.db;

  app.get(
    '/api/bureaus/:id/settings',
    {
      schema: {
        tags: ['settings'],
        summary: '读取财政部门的监控与评价设置：本部门自行设置的，及对所属单位生效的（继承自最近的上级财政部门，或 jixiao 的默认值）',
        params: IdParams,
        response: { 200: BureauSettings, 401: ErrorBody, 404: ErrorBody },
      },
    },
    async (req) => {
      requireUser(req);
      return ctx.cache.get(`settings:${req.params.id}`, () => bureauSettings(ctx.reader(req), req.params.id));
    },
  );

  app.put(
    '/api/bureaus/:id/settings',
    {
      schema: {
        tags: ['settings'],
        summary:
          '替换财政部门自行设置的内容（null 为继承；未给出 review 或 formProfile 时保持不变）。无法据以分级或计分的设置返回 422（权重合计不是 100、未知的审核规则、jixiao 没有的表样……）',
        params: IdParams,
        headers: IfMatch,
        body: Type.Object({
          monitoring: Nullable(MonitoringSettings),
          evaluation: Nullable(EvaluationSettings),
          review: Type.Optional(Nullable(ReviewSettings)),
          formProfile: Type.Optional(FormProfileId),
        }),
        response: { 200: BureauSettings, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody, 422: ErrorBody, 428: ErrorBody },
      },
    },
    async (req) => {
      const user = requireUser(req);
      const allowed = user.role === 'admin' || (user.role === 'reviewer' && (await reviewerBureaus(ctx, user.bureauId)).has(req.params.id));
      if (!allowed) throw forbidden();
      const expected = expectedVersion(req);
      await refusals(req, () => putBureauSettings(db, actorOf(user), req.params.id, expected, req.body));
      ctx.cache.bump();
      // The documents under the bureau are rebuilt in the background; lists say how many are pending meanwhile.
      ctx.worker.kick();
      return bureauSettings(db, req.params.id);
    },
  );
}
