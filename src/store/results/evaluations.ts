/**
 * The evaluation (部门评价 / 财政评价 / 第三方评价) results the results report sets beside the
 * self-evaluation: the one place the evaluations' store (issue 17 part 2, merged separately) plugs
 * in. Until it does, no project has an evaluation result and the report shows "—".
 */
import type { Grade } from '../../core/evaluation/settings.ts';
import type { Db } from '../schema.ts';

export interface EvaluationResult {
  score: string;
  grade: Grade;
}

/** The latest evaluation result of each of the projects that has one, by project id. */
export async function evaluationResults(_db: Db, _projectIds: readonly number[]): Promise<Map<number, EvaluationResult>> {
  return new Map();
}
