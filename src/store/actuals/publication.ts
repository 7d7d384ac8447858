/**
 * Publishing a unit's self-evaluation (自评结果随决算公开): the bureau publishes the self-evaluation
 * of a document whose targets are published, once it has no error left (every actual recorded, every deviation explained). What is published is a snapshot
 * of the result at that moment, so later settings changes cannot alter a published score; and the
 * document's actuals are closed to writes until the bureau withdraws the publication.
 */
import type { Kysely } from 'kysely';
import type { DepartmentEvaluation } from '../../core/evaluation/department.ts';
import { recordAudit, type Actor, type AuditEntry } from '../audit.ts';
import { InvalidStateError } from '../errors.ts';
import type { Database, DocumentStatus, Trx } from '../schema.ts';
import { lockActuals, MONITORED } from './derived.ts';
import { ActualsError } from './errors.ts';
import { evaluateStored, storedActuals } from './results.ts';

export interface PublishedEvaluation {
  documentId: number;
  publishedAt: Date;
  publishedBy: string;
  evaluation: DepartmentEvaluation;
}

export async function publishEvaluation(store: Kysely<Database>, actor: Actor, documentId: number): Promise<PublishedEvaluation> {
  return store.transaction().execute(async (trx) => {
    const state = await lockActuals(trx, documentId);
    const stored = await storedActuals(trx, documentId);
    // Published with the final accounts, after the targets it scores were published with the budget.
    if (stored.meta.status !== 'published') throw new InvalidStateError(documentId, stored.meta.status, 'publishEvaluation');
    if (state.evaluation_published_at !== null)
      throw new ActualsError('conflict', 'evaluation_published', (m) => m.evaluationAlreadyPublished);
    const evaluation = evaluateStored(stored, null, 'zh-CN');
    const errors = evaluation.findings.filter((f) => f.severity === 'error');
    if (errors.length > 0)
      throw new ActualsError('invalid', 'evaluation_errors', (m) => m.evaluationErrors(errors.length), { findings: errors });
    const publishedAt = new Date();
    await setPublication(
      trx,
      actor,
      documentId,
      { at: publishedAt, by: actor.name, evaluation },
      {
        action: 'publishEvaluation',
        after: { score: evaluation.score, grade: evaluation.grade, rate: evaluation.rate },
      },
    );
    return { documentId, publishedAt, publishedBy: actor.name, evaluation };
  });
}

export async function withdrawEvaluation(store: Kysely<Database>, actor: Actor, documentId: number): Promise<void> {
  await store.transaction().execute(async (trx) => {
    const state = await lockActuals(trx, documentId);
    if (state.evaluation_published_at === null)
      throw new ActualsError('conflict', 'evaluation_not_published', (m) => m.evaluationNotPublished);
    await setPublication(trx, actor, documentId, null, {
      action: 'withdrawEvaluation',
      before: { publishedAt: state.evaluation_published_at, publishedBy: state.evaluation_published_by_name },
    });
  });
}

/** Stores (or, with null, clears) a document's published self-evaluation and records the step on the document. */
async function setPublication(
  trx: Trx,
  actor: Actor,
  documentId: number,
  published: { at: Date; by: string; evaluation: DepartmentEvaluation } | null,
  audit: Pick<AuditEntry, 'action' | 'before' | 'after'>,
): Promise<void> {
  await trx
    .updateTable('document_actuals_state')
    .set({
      evaluation_published_at: published?.at ?? null,
      evaluation_published_by_name: published?.by ?? null,
      evaluation_snapshot: published === null ? null : JSON.stringify(published.evaluation),
    })
    .where('document_id', '=', documentId)
    .execute();
  await recordAudit(trx, actor, { ...audit, entity: 'document', entityId: documentId, documentId });
}

/** The published self-evaluation of a document, or undefined while it is not published. */
export async function publishedEvaluation(store: Kysely<Database>, documentId: number): Promise<PublishedEvaluation | undefined> {
  const r = await store
    .selectFrom('document_actuals_state')
    .select(['evaluation_published_at', 'evaluation_published_by_name', 'evaluation_snapshot'])
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  if (!r?.evaluation_published_at) return undefined;
  return {
    documentId,
    publishedAt: r.evaluation_published_at,
    publishedBy: r.evaluation_published_by_name!,
    evaluation: r.evaluation_snapshot as DepartmentEvaluation,
  };
}

/** Whether the unit may record actuals on a document now, and the revision of what it recorded. */
export interface RecordingState {
  revision: number;
  open: boolean;
  evaluationPublishedAt: Date | null;
}

export async function recordingState(store: Kysely<Database>, documentId: number, status: DocumentStatus): Promise<RecordingState> {
  const r = await store
    .selectFrom('document_actuals_state')
    .select(['revision', 'evaluation_published_at'])
    .where('document_id', '=', documentId)
    .executeTakeFirst();
  const publishedAt = r?.evaluation_published_at ?? null;
  return { revision: r?.revision ?? 0, open: MONITORED.includes(status) && publishedAt === null, evaluationPublishedAt: publishedAt };
}
