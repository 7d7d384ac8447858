/**
 * What the review needs about a document's 事前绩效评估 (src/core/ex-ante/required.ts): its unit's
 * previous-year projects (codes and names, to tell new projects) and the state of each stored
 * assessment by project code. Fed to the review wherever the store reviews (../review/context.ts)
 * and to the browser, so that the editor's live findings are the submission gate's.
 */
import type { ExAnteContext } from '../../core/ex-ante/required.ts';
import type { Db } from '../schema.ts';

/**
 * The document of `unitId` for `year` (null: a year not known yet), stored as `documentId` or not
 * stored yet (null: a file being previewed or loaded, which has no assessments — an import over a
 * draft passes the draft, whose assessments the rewrite keeps).
 */
export interface ExAnteSubject {
  unitId: number;
  year: number | null;
  documentId: number | null;
}

export async function exAnteContext(db: Db, subject: ExAnteSubject): Promise<ExAnteContext> {
  return (await exAnteContexts(db, [subject]))[0]!;
}

/** exAnteContext of several documents (a bulk load's file), in three statements whatever their number. */
export async function exAnteContexts(db: Db, subjects: readonly ExAnteSubject[]): Promise<ExAnteContext[]> {
  const dated = subjects.filter((s) => s.year !== null);
  const documentIds = subjects.flatMap((s) => (s.documentId === null ? [] : [s.documentId]));
  const previousDocs =
    dated.length === 0
      ? []
      : await db
          .selectFrom('documents')
          .select(['id', 'unit_id', 'year'])
          .where('unit_id', 'in', [...new Set(dated.map((s) => s.unitId))])
          .where('year', 'in', [...new Set(dated.map((s) => s.year! - 1))])
          .execute();
  const previousOf = new Map(previousDocs.map((d) => [`${d.unit_id}/${d.year}`, d.id]));
  const wantedPrevious = dated.flatMap((s) => previousOf.get(`${s.unitId}/${s.year! - 1}`) ?? []);
  const [lastYear, stored] = await Promise.all([
    wantedPrevious.length === 0
      ? []
      : db.selectFrom('projects').select(['document_id', 'code', 'name']).where('document_id', 'in', wantedPrevious).execute(),
    documentIds.length === 0
      ? []
      : db
          .selectFrom('ex_ante_assessments as a')
          .innerJoin('projects as p', 'p.id', 'a.project_id')
          .select(['a.document_id', 'p.code', 'a.state'])
          .where('a.document_id', 'in', documentIds)
          .execute(),
  ]);
  const projectsOf = new Map<number, { codes: string[]; names: string[] }>();
  for (const p of lastYear) {
    let previous = projectsOf.get(p.document_id);
    if (previous === undefined) projectsOf.set(p.document_id, (previous = { codes: [], names: [] }));
    previous.codes.push(p.code);
    previous.names.push(p.name);
  }
  return subjects.map(({ unitId, year, documentId }) => {
    const previousId = year === null ? undefined : previousOf.get(`${unitId}/${year - 1}`);
    return {
      // A previous-year document without projects is still in jixiao: its list is empty, not unknown.
      previous: previousId === undefined ? null : (projectsOf.get(previousId) ?? { codes: [], names: [] }),
      assessments: Object.fromEntries(stored.filter((s) => s.document_id === documentId).map((s) => [s.code, s.state])),
    };
  });
}
