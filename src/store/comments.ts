/**
 * Review comments (审核意见) anchored where they apply: the document, a project, a field of it, or
 * one indicator row (1-based, as findings count rows). Comments are not content: adding one does not
 * change the document's version, so a reviewer's note never collides with the unit's autosave.
 */
import type { Kysely, Transaction } from 'kysely';
import { recordAudit, type Actor } from './audit.ts';
import { InvalidInputError, NotFoundError } from './errors.ts';
import { keysetQuery, pageOf, type KeysetOrder, type Page, type PageRequest } from './keyset.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface CommentAnchor {
  projectId?: number | null;
  indicatorIndex?: number | null;
  field?: string | null;
}

export interface Comment {
  id: number;
  documentId: number;
  projectId: number | null;
  projectCode: string | null;
  indicatorIndex: number | null;
  field: string | null;
  authorId: number;
  authorName: string;
  body: string;
  createdAt: Date;
  resolvedAt: Date | null;
}

export async function addComment(
  trx: Transaction<Database>,
  actor: Actor,
  documentId: number,
  anchor: CommentAnchor,
  body: string,
): Promise<Comment> {
  if (actor.id === null) throw new InvalidInputError('a comment needs an author');
  let projectCode: string | null = null;
  if (anchor.projectId != null) {
    const p = await trx.selectFrom('projects').select(['code', 'document_id']).where('id', '=', anchor.projectId).executeTakeFirst();
    if (p?.document_id !== documentId) throw new NotFoundError('project', anchor.projectId);
    projectCode = p.code;
  }
  const row = await trx
    .insertInto('comments')
    .values({
      document_id: documentId,
      project_id: anchor.projectId ?? null,
      project_code: projectCode,
      indicator_index: anchor.indicatorIndex ?? null,
      field: anchor.field ?? null,
      author_id: actor.id,
      body,
    })
    .returning(['id', 'created_at'])
    .executeTakeFirstOrThrow();
  const comment: Comment = {
    id: row.id,
    documentId,
    projectId: anchor.projectId ?? null,
    projectCode,
    indicatorIndex: anchor.indicatorIndex ?? null,
    field: anchor.field ?? null,
    authorId: actor.id,
    authorName: actor.name,
    body,
    createdAt: row.created_at,
    resolvedAt: null,
  };
  await recordAudit(trx, actor, { action: 'create', entity: 'comment', entityId: row.id, documentId, after: comment });
  return comment;
}

export async function createComment(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  anchor: CommentAnchor,
  body: string,
): Promise<Comment> {
  return db.transaction().execute((trx) => addComment(trx, actor, documentId, anchor, body));
}

export async function resolveComment(db: Kysely<Database>, actor: Actor, commentId: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const r = await trx
      .updateTable('comments')
      .set({ resolved_at: new Date(), resolved_by: actor.id })
      .where('id', '=', commentId)
      .where('resolved_at', 'is', null)
      .returning('document_id')
      .executeTakeFirst();
    if (!r) return;
    await recordAudit(trx, actor, { action: 'resolve', entity: 'comment', entityId: commentId, documentId: r.document_id });
  });
}

export async function commentDocument(db: Db, commentId: number): Promise<number | undefined> {
  const r = await db.selectFrom('comments').select('document_id').where('id', '=', commentId).executeTakeFirst();
  return r?.document_id;
}

export interface CommentPage extends Page<Comment> {
  /** All the document's comments (or its open ones, when only those were asked for): exact, one document's count. */
  total: number;
}

const NEWEST_FIRST: KeysetOrder = { name: 'comments', keys: [{ column: 'c.id', direction: 'desc', type: 'int' }] };

/**
 * A page of a document's comments, newest first, by cursor (./keyset.ts); `open`: only those not yet
 * resolved — what the form shows at its fields, served by the partial index comments_open however
 * many have been resolved.
 */
export async function documentComments(db: Db, documentId: number, page: PageRequest & { open?: boolean }): Promise<CommentPage> {
  let base = db.selectFrom('comments as c').where('c.document_id', '=', documentId);
  if (page.open) base = base.where('c.resolved_at', 'is', null);
  const [rows, count] = await Promise.all([
    keysetQuery(
      base
        .innerJoin('users as u', 'u.id', 'c.author_id')
        .select([
          'c.id',
          'c.document_id',
          'c.project_id',
          'c.project_code',
          'c.indicator_index',
          'c.field',
          'c.author_id',
          'u.display_name',
          'c.body',
          'c.created_at',
          'c.resolved_at',
        ]),
      NEWEST_FIRST,
      page,
    ).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    ...pageOf(NEWEST_FIRST, page, rows, (r) => ({
      id: r.id,
      documentId: r.document_id,
      projectId: r.project_id,
      projectCode: r.project_code,
      indicatorIndex: r.indicator_index,
      field: r.field,
      authorId: r.author_id,
      authorName: r.display_name,
      body: r.body,
      createdAt: r.created_at,
      resolvedAt: r.resolved_at,
    })),
    total: Number(count.n),
  };
}
