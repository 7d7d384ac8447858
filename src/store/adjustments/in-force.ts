/**
 * The targets in force on a date. A document carries its latest approved targets; an approved
 * 目标调整 effective on a date keeps, as its base, the targets in force until the day before. So
 * on a date the targets are the base of the earliest approved adjustment effective after it, or,
 * when none is, the document's own content.
 */
import { isoDate, type IsoDate } from '../../core/actuals/calendar.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import type { LiveProject } from '../actuals/anchors.ts';
import type { Db } from '../schema.ts';
import { adjustmentsDb } from './adjustments.ts';

/** The targets in force on `date` when they are not the document's current content, else null. */
export async function supersededContent(db: Db, documentId: number, date: IsoDate): Promise<TargetDocument | null> {
  const row = await adjustmentsDb(db)
    .selectFrom('adjustments')
    .select('base_content')
    .where('document_id', '=', documentId)
    .where('state', '=', 'approved')
    .where('effective_date', '>', date)
    .orderBy('effective_date')
    .orderBy('number')
    .limit(1)
    .executeTakeFirst();
  return row ? (row.base_content as TargetDocument) : null;
}

/**
 * Former targets as rows records can be resolved against (../actuals/anchors.ts): a project keeps
 * its stored id where the document still has one with its code, its rows take ids no record holds,
 * so that each record finds its row by description (and target) as after any other rewrite of rows.
 */
export function formerProjects(content: TargetDocument, current: readonly LiveProject[]): LiveProject[] {
  let token = 0;
  return content.projects.map((p, i) => ({
    id: current.find((c) => c.code === p.code)?.id ?? -(i + 1),
    code: p.code,
    indicators: p.indicators.map((x) => ({ id: -++token, description: x.description, target: x.target })),
  }));
}

/**
 * The year cut where approved adjustments took effect, each part [from, to) with the targets in
 * force over it: a former content, or null for the document's own (the last part).
 */
export async function targetEras(
  db: Db,
  documentId: number,
  year: number,
): Promise<Array<{ from: IsoDate; to: IsoDate; content: TargetDocument | null }>> {
  const approved = await adjustmentsDb(db)
    .selectFrom('adjustments')
    .select(['effective_date', 'base_content'])
    .where('document_id', '=', documentId)
    .where('state', '=', 'approved')
    .orderBy('effective_date')
    .orderBy('number')
    .execute();
  const eras: Array<{ from: IsoDate; to: IsoDate; content: TargetDocument | null }> = [];
  let from = isoDate(year, 1, 1)!;
  // Adjustments effective on the same day: the later one's base was in force on no day.
  for (const a of approved)
    if (a.effective_date > from) {
      eras.push({ from, to: a.effective_date, content: a.base_content as TargetDocument });
      from = a.effective_date;
    }
  eras.push({ from, to: isoDate(year + 1, 1, 1)!, content: null });
  return eras;
}
