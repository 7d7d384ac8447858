/**
 * What the background worker does with a queued item (./queue.ts), each in one transaction with
 * the item's completion, so a crash leaves the item queued and nothing half done: a bureau item
 * becomes an item per document under it; a document item re-reviews the document if asked
 * (its bureau's review settings or form profile changed) and rebuilds its derived rows and aggregates.
 */
import type { Kysely } from 'kysely';
import { refreshDocument } from '../actuals/derived.ts';
import { refreshReview } from '../review/refresh.ts';
import type { Database } from '../schema.ts';
import { completeWork, expandBureau, type WorkItem } from './queue.ts';

export async function runWorkItem(db: Kysely<Database>, worker: string, item: WorkItem): Promise<void> {
  await db.transaction().execute(async (trx) => {
    if (item.kind === 'bureau') await expandBureau(trx, item.targetId, item.review);
    else {
      // The row is locked before the settings are read: a settings change committing meanwhile
      // queues the document again, and it is rebuilt once more under the new settings.
      const exists = await trx.selectFrom('documents').select('id').where('id', '=', item.targetId).forUpdate().executeTakeFirst();
      if (exists) {
        if (item.review) await refreshReview(trx, item.targetId);
        await refreshDocument(trx, item.targetId);
      }
    }
    await completeWork(trx, worker, item);
  });
}
