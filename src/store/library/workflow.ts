/**
 * The library's workflow (申请入库 → 已入库 or 不予入库; 已入库 ⇄ 已停用), each write one transaction
 * with its audit entry (before and after). Who may do what is the server's to check
 * (src/server/routes/library.ts); the store keeps the states and versions straight: a write based on
 * a stale version, or in a state that does not allow it, changes nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { EntryState, LibraryEntry } from '../../core/library/index.ts';
import { recordAudit, type Actor } from '../audit.ts';
import type { Database, Trx } from '../schema.ts';
import { ENTRY_COLUMNS, entryColumns, entryOf } from './columns.ts';
import { LibraryError, type LibraryAction } from './errors.ts';

/** What a unit or reviewer writes of an entry: all but its id, source and status (the workflow's). */
export type EntryContent = Omit<LibraryEntry, 'id' | 'source' | 'status'>;

export const LIBRARY_ENTITY = 'libraryEntry';

/** An entry as its audit entries record it: the core entry and whose library it is in. */
const audited = (bureauId: number | null, entry: LibraryEntry) => ({ bureauId, entry });

async function bureauCode(trx: Trx, bureauId: number): Promise<string> {
  return (await trx.selectFrom('bureaus').select('code').where('id', '=', bureauId).executeTakeFirstOrThrow()).code;
}

/**
 * A new entry in a bureau's library, its code the bureau's code and the row's id ("130730-12")
 * unless one is given (a code taken in that bureau is a conflict).
 */
async function insertEntry(
  trx: Trx,
  actor: Actor,
  action: 'propose' | 'create',
  bureauId: number,
  content: EntryContent,
  code: string | undefined,
  extra: { state: EntryState; unitId?: number; decidedBy?: number | null },
): Promise<number> {
  const reference = await bureauCode(trx, bureauId);
  if (code !== undefined) await assertCodeFree(trx, bureauId, code);
  const entry: LibraryEntry = {
    ...content,
    id: code ?? `pending-${randomUUID()}`,
    source: { kind: 'bureau', reference },
    status: { state: extra.state, reason: null },
  };
  const decided = extra.state === 'approved';
  const { id } = await trx
    .insertInto('library_entries')
    .values({
      ...entryColumns(entry),
      bureau_id: bureauId,
      proposed_by_unit_id: extra.unitId ?? null,
      proposed_by_user_id: extra.unitId === undefined ? null : actor.id,
      decided_by_user_id: decided ? (extra.decidedBy ?? actor.id) : null,
      decided_at: decided ? new Date() : null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (code === undefined) {
    entry.id = `${reference}-${id}`;
    await trx.updateTable('library_entries').set({ code: entry.id }).where('id', '=', id).execute();
  }
  await recordAudit(trx, actor, { action, entity: LIBRARY_ENTITY, entityId: id, after: audited(bureauId, entry) });
  return id;
}

export async function assertCodeFree(trx: Trx, bureauId: number | null, code: string): Promise<void> {
  const taken = await trx
    .selectFrom('library_entries')
    .select('id')
    .where((eb) => (bureauId === null ? eb('bureau_id', 'is', null) : eb('bureau_id', '=', bureauId)))
    .where('code', '=', code)
    .executeTakeFirst();
  if (taken) throw codeTaken(code);
}

const codeTaken = (code: string) => new LibraryError('conflict', 'conflict', (m) => m.codeTaken(code), { entity: LIBRARY_ENTITY, code });

/** 申请入库: a unit's application, in its bureau's library, waiting for the bureau's decision. */
export async function proposeEntry(
  db: Kysely<Database>,
  actor: Actor,
  proposer: { unitId: number; bureauId: number },
  content: EntryContent,
): Promise<number> {
  return db
    .transaction()
    .execute((trx) =>
      insertEntry(trx, actor, 'propose', proposer.bureauId, content, undefined, { state: 'proposed', unitId: proposer.unitId }),
    );
}

/** A reviewer's own entry, approved in its bureau's library at once. */
export async function addEntry(
  db: Kysely<Database>,
  actor: Actor,
  bureauId: number,
  content: EntryContent,
  code?: string,
): Promise<number> {
  try {
    return await db.transaction().execute((trx) => insertEntry(trx, actor, 'create', bureauId, content, code, { state: 'approved' }));
  } catch (e) {
    // Another reviewer took the code between the check and the insert: the unique index says so.
    if (code !== undefined && (e as { code?: string }).code === '23505') throw codeTaken(code);
    throw e;
  }
}

/** The entry locked for the rest of the transaction, at the version the caller saw and in a state that allows `action`. */
async function claim(trx: Trx, id: number, expected: number, allowed: readonly EntryState[], action: LibraryAction) {
  const row = await trx
    .selectFrom('library_entries')
    .select([...ENTRY_COLUMNS, 'id', 'bureau_id', 'version'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw LibraryError.notFound(id);
  if (row.version !== expected) throw LibraryError.stale(id, row.version, expected);
  if (!allowed.includes(row.state)) throw LibraryError.state(id, row.state, action);
  return { bureauId: row.bureau_id, entry: entryOf(row) };
}

/** Writes the entry's new content or status, one version on, with the audit entry; returns the new version. */
async function rewrite(
  trx: Trx,
  actor: Actor,
  id: number,
  action: string,
  before: { bureauId: number | null; entry: LibraryEntry },
  after: LibraryEntry,
  decision?: { by: number | null },
): Promise<number> {
  const { version } = await trx
    .updateTable('library_entries')
    .set((eb) => ({
      ...entryColumns(after),
      version: eb('version', '+', 1),
      updated_at: new Date(),
      ...(decision === undefined ? {} : { decided_by_user_id: decision.by, decided_at: new Date() }),
    }))
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  await recordAudit(trx, actor, {
    action,
    entity: LIBRARY_ENTITY,
    entityId: id,
    before: audited(before.bureauId, before.entry),
    after: audited(before.bureauId, after),
  });
  return version;
}

/** A new wording, unit, target … of an entry in one of `allowed` states; its id, source and status stay. */
export async function editEntry(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  content: EntryContent,
  allowed: readonly EntryState[],
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const before = await claim(trx, id, expected, allowed, 'edit');
    const { id: code, source, status } = before.entry;
    return rewrite(trx, actor, id, 'update', before, { ...content, id: code, source, status });
  });
}

/** A bureau's decision on an application: 已入库, or 不予入库 with its reason (required). */
export async function decideEntry(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  decision: 'approve' | 'refuse',
  reason: string | null,
): Promise<number> {
  const why = reason?.trim() || null;
  if (decision === 'refuse' && why === null)
    throw new LibraryError('invalid', 'reason_required', (m) => m.reasonRequired, { field: 'reason' });
  return db.transaction().execute(async (trx) => {
    const before = await claim(trx, id, expected, ['proposed'], decision);
    const status = decision === 'approve' ? { state: 'approved' as const, reason: null } : { state: 'refused' as const, reason: why };
    return rewrite(trx, actor, id, decision, before, { ...before.entry, status }, { by: actor.id });
  });
}

/** 已停用: kept (rows that used it keep their history), no longer offered. */
export async function retireEntry(db: Kysely<Database>, actor: Actor, id: number, expected: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const before = await claim(trx, id, expected, ['approved'], 'retire');
    return rewrite(trx, actor, id, 'retire', before, { ...before.entry, status: { state: 'retired', reason: null } });
  });
}

