/**
 * The evaluation (部门评价 / 财政评价, by the bureau's staff or a third party) results the results
 * report and next year's draft set beside the self-evaluation: the latest accepted evaluation of
 * each project, found by its document and code as the evaluation named its subject (../evaluations).
 */
import { sql } from 'kysely';
import type { Grade } from '../../core/evaluation/settings.ts';
import type { Db } from '../schema.ts';

export interface EvaluationResult {
  score: string;
  grade: Grade;
}

/** The latest accepted evaluation result of each of the projects that has one, by project id. */
export async function evaluationResults(db: Db, projectIds: readonly number[]): Promise<Map<number, EvaluationResult>> {
  if (projectIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('projects as p')
    .innerJoin('evaluations as e', (j) => j.onRef('e.document_id', '=', 'p.document_id').onRef('e.project_code', '=', 'p.code'))
    .select(['p.id', 'e.score', 'e.grade'])
    .where('p.id', 'in', projectIds)
    .where('e.state', '=', 'accepted')
    // Oldest first, so that the latest accepted one is what each project keeps below.
    .orderBy(sql`e.accepted_at`)
    .orderBy('e.id')
    .execute();
  const out = new Map<number, EvaluationResult>();
  for (const r of rows) if (r.score !== null && r.grade !== null) out.set(r.id, { score: String(r.score), grade: r.grade });
  return out;
}
