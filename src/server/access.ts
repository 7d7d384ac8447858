/**
 * Who may do what. Unit staff act on their own unit's documents; reviewers act on the units under
 * their bureau, sub-bureaus included; admins manage bureaus, units and accounts and may read
 * everything; published documents are readable by anyone.
 */
import type { FastifyRequest } from 'fastify';
import type { User } from '../store/accounts.ts';
import type { DocumentMeta } from '../store/documents/read.ts';
import { evaluatesDocument } from '../store/evaluations/scope.ts';
import { bureausUnder } from '../store/organisation.ts';
import type { ListScope } from '../store/listing.ts';
import type { AppContext } from './context.ts';
import { forbidden, unauthenticated } from './errors.ts';

export function requireUser(req: FastifyRequest): User {
  if (!req.user) throw unauthenticated();
  return req.user;
}

export function requireRole(req: FastifyRequest, ...roles: User['role'][]): User {
  const user = requireUser(req);
  if (!roles.includes(user.role)) throw forbidden();
  return user;
}

/** The bureaus a reviewer acts on: theirs and all under it. */
export async function reviewerBureaus(ctx: AppContext, bureauId: number): Promise<Set<number>> {
  return ctx.cache.get(`bureaus-under:${bureauId}`, async () => new Set((await bureausUnder(ctx.store.db, bureauId)).map((b) => b.id)));
}

async function reviews(ctx: AppContext, user: User, doc: DocumentMeta): Promise<boolean> {
  return user.role === 'reviewer' && (await reviewerBureaus(ctx, user.bureauId)).has(doc.bureauId);
}

export async function canRead(ctx: AppContext, user: User | null, doc: DocumentMeta): Promise<boolean> {
  if (doc.status === 'published') return true;
  if (!user) return false;
  if (user.role === 'admin') return true;
  if (user.role === 'unit') return user.unitId === doc.unitId;
  if (user.role === 'evaluator')
    return ctx.cache.get(`evaluates:${user.id}:${doc.id}`, () => evaluatesDocument(ctx.store.db, user.id, doc.id));
  return reviews(ctx, user, doc);
}

/**
 * What an evaluator (a third-party institution's account) may call: signing in and out, what the
 * public reads, the evaluations routes (each answers only for what it is assigned), and reading a document, which
 * `canRead` grants only for the subjects of its evaluations. Everything else answers 403 here,
 * before any route sees it, so no route that reads a reviewer's bureau from `bureauId` ever takes an
 * evaluator for one (docs/evaluations.md).
 */
export function assertEvaluatorConfined(req: FastifyRequest): void {
  if (req.user?.role !== 'evaluator') return;
  const route = req.routeOptions.url;
  if (route === undefined) return;
  if (
    route.startsWith('/api/auth/') ||
    route.startsWith('/api/public/') ||
    route === '/api/evaluations' ||
    route.startsWith('/api/evaluations/')
  )
    return;
  if (req.method === 'GET' && route === '/api/documents/:id') return;
  throw forbidden();
}

export async function assertRead(ctx: AppContext, req: FastifyRequest, doc: DocumentMeta): Promise<void> {
  if (await canRead(ctx, req.user, doc)) return;
  throw req.user ? forbidden() : unauthenticated();
}

/**
 * Who changes a document's content — editing, importing over it, submitting, withdrawing, starting
 * next year: the unit's own staff, and no one else. The unit answers for its declaration; the bureau
 * returns it with comments rather than rewriting it, and an admin loads a unit's file only where the
 * unit has no document for the year yet (a new draft, which the unit then carries on).
 */
export function editsContent(user: User, doc: Pick<DocumentMeta, 'unitId'>): boolean {
  return user.role === 'unit' && user.unitId === doc.unitId;
}

export function assertOwnUnit(req: FastifyRequest, doc: DocumentMeta): User {
  const user = requireUser(req);
  if (!editsContent(user, doc)) throw forbidden();
  return user;
}

/** Returning, approving, publishing: a reviewer over the unit's bureau. */
export async function assertReviewer(ctx: AppContext, req: FastifyRequest, doc: DocumentMeta): Promise<User> {
  const user = requireUser(req);
  if (!(await reviews(ctx, user, doc))) throw forbidden();
  return user;
}

/**
 * Reading what goes with a declaration but is not published with it (a 事前绩效评估): the unit's
 * staff, the reviewers over its bureau and admins — not the public, even once the targets are published.
 */
export async function assertInsider(ctx: AppContext, req: FastifyRequest, doc: DocumentMeta): Promise<User> {
  const user = requireUser(req);
  if (user.role === 'admin' || (user.role === 'unit' && user.unitId === doc.unitId) || (await reviews(ctx, user, doc))) return user;
  throw forbidden();
}

/** Commenting: the reviewers of the document and its unit's staff. */
export async function assertCommenter(ctx: AppContext, req: FastifyRequest, doc: DocumentMeta): Promise<User> {
  const user = requireUser(req);
  if (user.role === 'unit' && user.unitId === doc.unitId) return user;
  if (await reviews(ctx, user, doc)) return user;
  throw forbidden();
}

/** Which documents a signed-in user's lists show. */
export function listScope(user: User): ListScope {
  if (user.role === 'admin') return { all: true };
  if (user.role === 'unit') return { unitId: user.unitId };
  return { bureauId: user.bureauId };
}

export const actorOf = (user: User) => ({ id: user.id, name: user.displayName });
