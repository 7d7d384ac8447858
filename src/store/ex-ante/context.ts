/**
 * What the review needs about a document's 事前绩效评估 (src/core/ex-ante/required.ts): its unit's
 * previous-year projects (codes and names, to tell new projects) and the state of each stored
 * assessment by project code. Fed to the review wherever the store reviews (./../review/counts.ts)
 * and to the browser, so that the editor's live findings are the submission gate's.
 */
import type { ExAnteContext } from '../../core/ex-ante/required.ts';
import type { Db } from '../schema.ts';

export async function exAnteContext(db: Db, documentId: number): Promise<ExAnteContext> {
  const previous = await db
    .selectFrom('documents as d')
    .innerJoin('documents as p', (j) => j.onRef('p.unit_id', '=', 'd.unit_id').on('p.year', '=', (eb) => eb('d.year', '-', 1)))
    .select('p.id')
    .where('d.id', '=', documentId)
    .executeTakeFirst();
  const [lastYear, stored] = await Promise.all([
    previous ? db.selectFrom('projects').select(['code', 'name']).where('document_id', '=', previous.id).execute() : Promise.resolve(null),
    db
      .selectFrom('ex_ante_assessments as a')
      .innerJoin('projects as p', 'p.id', 'a.project_id')
      .select(['p.code', 'a.state'])
      .where('a.document_id', '=', documentId)
      .execute(),
  ]);
  return {
    previous: lastYear && { codes: lastYear.map((p) => p.code), names: lastYear.map((p) => p.name) },
    assessments: Object.fromEntries(stored.map((s) => [s.code, s.state])),
  };
}
