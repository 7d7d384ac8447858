/**
 * When a bureau changes its review settings, the finding counts cached on the documents under it
 * (its own units' and those of the bureaus below, which inherit) were computed under the old
 * settings: they are marked here, in the settings' transaction, and recounted later (./recount.ts).
 */
import type { Trx } from '../schema.ts';

/** Marks the documents under the bureau (and the bureaus below it) for a recount. */
export async function markReviewStale(trx: Trx, bureauId: number): Promise<void> {
  await trx
    .updateTable('documents')
    .set({ review_stale: true })
    .where('unit_id', 'in', (eb) =>
      eb
        .selectFrom('units')
        .select('id')
        .where('bureau_id', 'in', eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', bureauId)),
    )
    .execute();
}
