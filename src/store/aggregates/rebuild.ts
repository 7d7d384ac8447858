/**
 * Building the aggregates of documents written without them — by the bulk loader, or restored —
 * in the caller's process: each document's derived rows and aggregates in one transaction.
 * For many documents, queuing them (`enqueueDocuments` in ./queue.ts) lets the servers' workers
 * share the work instead.
 */
import type { Kysely } from 'kysely';
import { refreshDocument } from '../actuals/derived.ts';
import type { Database } from '../schema.ts';

export async function rebuildAggregates(db: Kysely<Database>, documentIds: Iterable<number>): Promise<void> {
  for (const id of documentIds) await db.transaction().execute((trx) => refreshDocument(trx, id));
}
