/**
 * A library file (src/formats/library, already read all or nothing) into a bureau's library, or the
 * national one: in one transaction, by code — an entry of the file whose code the library holds
 * replaces that entry's content and status (one version on), the others are added. Each entry gets
 * its audit entry (before and after). The file says each entry's state and source, as a province's
 * distributed library does.
 */
import type { Kysely } from 'kysely';
import type { LibraryEntry } from '../../core/library/index.ts';
import { recordAudits, type Actor, type AuditEntry } from '../audit.ts';
import type { Database } from '../schema.ts';
import { ENTRY_COLUMNS, entryColumns, entryOf } from './columns.ts';
import { LIBRARY_ENTITY } from './workflow.ts';

/** Entries per INSERT (about 20 parameters each) and codes per lookup. */
const CHUNK = 500;

export interface ImportResult {
  created: number;
  updated: number;
}

export async function importLibrary(
  db: Kysely<Database>,
  actor: Actor,
  bureauId: number | null,
  entries: readonly LibraryEntry[],
  onProgress: (done: number) => void = () => {},
): Promise<ImportResult> {
  return db.transaction().execute(async (trx) => {
    const owned = (q: ReturnType<typeof trx.selectFrom<'library_entries'>>) =>
      bureauId === null ? q.where('bureau_id', 'is', null) : q.where('bureau_id', '=', bureauId);
    const existing = new Map<string, { id: number; entry: LibraryEntry }>();
    for (let i = 0; i < entries.length; i += CHUNK) {
      const codes = entries.slice(i, i + CHUNK).map((e) => e.id);
      const rows = await owned(trx.selectFrom('library_entries'))
        .select([...ENTRY_COLUMNS, 'id'])
        .where('code', 'in', codes)
        .forUpdate()
        .execute();
      for (const r of rows) existing.set(r.code, { id: r.id, entry: entryOf(r) });
    }
    const audits: AuditEntry[] = [];
    const now = new Date();
    const decided = (e: LibraryEntry) => e.status.state !== 'proposed';
    let done = 0;
    const added = entries.filter((e) => !existing.has(e.id));
    for (let i = 0; i < added.length; i += CHUNK) {
      const chunk = added.slice(i, i + CHUNK);
      const ids = await trx
        .insertInto('library_entries')
        .values(
          chunk.map((e) => ({
            ...entryColumns(e),
            bureau_id: bureauId,
            decided_by_user_id: decided(e) ? actor.id : null,
            decided_at: decided(e) ? now : null,
          })),
        )
        .returning('id')
        .execute();
      chunk.forEach((e, j) =>
        audits.push({ action: 'import', entity: LIBRARY_ENTITY, entityId: ids[j]!.id, after: { bureauId, entry: e } }),
      );
      onProgress((done += chunk.length));
    }
    for (const e of entries) {
      const before = existing.get(e.id);
      if (before === undefined) continue;
      await trx
        .updateTable('library_entries')
        .set((eb) => ({
          ...entryColumns(e),
          version: eb('version', '+', 1),
          updated_at: now,
          // A decision the file makes (an application it approves or refuses) is the importer's.
          ...(e.status.state !== before.entry.status.state && decided(e) ? { decided_by_user_id: actor.id, decided_at: now } : {}),
        }))
        .where('id', '=', before.id)
        .execute();
      audits.push({
        action: 'import',
        entity: LIBRARY_ENTITY,
        entityId: before.id,
        before: { bureauId, entry: before.entry },
        after: { bureauId, entry: e },
      });
      onProgress(++done);
    }
    await recordAudits(trx, actor, audits);
    return { created: added.length, updated: entries.length - added.length };
  });
}
