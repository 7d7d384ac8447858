/**
 * Reading and saving a project's 事前绩效评估. A save names the assessment's version it is based on
 * (0 when there is none yet): a stale one changes nothing (409). It is allowed while the document is
 * a draft or returned — the assessment goes in with the submission — and re-reviews the document in
 * the same transaction, since whether a new project has its assessment is a review finding.
 */
import type { Kysely } from 'kysely';
import { checkAssessment, stateOf, type ExAnteAssessment } from '../../core/ex-ante/assessment.ts';
import { ActualsError } from '../actuals/errors.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { EDITABLE } from '../documents/version.ts';
import { InvalidStateError, NotFoundError } from '../errors.ts';
import { refreshReview } from '../review/refresh.ts';
import type { Database, Db } from '../schema.ts';

export interface StoredAssessment {
  assessment: ExAnteAssessment;
  version: number;
  updatedAt: Date;
  updatedByName: string;
}

export async function readAssessment(db: Db, projectId: number): Promise<StoredAssessment | null> {
  const row = await db.selectFrom('ex_ante_assessments').selectAll().where('project_id', '=', projectId).executeTakeFirst();
  return row
    ? { assessment: row.content as ExAnteAssessment, version: row.version, updatedAt: row.updated_at, updatedByName: row.updated_by_name }
    : null;
}

/** Saves the assessment of a project; returns its new version. Throws RangeError (naming the section) for a score above 20. */
export async function saveAssessment(
  db: Kysely<Database>,
  actor: Actor,
  projectId: number,
  expected: number,
  assessment: ExAnteAssessment,
): Promise<number> {
  checkAssessment(assessment);
  return db.transaction().execute(async (trx) => {
    // The document's row first, as every content write and the submission lock it: a submission
    // either sees this assessment or runs before it is saved, never half of it.
    const doc = await trx
      .selectFrom('projects as p')
      .innerJoin('documents as d', 'd.id', 'p.document_id')
      .select(['d.id', 'd.status'])
      .where('p.id', '=', projectId)
      .forUpdate('d')
      .executeTakeFirst();
    if (!doc) throw new NotFoundError('project', projectId);
    if (!EDITABLE.includes(doc.status)) throw new InvalidStateError(doc.id, doc.status, 'edit');
    const before = await trx.selectFrom('ex_ante_assessments').selectAll().where('project_id', '=', projectId).executeTakeFirst();
    const current = before?.version ?? 0;
    if (current !== expected) throw ActualsError.stale('exAnteAssessment', projectId, current, expected);
    const values = { content: JSON.stringify(assessment), state: stateOf(assessment), updated_by_name: actor.name };
    if (before)
      await trx
        .updateTable('ex_ante_assessments')
        .set({ ...values, version: current + 1, updated_at: new Date() })
        .where('project_id', '=', projectId)
        .execute();
    else
      await trx
        .insertInto('ex_ante_assessments')
        .values({ project_id: projectId, document_id: doc.id, ...values })
        .execute();
    await refreshReview(trx, doc.id);
    await recordAudit(trx, actor, {
      action: before ? 'update' : 'create',
      entity: 'exAnteAssessment',
      entityId: projectId,
      documentId: doc.id,
      before: before ? before.content : null,
      after: assessment,
    });
    return current + 1;
  });
}
