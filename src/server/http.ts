/**
 * What the routes share about HTTP itself: the document version an If-Match names, a document's
 * meta or 404, conditional GETs by ETag, and JSON sent as prepared text.
 */
import type { FastifyReply, FastifyRequest } from 'fastify';
import { documentMeta, type DocumentMeta } from '../store/documents/read.ts';
import type { Db } from '../store/schema.ts';
import type { AppContext } from './context.ts';
import { ApiError, notFound } from './errors.ts';

/** The version an If-Match header names: "7", 7 or W/"7". */
export function expectedVersion(req: FastifyRequest): number {
  const raw = req.headers['if-match'];
  const m = typeof raw === 'string' ? /^(?:W\/)?"?(\d+)"?$/.exec(raw.trim()) : null;
  if (!m) throw new ApiError(428, 'version_required', (e) => e.versionRequired);
  return Number(m[1]);
}

/** A document's metadata, read where the route reads (`db`: ctx.reader(req) in a read-only route). */
export async function metaOr404(ctx: AppContext, id: number, db: Db = ctx.store.db): Promise<DocumentMeta> {
  const meta = await ctx.cache.get(`meta:${id}`, () => documentMeta(db, id));
  if (!meta) throw notFound('document', id);
  return meta;
}

/** Answers 304 when the client already has this version; otherwise sets the ETag. */
export function notModified(req: FastifyRequest, reply: FastifyReply, version: number): boolean {
  const etag = `"${version}"`;
  reply.header('etag', etag).header('cache-control', 'private, no-cache');
  return req.headers['if-none-match'] === etag;
}

/** Sends JSON text prepared (and cached) ahead: the body is already serialised. */
export const sendJson = (reply: FastifyReply, json: string) => reply.type('application/json; charset=utf-8').send(json);
