/**
 * The tables as Kysely sees them (see ./migrations for the DDL). Ids are bigint identities read
 * as numbers (exact below 2^53); amounts are NUMERIC read as decimal strings, never floats.
 */
import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely';
import type { Grade } from '../core/evaluation/settings.ts';
import type { EvaluationKind, EvaluationState, FindingSeverity } from '../core/evaluations/evaluation.ts';
import type { Light } from '../core/monitoring/settings.ts';
import type { Severity } from '../core/review/finding.ts';
import type { ProvincialIndicatorColumns, ProvincialProjectColumns } from './documents/model-columns.ts';

type Id = Generated<number>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** NUMERIC: written and read as exact decimal text. */
type Numeric = string;
type Json = ColumnType<unknown, string | null, string | null>;
/** A `date` column, read as ISO text "2020-06-30" (see ./database.ts). */
type DateText = string;

export type Role = 'unit' | 'reviewer' | 'admin' | 'evaluator';
export type DocumentStatus = 'draft' | 'submitted' | 'returned' | 'approved' | 'published';

export interface BureausTable {
  id: Id;
  code: string;
  name: string;
  parent_id: number | null;
  created_at: Generated<Date>;
}
export interface BureauTreeTable {
  ancestor_id: number;
  descendant_id: number;
  depth: number;
}
export interface UnitsTable {
  id: Id;
  code: string;
  name: string;
  bureau_id: number;
  created_at: Generated<Date>;
}
export interface UsersTable {
  id: Id;
  username: string;
  display_name: string;
  password_hash: string;
  role: Role;
  unit_id: number | null;
  bureau_id: number | null;
  disabled: Generated<boolean>;
  created_at: Generated<Date>;
  password_changed_at: Generated<Date>;
  must_change_password: Generated<boolean>;
  /** Migration 0022: an evaluator's institution (第三方机构); null for every other role. */
  organisation: Generated<string | null>;
}
export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Generated<Date>;
  last_seen_at: Stamp;
  expires_at: Stamp;
  /** Migration 0014: the primary's WAL position ("16/B374D848") after the session's last write. */
  write_lsn: string | null;
}
/** Migration 0014: counters shared by the app servers (rate limits, failed logins). */
export interface RateLimitsTable {
  key: string;
  hits: number;
  expires_at: Date;
}
export interface BudgetYearsTable {
  year: number;
  created_at: Generated<Date>;
}
export interface DocumentsTable {
  id: Id;
  unit_id: number;
  year: number;
  status: DocumentStatus;
  version: Generated<number>;
  unit_code_as_written: string | null;
  unit_name_as_written: string;
  has_department: Generated<boolean>;
  overall_goal: Generated<string>;
  copied_from_id: number | null;
  project_count: Generated<number>;
  budget_total: Generated<Numeric>;
  error_count: Generated<number>;
  warning_count: Generated<number>;
  info_count: Generated<number>;
  /** Migration 0010: 部门整体 年度预算安排; no unit, no such table. */
  funds_amount_unit: '万元' | '元' | null;
  funds_total: Numeric | null;
  funds_project: Numeric | null;
  funds_basic: Numeric | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  submitted_at: Date | null;
  approved_at: Date | null;
  published_at: Date | null;
}
export interface DepartmentItemsTable {
  id: Id;
  document_id: number;
  section: 'subGoals' | 'safeguards';
  parent_id: number | null;
  position: number;
  label: string;
  text: string;
}
/** Migration 0010: the header fields only some forms print. */
export interface ProjectsTable extends ProvincialProjectColumns {
  id: Id;
  document_id: number;
  position: number;
  code: string;
  name: string;
  unit_code_as_written: string | null;
  unit_name_as_written: string;
  amount_unit: '万元' | '元';
  budget_total: Numeric | null;
  budget_fiscal: Numeric | null;
  budget_other: Numeric | null;
  use_of_funds: string;
  department: string | null;
  attribute: '新增' | '延续' | null;
  period: string | null;
  budget_medium_term: Numeric | null;
  indicator_count: Generated<number>;
  error_count: Generated<number>;
  warning_count: Generated<number>;
  info_count: Generated<number>;
  updated_at: Generated<Date>;
}
export interface FundSourcesTable {
  project_id: number;
  position: number;
  name: string;
  amount: Numeric | null;
}
export interface SpendingCheckpointsTable {
  project_id: number;
  position: number;
  checkpoint: string;
  percent: Numeric | null;
}
export interface GoalsTable {
  project_id: number;
  position: number;
  term: 'annual' | 'longTerm';
  text: string;
}
/** An indicator row's own columns and their derived reading, whoever owns the row. */
export interface IndicatorColumns extends ProvincialIndicatorColumns {
  term: 'annual' | 'longTerm';
  level1: string;
  level2: string;
  level3: string;
  description: string;
  target: string;
  basis: string;
  remark: string;
  level1_kind: string | null;
  level2_kind: string | null;
  target_kind: string;
  target_operator: string | null;
  target_value: Numeric | null;
  target_unit: string | null;
  /** Migration 0016: the family of its measure (core/library/family-key.ts); null where the wording is only numbers. */
  family_key: string | null;
}
export interface IndicatorsTable extends IndicatorColumns {
  id: Id;
  project_id: number;
  position: number;
}
/** Migration 0010: 部门整体支出 indicators. */
export interface DepartmentIndicatorsTable extends IndicatorColumns {
  document_id: number;
  position: number;
}
/** Migration 0010: 年度履职目标. */
export interface DepartmentDutiesTable {
  document_id: number;
  position: number;
  duty: string;
  task: string;
  project_name: string;
  amount: Numeric | null;
}
export interface CommentsTable {
  id: Id;
  document_id: number;
  project_id: number | null;
  project_code: string | null;
  indicator_index: number | null;
  field: string | null;
  author_id: number;
  body: string;
  created_at: Generated<Date>;
  resolved_at: Date | null;
  resolved_by: number | null;
}
export interface AuditLogTable {
  id: Id;
  at: Generated<Date>;
  actor_id: number | null;
  actor_name: string;
  action: string;
  entity: string;
  entity_id: string;
  document_id: number | null;
  before: Json;
  after: Json;
}

