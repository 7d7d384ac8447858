/**
 * What the actuals, monitoring, evaluation and dashboard routes share: who may read and record a
 * document's actuals, the store's refusals as API errors, and the date a request is about.
 *
 * Reading actuals (and their monitoring, evaluation, dashboards) takes a signed-in user who may act
 * on the document — its unit's staff, a reviewer over its bureau, an admin — even when the document
 * is published: actuals are working data, not what the unit publishes. Only a *published*
 * self-evaluation is public (GET /api/public/documents/:id/evaluation). Recording is the unit's own.
 */
import type { FastifyRequest } from 'fastify';
import { endOfMonth, isIsoDate, isoDate, yearOf, type IsoDate } from '../core/actuals/calendar.ts';
import type { Locale } from '../i18n/index.ts';
import { ActualsError } from '../store/actuals/errors.ts';
import { recordingState } from '../store/actuals/publication.ts';
import { storedActuals, type StoredActuals } from '../store/actuals/results.ts';
import type { User } from '../store/accounts.ts';
import type { DocumentMeta } from '../store/documents/read.ts';
import type { Db } from '../store/schema.ts';
import { assertReviewer, requireUser } from './access.ts';
import type { AppContext } from './context.ts';
import { ApiError, messagesOf } from './errors.ts';

export async function assertActualsReader(ctx: AppContext, req: FastifyRequest, doc: DocumentMeta): Promise<User> {
  const user = requireUser(req);
  if (user.role === 'admin' || (user.role === 'unit' && user.unitId === doc.unitId)) return user;
  return assertReviewer(ctx, req, doc);
}

/**
 * A document's actuals judged by `judge` (its monitoring on a date, its self-evaluation), with the
 * recording state the editor needs beside it; cached under `key`; read from `db` (ctx.reader(req)
 * in a read-only route).
 */
export function judgedActuals<R extends object>(
  ctx: AppContext,
  meta: DocumentMeta,
  key: string,
  judge: (stored: StoredActuals) => R,
  db: Db = ctx.store.db,
  /** The date whose targets in force to judge by (a 目标调整 changes them); the current ones by default. */
  on?: IsoDate,
) {
  return ctx.cache.get(key, async () => {
    const stored = await storedActuals(db, meta.id, on);
    const recording = await recordingState(db, meta.id, meta.status);
    return {
      documentId: meta.id,
      revision: recording.revision,
      orphans: stored.orphans,
      recording: { open: recording.open, evaluationPublishedAt: recording.evaluationPublishedAt },
      ...judge(stored),
    };
  });
}

/** The request's language for findings and messages: English only when Accept-Language prefers it. */
export const localeOf = (req: FastifyRequest): Locale => (/^en\b/i.test(req.headers['accept-language'] ?? '') ? 'en' : 'zh-CN');

const STATUS: Record<ActualsError['kind'], number> = { invalid: 422, conflict: 409, stale: 409, closed: 409 };

/** Runs a store call, turning its ActualsError into the API's answer in the caller's language. */
export async function refusals<T>(req: FastifyRequest, run: () => Promise<T>): Promise<T> {
  try {
    return await run();
  } catch (e) {
    if (!(e instanceof ActualsError)) throw e;
    const text = e.describe(messagesOf(req).actuals);
    throw new ApiError(STATUS[e.kind], e.code, () => text, e.details);
  }
}

/** Today in China (a budget day is a day in China, whatever the server's time zone). */
export function today(): IsoDate {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/** The date a request asks about within a budget year: the one given (it must lie in the year), or today held to the year. */
export function dateInYear(req: FastifyRequest, given: string | undefined, year: number): IsoDate {
  if (given !== undefined) {
    if (!isIsoDate(given) || yearOf(given) !== year) {
      const text = messagesOf(req).actuals.dateOutsideYear('date', given, year);
      throw new ApiError(422, 'date_outside_year', () => text);
    }
    return given;
  }
  const t = today();
  const first = isoDate(year, 1, 1)!;
  const last = endOfMonth(year, 12);
  return t < first ? first : t > last ? last : t;
}
