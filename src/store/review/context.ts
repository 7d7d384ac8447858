/**
 * Everything the review reads about a document besides its content, as the store knows it: the
 * review settings and form profile of its unit's bureau, last year's actuals (below-history), the
 * peers' ranges (off-family) and the 事前绩效评估 context. The one way to build it, whether the
 * document is stored (lists' counts, the findings route, the submission gate) or not yet (the
 * import preview, a bulk load), so that a file shows the same findings before and after it is stored.
 */
import type { TargetDocument } from '../../core/model/document.ts';
import type { ReviewOptions } from '../../core/review/engine.ts';
import { exAnteContexts } from '../ex-ante/context.ts';
import { reviewHistories } from '../library/history.ts';
import { documentsPeers } from '../library/peers.ts';
import type { Db } from '../schema.ts';
import { documentProfile, effectiveSettings, type EffectiveSettings } from '../settings.ts';

/**
 * A document of `unitId` for its year (`document.year`; null: none of the context that needs a
 * year), stored as `documentId` — or about to replace that draft, whose assessments the rewrite
 * keeps — or not stored (null).
 */
export interface ReviewSubject {
  unitId: number;
  document: TargetDocument;
  documentId: number | null;
}

export type StoredReviewOptions = Required<Pick<ReviewOptions, 'settings' | 'profile' | 'history' | 'peers' | 'exAnte'>>;

export async function reviewContext(db: Db, subject: ReviewSubject): Promise<StoredReviewOptions> {
  return (await reviewContexts(db, [subject]))[0]!;
}

/**
 * reviewContext of several documents at once (a bulk load's file): each part read in a few
 * statements for all of them, not per document — except the past documents that have actuals
 * recorded, each read once for the document it is history of.
 */
export async function reviewContexts(db: Db, subjects: readonly ReviewSubject[]): Promise<StoredReviewOptions[]> {
  if (subjects.length === 0) return [];
  const units = await db
    .selectFrom('units')
    .select(['id', 'bureau_id'])
    .where('id', 'in', [...new Set(subjects.map((s) => s.unitId))])
    .execute();
  const bureauOf = new Map(units.map((u) => [u.id, u.bureau_id]));
  const bureaus = [...new Set(units.map((u) => u.bureau_id))];
  const [settings, histories, peers, exAnte] = await Promise.all([
    Promise.all(bureaus.map((b) => effectiveSettings(db, b))),
    reviewHistories(db, subjects),
    documentsPeers(db, subjects),
    exAnteContexts(
      db,
      subjects.map((s) => ({ unitId: s.unitId, year: s.document.year, documentId: s.documentId })),
    ),
  ]);
  const settingsOf = new Map<number, EffectiveSettings>(bureaus.map((b, i) => [b, settings[i]!]));
  return subjects.map((s, i) => {
    const own = settingsOf.get(bureauOf.get(s.unitId)!)!;
    return {
      settings: own.review.settings,
      profile: documentProfile(own, s.document.year),
      history: histories[i]!,
      peers: peers[i]!,
      exAnte: exAnte[i]!,
    };
  });
}
