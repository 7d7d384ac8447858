/**
 * The append-only audit log: who did what to which entity, with the state before and after.
 * Entries are written in the same transaction as the change they describe, so the log never
 * claims a change that did not commit, nor misses one that did.
 */
import type { Kysely, Transaction } from 'kysely';
import { keysetQuery, pageOf, type KeysetOrder, type Page, type PageRequest } from './keyset.ts';
import type { Database } from './schema.ts';

export interface Actor {
  id: number | null;
  name: string;
}

/** The command line and the demo seeding act without a signed-in user. */
export const systemActor = (name: string): Actor => ({ id: null, name });

export interface AuditEntry {
  action: string;
  entity: string;
  entityId: number | string;
  documentId?: number | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(db: Transaction<Database> | Kysely<Database>, actor: Actor, e: AuditEntry): Promise<void> {
  await db.insertInto('audit_log').values(auditRow(actor, e)).execute();
}

/** Entries per INSERT of `recordAudits`: 8 parameters a row, well under PostgreSQL's 65,535. */
const AUDIT_CHUNK = 1000;

/** Many entries at once (a bulk load's), as `recordAudit` writes each. */
export async function recordAudits(
  db: Transaction<Database> | Kysely<Database>,
  actor: Actor,
  entries: readonly AuditEntry[],
): Promise<void> {
  for (let i = 0; i < entries.length; i += AUDIT_CHUNK)
    await db
      .insertInto('audit_log')
      .values(entries.slice(i, i + AUDIT_CHUNK).map((e) => auditRow(actor, e)))
      .execute();
}

const auditRow = (actor: Actor, e: AuditEntry) => ({
  actor_id: actor.id,
  actor_name: actor.name,
  action: e.action,
  entity: e.entity,
  entity_id: String(e.entityId),
  document_id: e.documentId ?? null,
  before: e.before === undefined ? null : JSON.stringify(e.before),
  after: e.after === undefined ? null : JSON.stringify(e.after),
});

export interface AuditRecord {
  id: number;
  at: Date;
  actorId: number | null;
  actorName: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** A document's trail is read newest first: its cursors (./keyset.ts) carry the id the next page is older than. */
export const AUDIT_NEWEST_FIRST: KeysetOrder = { name: 'audit', keys: [{ column: 'id', direction: 'desc', type: 'int' }] };

/** A document's trail, newest first, a page at a time by cursor. */
export async function documentAudit(db: Kysely<Database>, documentId: number, page: PageRequest): Promise<Page<AuditRecord>> {
  const q = db.selectFrom('audit_log').selectAll().where('document_id', '=', documentId);
  const rows = await keysetQuery(q, AUDIT_NEWEST_FIRST, page).execute();
  return pageOf(AUDIT_NEWEST_FIRST, page, rows, (r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    actorName: r.actor_name,
    action: r.action,
    entity: r.entity,
    entityId: r.entity_id,
    before: r.before,
    after: r.after,
  }));
}
