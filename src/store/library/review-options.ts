/** What the review reads from history: last year's actuals (below-history) and peers' ranges (off-family). */
import type { PeerRange } from '../../core/library/peer-range.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import type { HistoryEntry } from '../../core/review/context.ts';
import type { Db } from '../schema.ts';
import { reviewHistoryOf } from './history.ts';
import { documentPeers } from './peers.ts';

export async function historyReviewOptions(
  db: Db,
  unitId: number,
  document: TargetDocument,
): Promise<{ history: HistoryEntry[]; peers: Map<string, PeerRange> }> {
  const [history, peers] = await Promise.all([reviewHistoryOf(db, unitId, document), documentPeers(db, unitId, document)]);
  return { history, peers };
}
