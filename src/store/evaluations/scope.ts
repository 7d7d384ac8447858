/**
 * Which evaluations a caller sees: an admin all; a reviewer its bureau's and those under it; an
 * evaluator (third party) only those it is assigned; a unit the accepted evaluations of its own
 * projects. Every list and read goes through one of these, so a cursor or an id grants nothing more.
 */
import type { ExpressionBuilder, Expression, SqlBool } from 'kysely';
import type { Database, Db } from '../schema.ts';

export type EvaluationScope = { all: true } | { reviewerBureauId: number } | { evaluatorId: number } | { unitId: number };

export function inScope(eb: ExpressionBuilder<Database, 'evaluations'>, scope: EvaluationScope): Expression<SqlBool> {
  if ('reviewerBureauId' in scope)
    return eb(
      'evaluations.bureau_id',
      'in',
      eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', scope.reviewerBureauId),
    );
  if ('evaluatorId' in scope)
    return eb(
      'evaluations.id',
      'in',
      eb.selectFrom('evaluation_assignees').select('evaluation_id').where('user_id', '=', scope.evaluatorId),
    );
  if ('unitId' in scope) return eb.and([eb('evaluations.unit_id', '=', scope.unitId), eb('evaluations.state', '=', 'accepted')]);
  return eb.lit(true);
}

/** Whether an evaluator is assigned an evaluation of a project in this document (it may then read the document). */
export async function evaluatesDocument(db: Db, userId: number, documentId: number): Promise<boolean> {
  const row = await db
    .selectFrom('evaluation_assignees as a')
    .innerJoin('evaluations as e', 'e.id', 'a.evaluation_id')
    .select('e.id')
    .where('a.user_id', '=', userId)
    .where('e.document_id', '=', documentId)
    .executeTakeFirst();
  return row !== undefined;
}
