/**
 * Each indicator row's 上年 / 前年 as the history endpoint gives them (by the stored row's id), put
 * beside the rows a page shows, and read back as the review reads them (the below-history rule).
 */
import { type RowHistory, reviewHistory } from '../../core/library/history.ts';
import type { HistoryEntry } from '../../core/review/context.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import type { DocumentHistory } from '../api/history-types.ts';

export type { RowHistory };

/** Every row's history by its stored id; rows without any are left out. */
export function historyByIndicator(history: DocumentHistory | undefined): Map<number, RowHistory> {
  const out = new Map<number, RowHistory>();
  for (const project of history?.projects ?? [])
    for (const row of project.rows)
      if (row.previousYear !== null || row.yearBeforeLast !== null)
        out.set(row.indicatorId, { previousYear: row.previousYear, yearBeforeLast: row.yearBeforeLast });
  return out;
}

/** The history of each of `rows` (by `idOf`), null where a row has none. */
export const historyOfRows = <R, K>(rows: readonly R[], idOf: (row: R) => K, known: ReadonlyMap<K, RowHistory>): (RowHistory | null)[] =>
  rows.map((r) => known.get(idOf(r)) ?? null);

/** Whether a table shows the columns at all: only when some row has a past. */
export const hasHistory = (rows: readonly (RowHistory | null)[]): boolean => rows.some((h) => h !== null);

/**
 * Last year's actuals as the review engine takes them, for `document` as it is now (`rowsOf`: each
 * project's rows' histories, in its order, by position in `document.projects`).
 */
export function historyForReview(document: TargetDocument, rowsOf: (project: number) => readonly (RowHistory | null)[]): HistoryEntry[] {
  const none: RowHistory = { previousYear: null, yearBeforeLast: null };
  const byCode = new Map<string, RowHistory[]>();
  document.projects.forEach((p, i) =>
    byCode.set(
      p.code,
      rowsOf(i).map((h) => h ?? none),
    ),
  );
  return reviewHistory(document, byCode);
}
