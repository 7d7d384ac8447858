/**
 * What next year's draft carries from the document it was copied from (copy to next year): last
 * year's results per project (self-evaluation, evaluation) and the 整改 items not yet closed,
 * linked at the copy (../rectification/items.ts). Read-only in the editor.
 */
import type { Grade } from '../../core/evaluation/settings.ts';
import { carriedRectifications, type Rectification } from '../rectification/items.ts';
import type { Db } from '../schema.ts';
import { evaluationResults } from './evaluations.ts';

export interface LastYearResult {
  projectCode: string;
  projectName: string;
  selfScore: string | null;
  selfGrade: Grade | null;
  evaluationScore: string | null;
  evaluationGrade: Grade | null;
}

export interface CarriedFromLastYear {
  fromDocumentId: number | null;
  fromYear: number | null;
  results: LastYearResult[];
  rectifications: Rectification[];
}

export async function carriedFromLastYear(db: Db, documentId: number): Promise<CarriedFromLastYear> {
  const from = await db
    .selectFrom('documents as d')
    .innerJoin('documents as f', 'f.id', 'd.copied_from_id')
    .select(['f.id', 'f.year'])
    .where('d.id', '=', documentId)
    .executeTakeFirst();
  const [rows, rectifications] = await Promise.all([
    from
      ? db
          .selectFrom('projects as p')
          .leftJoin('project_evaluation as pe', 'pe.project_id', 'p.id')
          .select(['p.id', 'p.code', 'p.name', 'pe.total', 'pe.grade'])
          .where('p.document_id', '=', from.id)
          .orderBy('p.position')
          .execute()
      : Promise.resolve([]),
    carriedRectifications(db, documentId),
  ]);
  const evaluated = await evaluationResults(
    db,
    rows.map((r) => r.id),
  );
  return {
    fromDocumentId: from?.id ?? null,
    fromYear: from?.year ?? null,
    results: rows.map((r) => ({
      projectCode: r.code,
      projectName: r.name,
      selfScore: r.total ?? null,
      selfGrade: (r.grade ?? null) as Grade | null,
      evaluationScore: evaluated.get(r.id)?.score ?? null,
      evaluationGrade: evaluated.get(r.id)?.grade ?? null,
    })),
    rectifications,
  };
}
