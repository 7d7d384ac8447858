/** A document re-reviewed as it is stored now, and its cached counts brought up to date. */
import type { Finding } from '../../core/review/finding.ts';
import { modelOf, readDocument } from '../documents/read.ts';
import type { Trx } from '../schema.ts';
import { reviewStored, storeReviewCounts } from './counts.ts';

/** Re-reviews the whole document (after an edit, or a change of review settings) and stores the counts; returns the findings. */
export async function refreshReview(trx: Trx, documentId: number): Promise<Finding[]> {
  const doc = (await readDocument(trx, documentId))!;
  const model = modelOf(doc);
  return storeReviewCounts(
    trx,
    documentId,
    model,
    doc.projects.map((p) => p.id),
    await reviewStored(trx, documentId, model),
  );
}
