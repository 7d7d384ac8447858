/**
 * Reading evaluations: one whole (its evaluators, findings and report's description), or a page of
 * them newest first, always within the caller's scope (./scope.ts).
 */
import type { Grade } from '../../core/evaluation/settings.ts';
import type { EvaluationKind, EvaluationState, FindingSeverity } from '../../core/evaluations/evaluation.ts';
import { firstPageTotal, keysetQuery, pageOf, type KeysetOrder, type Page, type PageRequest, type Total } from '../keyset.ts';
import type { Db } from '../schema.ts';
import { inScope, type EvaluationScope } from './scope.ts';

export type EvaluationSubject =
  | { kind: 'project'; documentId: number; unitId: number; unitName: string; projectCode: string; projectName: string }
  | { kind: 'policy'; policyName: string };

/** A finding (存在问题): its id stays the same for good, so a rectification item can name it. */
export interface EvaluationFinding {
  id: number;
  evaluationId: number;
  text: string;
  severity: FindingSeverity;
  /** The indicator, project or part of the policy it concerns, as the evaluator names it. */
  concerns: string | null;
}

export interface EvaluationReportInfo {
  fileName: string;
  contentType: string;
  size: number;
  uploadedAt: Date;
  uploadedByName: string;
}

export interface EvaluationSummary {
  id: number;
  bureauId: number;
  bureauName: string;
  year: number;
  kind: EvaluationKind;
  title: string;
  evaluatingBody: string;
  subject: EvaluationSubject;
  state: EvaluationState;
  score: string | null;
  grade: Grade | null;
  updatedAt: Date;
  version: number;
}

export interface Evaluation extends EvaluationSummary {
  summary: string;
  returnComment: string | null;
  createdByName: string;
  acceptedAt: Date | null;
  evaluators: { id: number; displayName: string; organisation: string }[];
  findings: EvaluationFinding[];
  report: EvaluationReportInfo | null;
}

const NEWEST_FIRST: KeysetOrder = { name: 'evaluations', keys: [{ column: 'evaluations.id', direction: 'desc', type: 'int' }] };

const COLUMNS = [
  'evaluations.id',
  'evaluations.bureau_id',
  'bureaus.name as bureau_name',
  'evaluations.year',
  'evaluations.kind',
  'evaluations.title',
  'evaluations.evaluating_body',
  'evaluations.document_id',
  'evaluations.unit_id',
  'units.name as unit_name',
  'evaluations.project_code',
  'evaluations.project_name',
  'evaluations.policy_name',
  'evaluations.state',
  'evaluations.score',
  'evaluations.grade',
  'evaluations.updated_at',
  'evaluations.version',
] as const;

const base = (db: Db) =>
  db
    .selectFrom('evaluations')
    .innerJoin('bureaus', 'bureaus.id', 'evaluations.bureau_id')
    .leftJoin('units', 'units.id', 'evaluations.unit_id');

type Row = {
  id: number;
  bureau_id: number;
  bureau_name: string;
  year: number;
  kind: EvaluationKind;
  title: string;
  evaluating_body: string;
  document_id: number | null;
  unit_id: number | null;
  unit_name: string | null;
  project_code: string | null;
  project_name: string | null;
  policy_name: string | null;
  state: EvaluationState;
  score: string | null;
  grade: Grade | null;
  updated_at: Date;
  version: number;
};

const summaryOf = (r: Row): EvaluationSummary => ({
  id: r.id,
  bureauId: r.bureau_id,
  bureauName: r.bureau_name,
  year: r.year,
  kind: r.kind,
  title: r.title,
  evaluatingBody: r.evaluating_body,
  subject:
    r.document_id !== null
      ? {
          kind: 'project',
          documentId: r.document_id,
          unitId: r.unit_id!,
          unitName: r.unit_name!,
          projectCode: r.project_code!,
          projectName: r.project_name!,
        }
      : { kind: 'policy', policyName: r.policy_name! },
  state: r.state,
  score: r.score,
  grade: r.grade,
  updatedAt: r.updated_at,
  version: r.version,
});

