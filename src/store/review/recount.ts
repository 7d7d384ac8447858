/**
 * Finding counts are cached on documents and projects for the lists' filters. When a bureau
 * changes its review settings, the counts of the documents under it (its own units and those of
 * the bureaus below, which inherit) were computed under the old settings: they are marked
 * (./stale.ts), and recounted a batch at a time, so that lists agree with the editor and the
 * submission gate again.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { refreshReview } from './refresh.ts';

/**
 * Recounts at most `limit` marked documents, one transaction each; returns how many it recounted
 * and whether any are left.
 */
export async function recountStale(db: Kysely<Database>, limit: number): Promise<{ recounted: number; more: boolean }> {
  const ids = await db.selectFrom('documents').select('id').where('review_stale', '=', true).orderBy('id').limit(limit).execute();
  let recounted = 0;
  for (const { id } of ids) {
    const done = await db.transaction().execute(async (trx) => {
      // The row is locked before the settings are read: a settings change that commits meanwhile
      // marks it again after this transaction, and it is recounted once more under the new ones.
      const row = await trx
        .selectFrom('documents')
        .select('id')
        .where('id', '=', id)
        .where('review_stale', '=', true)
        .forUpdate()
        .executeTakeFirst();
      if (!row) return false;
      await refreshReview(trx, id);
      await trx.updateTable('documents').set({ review_stale: false }).where('id', '=', id).execute();
      return true;
    });
    if (done) recounted++;
  }
  return { recounted, more: ids.length === limit };
}
