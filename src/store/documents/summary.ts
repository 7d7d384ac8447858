/**
 * What a document's meta (./read.ts) and its list item (src/store/listing.ts) both
 * read of its row: one column list and one mapping, so the two cannot drift apart.
 */
import type { Selectable } from 'kysely';
import type { DocumentStatus, DocumentsTable, UnitsTable } from '../schema.ts';

export interface DocumentSummary {
  id: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  bureauId: number;
  year: number;
  status: DocumentStatus;
  version: number;
  projectCount: number;
  budgetTotal: string;
  findingCounts: { error: number; warning: number; info: number };
  updatedAt: Date;
  submittedAt: Date | null;
  publishedAt: Date | null;
}

/** The columns of DocumentSummary, selected from `documents as d` joined with `units as u`. */
export const SUMMARY_COLUMNS = [
  'd.id',
  'd.unit_id',
  'u.code as unit_code',
  'u.name as unit_name',
  'u.bureau_id',
  'd.year',
  'd.status',
  'd.version',
  'd.project_count',
  'd.budget_total',
  'd.error_count',
  'd.warning_count',
  'd.info_count',
  'd.updated_at',
  'd.submitted_at',
  'd.published_at',
] as const;

type SummaryRow = Pick<
  Selectable<DocumentsTable>,
  | 'id'
  | 'unit_id'
  | 'year'
  | 'status'
  | 'version'
  | 'project_count'
  | 'budget_total'
  | 'error_count'
  | 'warning_count'
  | 'info_count'
  | 'updated_at'
  | 'submitted_at'
  | 'published_at'
> & { unit_code: Selectable<UnitsTable>['code']; unit_name: Selectable<UnitsTable>['name']; bureau_id: number };

export const documentSummaryOf = (r: SummaryRow): DocumentSummary => ({
  id: r.id,
  unitId: r.unit_id,
  unitCode: r.unit_code,
  unitName: r.unit_name,
  bureauId: r.bureau_id,
  year: r.year,
  status: r.status,
  version: r.version,
  projectCount: r.project_count,
  budgetTotal: r.budget_total,
  findingCounts: { error: r.error_count, warning: r.warning_count, info: r.info_count },
  updatedAt: r.updated_at,
  submittedAt: r.submitted_at,
  publishedAt: r.published_at,
});
