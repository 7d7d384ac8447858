/**
 * Every edit of a document's content runs in one transaction that first moves the document from
 * the version the writer saw to the next one (a conditional UPDATE, which also locks the row): a
 * writer based on a stale version gets StaleVersionError and changes nothing, so no update is ever lost.
 */
import type { Kysely } from 'kysely';
import { refreshAggregates } from '../aggregates/document.ts';
import { recordAudit, type Actor, type AuditEntry } from '../audit.ts';
import { InvalidStateError, NotFoundError, StaleVersionError } from '../errors.ts';
import { refreshReview } from '../review/refresh.ts';
import type { Database, DocumentStatus, Trx } from '../schema.ts';

export const EDITABLE: readonly DocumentStatus[] = ['draft', 'returned'];

/** The entities whose writes move a document's version (comments and actuals leave it). */
const VERSIONED_ENTITIES = ['document', 'department', 'project', 'indicator'];

async function lastWriter(trx: Trx, documentId: number): Promise<{ id: number | null; name: string } | null> {
  const row = await trx
    .selectFrom('audit_log')
    .select(['actor_id', 'actor_name'])
    .where('document_id', '=', documentId)
    .where('entity', 'in', VERSIONED_ENTITIES)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.actor_id, name: row.actor_name } : null;
}

/**
 * Moves the document from `expected` to the next version, locking its row for the rest of the
 * transaction. Throws NotFoundError, StaleVersionError, or InvalidStateError when `allowed`
 * does not include its status.
 */
export async function claimVersion(
  trx: Trx,
  documentId: number,
  expected: number,
  allowed: readonly DocumentStatus[],
  action: string,
): Promise<{ version: number; status: DocumentStatus }> {
  const row = await trx
    .updateTable('documents')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', documentId)
    .where('version', '=', expected)
    .returning(['version', 'status'])
    .executeTakeFirst();
  if (!row) {
    const current = await trx.selectFrom('documents').select('version').where('id', '=', documentId).executeTakeFirst();
    if (!current) throw new NotFoundError('document', documentId);
    throw new StaleVersionError(documentId, current.version, expected, await lastWriter(trx, documentId));
  }
  if (!allowed.includes(row.status)) throw new InvalidStateError(documentId, row.status, action);
  return row;
}

/**
 * Starts an edit of the content: claims the version, requires a draft or a returned document, and
 * turns a returned document back into a draft (the unit is now fixing it), recording that.
 */
export async function beginEdit(trx: Trx, actor: Actor, documentId: number, expected: number, action: string): Promise<number> {
  const { version, status } = await claimVersion(trx, documentId, expected, EDITABLE, action);
  if (status === 'returned') {
    await trx.updateTable('documents').set({ status: 'draft' }).where('id', '=', documentId).execute();
    await refreshAggregates(trx, documentId);
    await recordAudit(trx, actor, {
      action: 'reopen',
      entity: 'document',
      entityId: documentId,
      documentId,
      before: { status: 'returned' },
      after: { status: 'draft' },
    });
  }
  return version;
}

/**
 * One edit of a draft's content, in one transaction: beginEdit, then `change`, then the document
 * re-reviewed and the change's audit entry recorded. Returns the new version with whatever else
 * `change` returns beside its audit entry.
 */
export async function editContent<R extends object>(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  expected: number,
  change: (trx: Trx) => Promise<R & { audit: Omit<AuditEntry, 'documentId'> }>,
): Promise<Omit<R, 'audit'> & { version: number }> {
  return db.transaction().execute(async (trx) => {
    const version = await beginEdit(trx, actor, documentId, expected, 'edit');
    const { audit, ...rest } = await change(trx);
    await refreshReview(trx, documentId);
    await recordAudit(trx, actor, { ...audit, documentId });
    return { version, ...rest };
  });
}
