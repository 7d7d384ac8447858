/**
 * 目标调整 (migration 0018): a unit's request to change approved targets, with the content it asks
 * for beside the content in force when drafted. Reads: one request with its content, a document's
 * requests (newest first) and the reviewers' queue, a page at a time by cursor (../keyset.ts).
 */
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { IsoDate } from '../../core/actuals/calendar.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { keysetQuery, pageOf, type KeysetOrder, type Page, type PageRequest } from '../keyset.ts';
import type { ListScope } from '../listing.ts';
import type { Database } from '../schema.ts';

export type AdjustmentState = 'draft' | 'submitted' | 'returned' | 'approved' | 'withdrawn';
export const OPEN_STATES: readonly AdjustmentState[] = ['draft', 'submitted', 'returned'];

export interface AdjustmentsTable {
  id: Generated<number>;
  document_id: number;
  number: number;
  state: AdjustmentState;
  reason: string;
  effective_date: IsoDate;
  base_version: number;
  /** TargetDocument JSON: what was in force when the request was drafted. */
  base_content: ColumnType<unknown, string, string>;
  /** TargetDocument JSON: the targets asked for. */
  content: ColumnType<unknown, string, string>;
  review_comment: string | null;
  version: Generated<number>;
  created_by: number | null;
  created_by_name: string;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  submitted_at: Date | null;
  decided_at: Date | null;
  decided_by_name: string | null;
  approved_version: number | null;
}

type Tables = Database & { adjustments: AdjustmentsTable };
export type AdjustmentDb = Kysely<Tables> | Transaction<Tables>;
export const adjustmentsDb = (db: Kysely<Database> | Transaction<Database>) => db.withTables<{ adjustments: AdjustmentsTable }>();

export interface Adjustment {
  id: number;
  documentId: number;
  /** 1, 2 … within the document. */
  number: number;
  state: AdjustmentState;
  reason: string;
  effectiveDate: IsoDate;
  /** The document's version the request was drafted from. */
  baseVersion: number;
  /** The request's own version (If-Match of its writes). */
  version: number;
  /** The reviewer's comment when returning or approving it. */
  reviewComment: string | null;
  createdByName: string;
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
  decidedAt: Date | null;
  decidedByName: string | null;
  /** The document's version that carries the adjusted targets, once approved. */
  approvedVersion: number | null;
}

export interface AdjustmentWithContent extends Adjustment {
  baseContent: TargetDocument;
  content: TargetDocument;
}

const COLUMNS = [
  'a.id',
  'a.document_id',
  'a.number',
  'a.state',
  'a.reason',
  'a.effective_date',
  'a.base_version',
  'a.version',
  'a.review_comment',
  'a.created_by_name',
  'a.created_at',
  'a.updated_at',
  'a.submitted_at',
  'a.decided_at',
  'a.decided_by_name',
  'a.approved_version',
] as const;

type Row = Omit<AdjustmentsTable, 'id' | 'version' | 'created_at' | 'updated_at' | 'base_content' | 'content' | 'created_by'> & {
  id: number;
  version: number;
  created_at: Date;
  updated_at: Date;
};

export const adjustmentOf = (r: Row): Adjustment => ({
  id: r.id,
  documentId: r.document_id,
  number: r.number,
  state: r.state,
  reason: r.reason,
  effectiveDate: r.effective_date,
  baseVersion: r.base_version,
  version: r.version,
  reviewComment: r.review_comment,
  createdByName: r.created_by_name,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  submittedAt: r.submitted_at,
  decidedAt: r.decided_at,
  decidedByName: r.decided_by_name,
  approvedVersion: r.approved_version,
});

export async function readAdjustment(db: Kysely<Database> | Transaction<Database>, id: number): Promise<AdjustmentWithContent | undefined> {
  const row = await adjustmentsDb(db)
    .selectFrom('adjustments as a')
    .select([...COLUMNS, 'a.base_content', 'a.content'])
    .where('a.id', '=', id)
    .executeTakeFirst();
  return row && { ...adjustmentOf(row), baseContent: row.base_content as TargetDocument, content: row.content as TargetDocument };
}

const NEWEST_FIRST: KeysetOrder = { name: 'adjustments', keys: [{ column: 'a.number', direction: 'desc', type: 'int' }] };

/** A document's requests, newest first; `approvedOnly` for what the public reads. */
export async function listAdjustments(
  db: Kysely<Database> | Transaction<Database>,
  documentId: number,
  page: PageRequest,
  approvedOnly = false,
): Promise<Page<Adjustment>> {
  let q = adjustmentsDb(db).selectFrom('adjustments as a').select(COLUMNS).where('a.document_id', '=', documentId);
  if (approvedOnly) q = q.where('a.state', '=', 'approved');
  const rows = await keysetQuery(q, NEWEST_FIRST, page).execute();
  return pageOf(NEWEST_FIRST, page, rows, adjustmentOf);
}

export interface QueuedAdjustment extends Adjustment {
  unitName: string;
  year: number;
}

const OLDEST_FIRST: KeysetOrder = { name: 'adjustment-queue', keys: [{ column: 'a.id', direction: 'asc', type: 'int' }] };

/** Requests in a state over the documents a user's lists show (a reviewer: the bureau and those under it), oldest first. */
export async function adjustmentQueue(
  db: Kysely<Database> | Transaction<Database>,
  scope: ListScope,
  state: AdjustmentState,
  page: PageRequest,
): Promise<Page<QueuedAdjustment>> {
  let q = adjustmentsDb(db)
    .selectFrom('adjustments as a')
    .innerJoin('documents as d', 'd.id', 'a.document_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select([...COLUMNS, 'u.name as unit_name', 'd.year'])
    .where('a.state', '=', state);
  if ('bureauId' in scope)
    q = q.where('u.bureau_id', 'in', (eb) =>
      eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', scope.bureauId),
    );
  if ('unitId' in scope) q = q.where('d.unit_id', '=', scope.unitId);
  if ('publishedOnly' in scope) q = q.where('d.status', '=', 'published');
  const rows = await keysetQuery(q, OLDEST_FIRST, page).execute();
  return pageOf(OLDEST_FIRST, page, rows, (r) => ({ ...adjustmentOf(r), unitName: r.unit_name, year: r.year }));
}
