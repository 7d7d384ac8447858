/**
 * A document's history from the store: the same unit's approved or published documents of the two
 * years before, with the actual values recorded against them (the latest value of each row, as
 * recorded by the year's end), handed to the core's matching (core/library/history.ts).
 */
import { sql } from 'kysely';
import { historyOf, reviewHistory, type RowHistory, withHistoryColumns } from '../../core/library/history.ts';
import { observationsOf, type Observation } from '../../core/library/observation.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import type { HistoryEntry } from '../../core/review/context.ts';
import { documentRecords } from '../actuals/records.ts';
import { modelOf, readDocument } from '../documents/read.ts';
import type { Db } from '../schema.ts';
import { IN_HISTORY } from './refresh.ts';

/**
 * The rows of the unit's documents of `year − 1` and `year − 2` that are approved or published,
 * each with its recorded actual; as of `document`'s unit, which the core matches by.
 */
export async function pastObservations(db: Db, unitId: number, year: number, document: TargetDocument): Promise<Observation[]> {
  const past = await db
    .selectFrom('documents')
    .select('id')
    .where('unit_id', '=', unitId)
    .where('year', 'in', [year - 1, year - 2])
    .where('status', 'in', [...IN_HISTORY])
    .execute();
  return (await Promise.all(past.map(({ id }) => observationsOfPast(db, id, document)))).flat();
}

/** One past document's rows, each with its recorded actual, as of `document`'s unit. */
async function observationsOfPast(db: Db, id: number, document: TargetDocument): Promise<Observation[]> {
  const stored = (await readDocument(db, id))!;
  const { values } = await documentRecords(db, id, stored.projects);
  // Records come by project, row and date: the last one of a row is its actual.
  const actuals = new Map<string, string>();
  for (const v of values) if (!v.orphaned) actuals.set(`${v.projectCode}\u0000${v.index}`, v.value);
  const model = { ...modelOf(stored), unit: document.unit };
  return observationsOf(model, (code, row) => actuals.get(`${code}\u0000${row}`) ?? null);
}

/** 上年 and 前年 of each row of each project of the document, by project code. */
export async function documentHistory(db: Db, unitId: number, document: TargetDocument): Promise<Map<string, RowHistory[]>> {
  if (document.year === null) return new Map();
  return historyOf(document, await pastObservations(db, unitId, document.year, document));
}

/**
 * Last year's actuals as the below-history rule reads them, for each of several documents (a bulk
 * load reviews a file's together): one statement finds the units' past documents that have actuals
 * recorded — only those can say anything to the rule — and only those are read.
 */
export async function reviewHistories(
  db: Db,
  subjects: ReadonlyArray<{ unitId: number; document: TargetDocument }>,
): Promise<HistoryEntry[][]> {
  const dated = subjects.filter((s) => s.document.year !== null);
  if (dated.length === 0) return subjects.map(() => []);
  const unitIds = [...new Set(dated.map((s) => s.unitId))];
  const years = [...new Set(dated.flatMap((s) => [s.document.year! - 1, s.document.year! - 2]))];
  const past = await db
    .selectFrom('documents as d')
    .select(['d.id', 'd.unit_id', 'd.year'])
    .where('d.unit_id', 'in', unitIds)
    .where('d.year', 'in', years)
    .where('d.status', 'in', [...IN_HISTORY])
    .where(({ exists, selectFrom }) => exists(selectFrom('actual_values as v').select('v.id').whereRef('v.document_id', '=', 'd.id')))
    .execute();
  const pastOf = new Map<string, number[]>();
  for (const p of past) pastOf.set(`${p.unit_id}/${p.year}`, [...(pastOf.get(`${p.unit_id}/${p.year}`) ?? []), p.id]);
  return Promise.all(
    subjects.map(async ({ unitId, document }) => {
      if (document.year === null) return [];
      const ids = [document.year - 1, document.year - 2].flatMap((y) => pastOf.get(`${unitId}/${y}`) ?? []);
      if (ids.length === 0) return [];
      const observations = (await Promise.all(ids.map((id) => observationsOfPast(db, id, document)))).flat();
      return reviewHistory(document, historyOf(document, observations));
    }),
  );
}

/** The document with its 上年/前年 columns filled from history, for the forms that print them. */
export async function withStoredHistory(db: Db, unitId: number, document: TargetDocument): Promise<TargetDocument> {
  return withHistoryColumns(document, await documentHistory(db, unitId, document));
}

/**
 * What each document's history is made of — its unit's approved or published documents of the two
 * years before, their versions and the revisions of their actuals — as a tag that changes whenever
 * the history does, for caches and ETags of files that print it.
 */
export async function historyTags(db: Db, documentIds: readonly number[]): Promise<Map<number, string>> {
  if (documentIds.length === 0) return new Map();
  const { rows } = await sql<{ id: number; tag: string }>`
    select d0.id, string_agg(d.id || '.' || d.version || '.' || coalesce(s.revision, 0), ',' order by d.year) as tag
    from documents d0
      join documents d on d.unit_id = d0.unit_id and d.year in (d0.year - 1, d0.year - 2) and d.status in (${sql.join(IN_HISTORY)})
      left join document_actuals_state s on s.document_id = d.id
    where d0.id = any(${documentIds}::bigint[])
    group by d0.id`.execute(db);
  return new Map(rows.map((r) => [Number(r.id), r.tag]));
}