// ── Actuals (migration 0002): what units record against approved targets, and what is derived from it ──

interface Recorded {
  version: Generated<number>;
  recorded_by: number | null;
  recorded_by_name: string;
  recorded_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface ProjectAnchor {
  document_id: number;
  /** The project's id when anchored: a token, not a foreign key (see ./actuals/anchors.ts). */
  project_id: number;
  project_code: string;
}
export interface IndicatorAnchor {
  /** The row's id when anchored (a token), and what the row was then; null for the project itself. */
  indicator_id: number | null;
  indicator_index: number | null;
  indicator_description: Generated<string>;
  indicator_target: Generated<string>;
}

export interface ActualSpendingTable extends ProjectAnchor, Recorded {
  id: Generated<number>;
  date: DateText;
  cumulative: Numeric;
  note: Generated<string>;
}
export interface ActualValuesTable extends ProjectAnchor, IndicatorAnchor, Recorded {
  id: Generated<number>;
  date: DateText;
  value: string;
  note: Generated<string>;
}
export interface MonitoringNotesTable extends ProjectAnchor, IndicatorAnchor, Recorded {
  id: Generated<number>;
  date: DateText;
  cause_category: string | null;
  cause_text: Generated<string>;
  likelihood: string | null;
  measure: Generated<string>;
  expected_year_end: Generated<string>;
}
export interface EvaluationNotesTable extends ProjectAnchor, IndicatorAnchor, Recorded {
  id: Generated<number>;
  not_applicable: Generated<boolean>;
  /** Migration 0005: why the row does not apply (required for new notes). */
  not_applicable_reason: Generated<string>;
  analysis: Generated<string>;
  points: Numeric | null;
  grade_percent: Numeric | null;
  adjusted_budget: Numeric | null;
  results: Generated<string>;
}
export interface DocumentActualsStateTable {
  document_id: number;
  revision: Generated<number>;
  evaluation_published_at: Date | null;
  evaluation_published_by_name: string | null;
  evaluation_snapshot: Json;
}
export interface ProjectMonitoringTable {
  project_id: number;
  valid_from: DateText;
  valid_to: DateText;
  document_id: number;
  project_code: string;
  project_name: string;
  position: number;
  light: Light;
  light_rank: number;
  execution_light: Light;
  budget: Numeric | null;
  spent: Numeric;
  rate: Numeric | null;
  planned: Numeric;
  shortfall: Numeric | null;
  flagged_indicators: number;
  /** Migration 0005. */
  unreported_indicators: number;
  missing_explanations: number;
  /** Migration 0011: the document's keys, and the warning list's order (-light_rank; -shortfall, none last). */
  unit_id: number;
  bureau_id: number;
  year: number;
  status: DocumentStatus;
  unit_code: string;
  order_light: number;
  order_shortfall: Numeric;
}
export interface ProjectEvaluationTable {
  project_id: number;
  document_id: number;
  project_code: string;
  project_name: string;
  position: number;
  budget: Numeric | null;
  spent: Numeric | null;
  rate: Numeric | null;
  points: Numeric;
  total: Numeric;
  grade: Grade;
  error_count: number;
}
// ── Bureau settings and review counts ──

export interface BureauSettingsTable {
  bureau_id: number;
  monitoring: Json;
  evaluation: Json;
  /** Migration 0003. */
  review: ColumnType<unknown, string | null | undefined, string | null>;
  /** Migration 0009: the picked form profile's id; null inherits. */
  form_profile: ColumnType<string | null, string | null | undefined, string | null>;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by_name: string;
}
/** Migration 0017: a project's 事前绩效评估 (src/core/ex-ante/assessment.ts). */
export interface ExAnteAssessmentsTable {
  project_id: number;
  document_id: number;
  content: ColumnType<unknown, string, string>;
  state: 'complete' | 'rejected' | 'incomplete';
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by_name: string;
}
/** Migration 0022: 绩效评价 (docs/evaluations.md). */
export interface EvaluationsTable {
  id: Id;
  bureau_id: number;
  year: number;
  kind: EvaluationKind;
  title: string;
  evaluating_body: string;
  document_id: number | null;
  unit_id: number | null;
  project_code: string | null;
  project_name: string | null;
  policy_name: string | null;
  state: EvaluationState;
  score: Numeric | null;
  grade: Grade | null;
  summary: Generated<string>;
  return_comment: string | null;
  created_by_name: string;
  accepted_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Stamp;
  version: Generated<number>;
}
export interface EvaluationAssigneesTable {
  evaluation_id: number;
  user_id: number;
}
export interface EvaluationFindingsTable {
  id: Id;
  evaluation_id: number;
  text: string;
  severity: FindingSeverity;
  concerns: string | null;
  created_at: Generated<Date>;
}
export interface EvaluationReportsTable {
  evaluation_id: number;
  file_name: string;
  content_type: string;
  size: number;
  content_base64: string;
  uploaded_by_name: string;
  uploaded_at: Stamp;
}
/** Migration 0023: a 整改 item (src/core/rectification/item.ts). */
export interface RectificationsTable {
  id: Id;
  source_kind: 'review' | 'selfEvaluation' | 'evaluation';
  source_rule_id: string | null;
  /** No foreign key yet: the evaluations' table comes with issue 17 part 2. */
  source_evaluation_id: number | null;
  source_finding_id: number | null;
  document_id: number;
  project_id: number | null;
  project_code: string | null;
  project_name: string | null;
  indicator_index: number | null;
  field: Generated<string>;
  unit_id: number;
  bureau_id: number;
  year: number;
  severity: Severity | null;
  finding: string;
  suggestion: Generated<string>;
  requirement: Generated<string>;
  deadline: DateText;
  state: 'open' | 'responded' | 'closed' | 'reopened';
  response: Generated<string>;
  responded_at: Date | null;
  responded_by_name: string | null;
  closing_note: Generated<string>;
  closed_at: Date | null;
  closed_by_name: string | null;
  carried_to_document_id: number | null;
  created_at: Generated<Date>;
  created_by_name: string;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
export interface RectificationFilesTable {
  id: Id;
  rectification_id: number;
  file_name: string;
  size: number;
  content_base64: string;
  uploaded_at: Generated<Date>;
  uploaded_by_name: string;
}
export interface DocumentRuleCountsTable {
  document_id: number;
  rule_id: string;
  severity: Severity;
  findings: number;
}

// ── Aggregates maintained on write (migration 0011, ./aggregates) ──

/** What a document or a bureau adds up to: the columns rollups sum. */
export interface AggregateCounts {
  projects: number;
  budget_total: Numeric;
  with_errors: number;
  evaluated: number;
  grade_excellent: number;
  grade_good: number;
  grade_fair: number;
  grade_poor: number;
  band_0: number;
  band_1: number;
  band_2: number;
  band_3: number;
  band_4: number;
}
export interface DocumentAggregatesTable extends AggregateCounts {
  document_id: number;
  unit_id: number;
  bureau_id: number;
  year: number;
  status: DocumentStatus;
  /** [{rule_id, severity, findings}]: what the document added to its bureau's rule counts. */
  rule_counts: ColumnType<RuleCount[], string, string>;
}
export interface RuleCount {
  rule_id: string;
  severity: Severity;
  findings: number;
}
/** A state of monitoring summed over projects: Σ 全年预算数, Σ spent (of projects with a budget), Σ budget × planned %, projects per light. */
export interface MonitoringSums {
  budget: Numeric;
  spent: Numeric;
  planned_amount: Numeric;
  green: number;
  yellow: number;
  red: number;
  /** Projects with an indicator row not reported (未填报). */
  unreported: number;
}
export interface DocumentMonitoringTable extends MonitoringSums {
  document_id: number;
  valid_from: DateText;
  valid_to: DateText;
  unit_id: number;
  bureau_id: number;
  year: number;
  status: DocumentStatus;
}
export interface BureauYearTotalsTable extends AggregateCounts {
  bureau_id: number;
  year: number;
  status: DocumentStatus;
  documents: number;
}
export interface BureauRuleCountsTable {
  bureau_id: number;
  year: number;
  rule_id: string;
  severity: Severity;
  findings: number;
  documents: number;
}
/** The bureau's documents of a year and status, summed, from `valid_from` to the next row's. */
export interface BureauMonitoringTable extends MonitoringSums {
  bureau_id: number;
  year: number;
  status: DocumentStatus;
  valid_from: DateText;
}
/** Units per bureau (its own, not those below), kept by a trigger on `units` (migration 0011). */
export interface BureauUnitsTable {
  bureau_id: number;
  units: number;
}
export interface DerivedWorkTable {
  kind: 'bureau' | 'document';
  target_id: number;
  /** The bureau itself, or the document's unit's bureau when queued: what `pending` counts by. */
  bureau_id: number;
  /** Recount the review findings too (the review settings or the form profile changed). */
  review: boolean;
  enqueued_at: Generated<Date>;
  /** Moves on each time the item is queued again, so a worker finishing an older round leaves it queued. */
  generation: Generated<number>;
  claimed_by: string | null;
  claimed_until: Date | null;
}

// ── The indicator library (migration 0015, ./library) ──

export interface LibraryEntriesTable {
  id: Id;
  /** NULL: the national library (the 财政部 framework). */
  bureau_id: number | null;
  /** The core entry's id (LibraryEntry.id), unique within its bureau. */
  code: string;
  level1: string;
  level2: string;
  level3: string;
  description: Generated<string>;
  unit: string | null;
  direction: 'higher' | 'lower' | 'exact' | null;
  target: string | null;
  explanation: string | null;
  method: string | null;
  data_source: string | null;
  field: string;
  source_kind: 'framework' | 'bureau' | 'learned';
  source_reference: string | null;
  state: 'proposed' | 'approved' | 'refused' | 'retired';
  reason: string | null;
  family_key: string | null;
  proposed_by_unit_id: number | null;
  proposed_by_user_id: number | null;
  decided_by_user_id: number | null;
  decided_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}

export interface EvaluationTasksTable {
  id: Id;
  bureau_id: number;
  year: number;
  title: string;
  deadline: DateText;
  scope: ColumnType<unknown, string, string>;
  assigned: number;
  version: Generated<number>;
  created_at: Generated<Date>;
  created_by_name: string;
}
export type AssignmentStateText = 'notStarted' | 'inProgress' | 'submitted' | 'returned' | 'accepted';
export interface EvaluationAssignmentsTable {
  id: Id;
  task_id: number;
  unit_id: number;
  unit_code: string;
  project_codes: Json;
  state: Generated<AssignmentStateText>;
  document_id: number | null;
  self_score: Numeric | null;
  self_grade: Grade | null;
  submitted_at: Stamp | null;
  review_comment: Generated<string>;
  reviewed_by_name: string | null;
  reviewed_at: Stamp | null;
  version: Generated<number>;
}
export interface EvaluationSamplesTable {
  task_id: number;
  seed: string;
  size: ColumnType<unknown, string, string>;
  population: ColumnType<unknown, string, string>;
  drawn_at: Generated<Date>;
  drawn_by_name: string;
}
export interface EvaluationRechecksTable {
  id: Id;
  task_id: number;
  assignment_id: number;
  position: number;
  score: Numeric | null;
  grade: Grade | null;
  findings: Generated<string>;
  rechecked_by_name: string | null;
  rechecked_at: Stamp | null;
  version: Generated<number>;
}
// ── 绩效目标批复 (migration 0019, ./notices) ──

export type NoticeState = 'draft' | 'issued' | 'withdrawn';
export interface ApprovalNoticesTable {
  id: Id;
  bureau_id: number;
  year: number;
  /** 文号, unique per bureau and year. */
  number: string;
  title: string;
  notice_date: DateText;
  body: Generated<string>;
  state: NoticeState;
  withdrawn_reason: string | null;
  issued_at: Date | null;
  issued_by_name: string | null;
  withdrawn_at: Date | null;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
  version: Generated<number>;
}
export interface ApprovalNoticeDocumentsTable {
  notice_id: number;
  document_id: number;
  /** The document's version the notice covers (approved or published). */
  document_version: number;
  unit_id: number;
  /** Its notice's state, kept in step (one issued notice per document version: a partial unique index). */
  state: NoticeState;
  /** The TargetDocument as issued; null while the notice is a draft. */
  content: ColumnType<unknown, string | null | undefined, string | null>;
  added_at: Generated<Date>;
}

// ── History and suggestions (migration 0016, ./library) ──

export interface LibraryDocumentsTable {
  document_id: number;
  unit_id: number;
  status: DocumentStatus;
  version: number;
}
export interface LibraryProjectsTable {
  project_id: number;
  document_id: number;
  unit_id: number;
  year: number;
  status: DocumentStatus;
  name: string;
  category: string | null;
  field: string | null;
}
export interface LibraryProjectPairsTable {
  pair: string;
  year: number;
  project_id: number;
}
export interface LibraryDocumentValuesTable {
  document_id: number;
  unit_id: number;
  published: boolean;
  family_key: string;
  value: string;
  operator: string;
  grade: string;
  uses: number;
}
export type LibraryScope = 'all' | 'published';
export interface LibraryFamilyValuesTable {
  scope: LibraryScope;
  family_key: string;
  value: string;
  operator: string;
  grade: string;
  uses: number;
}
export interface LibraryFamilyUnitsTable {
  scope: LibraryScope;
  family_key: string;
  unit_id: number;
  uses: number;
}
export interface LibraryFamiliesTable {
  scope: LibraryScope;
  family_key: string;
  uses: number;
  units: number;
}

export interface Database {
  bureaus: BureausTable;
  bureau_tree: BureauTreeTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  rate_limits: RateLimitsTable;
  budget_years: BudgetYearsTable;
  documents: DocumentsTable;
  department_items: DepartmentItemsTable;
  department_duties: DepartmentDutiesTable;
  department_indicators: DepartmentIndicatorsTable;
  projects: ProjectsTable;
  fund_sources: FundSourcesTable;
  spending_checkpoints: SpendingCheckpointsTable;
  goals: GoalsTable;
  indicators: IndicatorsTable;
  comments: CommentsTable;
  audit_log: AuditLogTable;
  actual_spending: ActualSpendingTable;
  actual_values: ActualValuesTable;
  monitoring_notes: MonitoringNotesTable;
  evaluation_notes: EvaluationNotesTable;
  document_actuals_state: DocumentActualsStateTable;
  project_monitoring: ProjectMonitoringTable;
  project_evaluation: ProjectEvaluationTable;
  bureau_settings: BureauSettingsTable;
  document_rule_counts: DocumentRuleCountsTable;
  document_aggregates: DocumentAggregatesTable;
  document_monitoring: DocumentMonitoringTable;
  bureau_year_totals: BureauYearTotalsTable;
  bureau_rule_counts: BureauRuleCountsTable;
  bureau_monitoring: BureauMonitoringTable;
  bureau_units: BureauUnitsTable;
  derived_work: DerivedWorkTable;
  library_entries: LibraryEntriesTable;
  ex_ante_assessments: ExAnteAssessmentsTable;
  evaluation_tasks: EvaluationTasksTable;
  evaluation_assignments: EvaluationAssignmentsTable;
  evaluation_samples: EvaluationSamplesTable;
  evaluation_rechecks: EvaluationRechecksTable;
  transfer_funds: TransferFundsTable;
  transfer_allocations: TransferAllocationsTable;
  transfer_breakdowns: TransferBreakdownsTable;
  approval_notices: ApprovalNoticesTable;
  approval_notice_documents: ApprovalNoticeDocumentsTable;
  evaluations: EvaluationsTable;
  evaluation_assignees: EvaluationAssigneesTable;
  evaluation_findings: EvaluationFindingsTable;
  evaluation_reports: EvaluationReportsTable;
  library_documents: LibraryDocumentsTable;
  library_projects: LibraryProjectsTable;
  library_project_pairs: LibraryProjectPairsTable;
  library_document_values: LibraryDocumentValuesTable;
  library_family_values: LibraryFamilyValuesTable;
  library_family_units: LibraryFamilyUnitsTable;
  library_families: LibraryFamiliesTable;
  rectifications: RectificationsTable;
  rectification_files: RectificationFilesTable;
}

/** Migration 0020: 转移支付区域绩效目标 (see ./transfer/). */
export interface TransferFundsTable {
  id: Id;
  bureau_id: number;
  year: number;
  code: string;
  name: string;
  department: string;
  amount: Numeric;
  amount_central: Numeric | null;
  amount_local: Numeric | null;
  goal: string;
  indicators: Json;
  state: 'draft' | 'issued';
  version: Generated<number>;
  issued_at: Date | null;
  updated_at: Generated<Date>;
}
export interface TransferAllocationsTable {
  id: Id;
  fund_id: number;
  bureau_id: number;
  position: number;
  amount: Numeric;
  targets: Json;
  state: 'issued' | 'accepted';
  version: Generated<number>;
}
export interface TransferBreakdownsTable {
  id: Id;
  allocation_id: number;
  project_id: number;
  amount: Numeric;
  mapping: Json;
  version: Generated<number>;
  updated_at: Generated<Date>;
}

export type DocumentRow = Selectable<DocumentsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewIndicator = Insertable<IndicatorsTable>;

/** The store's connection, or a transaction on it. */
export type Db = Kysely<Database> | Transaction<Database>;
export type Trx = Transaction<Database>;
