/**
 * The review workflow: 草稿 draft → 已提交 submitted → (已退回 returned → draft) → 已审核 approved
 * → 已公开 published. Who may take a step is the server's concern; here each step checks the
 * document's status and version in the same transaction that changes them, and is audited.
 */
import type { Kysely } from 'kysely';
import { refreshDocument } from './actuals/derived.ts';
import { recordAudit, type Actor } from './audit.ts';
import { addComment, type CommentAnchor } from './comments.ts';
import { keepSubmission, recordOutcome } from './document-snapshots.ts';
import { modelOf, readDocument } from './documents/read.ts';
import { claimVersion } from './documents/version.ts';
import { ReviewErrorsError } from './errors.ts';
import { reviewStored, storeReviewCounts } from './review/counts.ts';
import type { Database, DocumentStatus } from './schema.ts';

export type Transition = 'submit' | 'withdraw' | 'return' | 'approve' | 'publish';

/** From which states each step may be taken, and where it leads. */
export const TRANSITIONS: Record<Transition, { from: readonly DocumentStatus[]; to: DocumentStatus }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  withdraw: { from: ['submitted'], to: 'draft' },
  return: { from: ['submitted', 'approved'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
  publish: { from: ['approved'], to: 'published' },
};

const STAMP: Partial<Record<DocumentStatus, 'submitted_at' | 'approved_at' | 'published_at'>> = {
  submitted: 'submitted_at',
  approved: 'approved_at',
  published: 'published_at',
};

/**
 * Takes one step. Submitting re-runs the review engine with the bureau's review settings and
 * refuses (ReviewErrorsError, nothing changed) while errors remain, and keeps the content submitted;
 * the other steps record on that submission how its review went. Returning needs a comment, stored with the step.
 */
export async function transition(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  expected: number,
  step: Transition,
  comment?: { body: string; anchor?: CommentAnchor },
): Promise<{ version: number; status: DocumentStatus }> {
  const rule = TRANSITIONS[step];
  return db.transaction().execute(async (trx) => {
    const { version, status } = await claimVersion(trx, documentId, expected, rule.from, step);
    if (step === 'submit') {
      const doc = (await readDocument(trx, documentId))!;
      const model = modelOf(doc);
      const counts = await reviewStored(trx, documentId, model);
      const findings = await storeReviewCounts(
        trx,
        documentId,
        model,
        doc.projects.map((p) => p.id),
        counts,
      );
      const errors = findings.filter((f) => f.severity === 'error');
      if (errors.length > 0) throw new ReviewErrorsError(documentId, errors);
      await keepSubmission(trx, actor, documentId, version, model);
    } else await recordOutcome(trx, documentId, rule.to as Exclude<DocumentStatus, 'submitted'>);
    const stamp = STAMP[rule.to];
    await trx
      .updateTable('documents')
      .set({ status: rule.to, ...(stamp ? { [stamp]: new Date() } : {}) })
      .where('id', '=', documentId)
      .execute();
    // Monitoring starts or stops with approval, and every status counts in its own totals.
    await refreshDocument(trx, documentId);
    if (comment) await addComment(trx, actor, documentId, comment.anchor ?? {}, comment.body);
    await recordAudit(trx, actor, {
      action: step,
      entity: 'document',
      entityId: documentId,
      documentId,
      before: { status, version: expected },
      after: { status: rule.to, version, comment: comment?.body },
    });
    return { version, status: rule.to };
  });
}
