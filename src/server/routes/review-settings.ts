/**
 * The review settings in force for a document: its bureau's own, inherited from a bureau above,
 * or jixiao's defaults, and the form profile it follows. The browser reviews the working copy with
 * them as the user types, so the findings it shows are the ones the server gives when the document
 * is submitted.
 */
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { FastifyInstance } from 'fastify';
import Type from 'typebox';
import { ReviewSettings } from '../../core/review/settings.ts';
import { documentProfile, effectiveSettings } from '../../store/settings.ts';
import { assertRead } from '../access.ts';
import type { AppContext } from '../context.ts';
import { ErrorBody, IdParams, Nullable } from '../schemas.ts';
import { metaOr404 } from '../http.ts';

export async function reviewSettingsRoutes(fastify: FastifyInstance, ctx: AppContext) {
  const app = fastify.withTypeProvider<TypeBoxTypeProvider>();

  app.get(
    '/api/documents/:id/review-settings',
    {
      schema: {
        tags: ['settings'],
        summary: '读取文件所属财政部门的审核设置（本部门的或继承的；都没有时为 jixiao 的默认值），能读该文件的人均可读取',
        params: IdParams,
        response: {
          200: Type.Object({
            settings: ReviewSettings,
            source: Nullable(
              Type.Object({ bureauId: Type.Integer(), bureauName: Type.String() }, { description: 'null: jixiao’s defaults' }),
            ),
            formProfile: Type.String({ description: 'the id of the form profile the document follows, e.g. "hebei-2020"' }),
          }),
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (req) => {
      const meta = await metaOr404(ctx, req.params.id, ctx.reader(req));
      await assertRead(ctx, req, meta);
      return ctx.cache.get(`review-settings:${meta.bureauId}:${meta.year}`, async () => {
        const settings = await effectiveSettings(ctx.reader(req), meta.bureauId);
        return { ...settings.review, formProfile: documentProfile(settings, meta.year).id };
      });
    },
  );
}