/**
 * 恢复启用: a retired entry is approved again and offered as before. The original decision (who
 * approved it, when) stands: retiring never undid it, so reinstating has none to make.
 */
export async function reinstateEntry(db: Kysely<Database>, actor: Actor, id: number, expected: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const before = await claim(trx, id, expected, ['retired'], 'reinstate');
    return rewrite(trx, actor, id, 'reinstate', before, { ...before.entry, status: { state: 'approved', reason: null } });
  });
}

/** A unit takes back its application before the bureau decides: the entry is gone, the audit log keeps it. */
export async function withdrawEntry(db: Kysely<Database>, actor: Actor, id: number, expected: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await claim(trx, id, expected, ['proposed'], 'withdraw');
    await trx.deleteFrom('library_entries').where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'withdraw',
      entity: LIBRARY_ENTITY,
      entityId: id,
      before: audited(before.bureauId, before.entry),
    });
  });
}

/** Who owns an entry and who applied for it: what the server decides a caller's rights on. */
export async function entryOwnership(
  db: Kysely<Database>,
  id: number,
): Promise<{ bureauId: number | null; proposedByUnitId: number | null; state: EntryState } | undefined> {
  const r = await db
    .selectFrom('library_entries')
    .select(['bureau_id', 'proposed_by_unit_id', 'state'])
    .where('id', '=', id)
    .executeTakeFirst();
  return r && { bureauId: r.bureau_id, proposedByUnitId: r.proposed_by_unit_id, state: r.state };
}