export interface EvaluationFilter {
  year?: number;
  state?: EvaluationState;
}

export async function listEvaluations(
  db: Db,
  scope: EvaluationScope,
  filter: EvaluationFilter,
  page: PageRequest,
): Promise<Page<EvaluationSummary> & { total: Total | null }> {
  let q = base(db).where((eb) => inScope(eb, scope));
  if (filter.year !== undefined) q = q.where('evaluations.year', '=', filter.year);
  if (filter.state !== undefined) q = q.where('evaluations.state', '=', filter.state);
  const [rows, total] = await Promise.all([keysetQuery(q.select(COLUMNS), NEWEST_FIRST, page).execute(), firstPageTotal(db, page, q)]);
  return { ...pageOf(NEWEST_FIRST, page, rows, (r) => summaryOf(r as Row)), total };
}

export async function findingsOf(db: Db, evaluationId: number): Promise<EvaluationFinding[]> {
  const rows = await db
    .selectFrom('evaluation_findings')
    .select(['id', 'evaluation_id', 'text', 'severity', 'concerns'])
    .where('evaluation_id', '=', evaluationId)
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ id: r.id, evaluationId: r.evaluation_id, text: r.text, severity: r.severity, concerns: r.concerns }));
}

/** One evaluation whole, if it is in the scope (undefined otherwise: the caller answers 404, not 403, so ids leak nothing). */
export async function readEvaluation(db: Db, id: number, scope: EvaluationScope): Promise<Evaluation | undefined> {
  const row = await base(db)
    .select(COLUMNS)
    .select(['evaluations.summary', 'evaluations.return_comment', 'evaluations.created_by_name', 'evaluations.accepted_at'])
    .where('evaluations.id', '=', id)
    .where((eb) => inScope(eb, scope))
    .executeTakeFirst();
  if (!row) return undefined;
  const [evaluators, findings, report] = await Promise.all([
    db
      .selectFrom('evaluation_assignees as a')
      .innerJoin('users as u', 'u.id', 'a.user_id')
      .select(['u.id', 'u.display_name', 'u.organisation'])
      .where('a.evaluation_id', '=', id)
      .orderBy('u.id')
      .execute(),
    findingsOf(db, id),
    db
      .selectFrom('evaluation_reports')
      .select(['file_name', 'content_type', 'size', 'uploaded_at', 'uploaded_by_name'])
      .where('evaluation_id', '=', id)
      .executeTakeFirst(),
  ]);
  return {
    ...summaryOf(row as Row),
    summary: row.summary,
    returnComment: row.return_comment,
    createdByName: row.created_by_name,
    acceptedAt: row.accepted_at,
    evaluators: evaluators.map((u) => ({ id: u.id, displayName: u.display_name, organisation: u.organisation ?? '' })),
    findings,
    report: report
      ? {
          fileName: report.file_name,
          contentType: report.content_type,
          size: report.size,
          uploadedAt: report.uploaded_at,
          uploadedByName: report.uploaded_by_name,
        }
      : null,
  };
}

/** The report file's bytes, if the evaluation (in scope) has one. */
export async function readReport(
  db: Db,
  id: number,
  scope: EvaluationScope,
): Promise<{ fileName: string; contentType: string; bytes: Buffer } | undefined> {
  const row = await db
    .selectFrom('evaluation_reports as r')
    .innerJoin('evaluations', 'evaluations.id', 'r.evaluation_id')
    .select(['r.file_name', 'r.content_type', 'r.content_base64'])
    .where('r.evaluation_id', '=', id)
    .where((eb) => inScope(eb, scope))
    .executeTakeFirst();
  return row && { fileName: row.file_name, contentType: row.content_type, bytes: Buffer.from(row.content_base64, 'base64') };
}
