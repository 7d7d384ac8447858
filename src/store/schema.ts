/**
 * The tables as Kysely sees them (see ./migrations for the DDL). Ids are bigint identities read
 * as numbers (exact below 2^53); amounts are NUMERIC read as decimal strings, never floats.
 */
import type { ColumnType, Generated, Insertable, Kysely, Selectable, Transaction } from 'kysely';

type Id = Generated<number>;
type Stamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** NUMERIC: written and read as exact decimal text. */
type Numeric = string;
type Json = ColumnType<unknown, string | null, string | null>;

export type Role = 'unit' | 'reviewer' | 'admin';
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
}
export interface SessionsTable {
  token_hash: string;
  user_id: number;
  created_at: Generated<Date>;
  last_seen_at: Stamp;
  expires_at: Stamp;
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
  /** The counts predate a change of the review settings: the background recount will redo them. */
  review_stale: Generated<boolean>;
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
export interface ProjectsTable {
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
export interface IndicatorsTable {
  id: Id;
  project_id: number;
  position: number;
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

export interface Database {
  bureaus: BureausTable;
  bureau_tree: BureauTreeTable;
  units: UnitsTable;
  users: UsersTable;
  sessions: SessionsTable;
  budget_years: BudgetYearsTable;
  documents: DocumentsTable;
  department_items: DepartmentItemsTable;
  projects: ProjectsTable;
  fund_sources: FundSourcesTable;
  spending_checkpoints: SpendingCheckpointsTable;
  goals: GoalsTable;
  indicators: IndicatorsTable;
  comments: CommentsTable;
  audit_log: AuditLogTable;
}

export type DocumentRow = Selectable<DocumentsTable>;
export type UserRow = Selectable<UsersTable>;
export type NewIndicator = Insertable<IndicatorsTable>;

/** The store's connection, or a transaction on it. */
export type Db = Kysely<Database> | Transaction<Database>;
export type Trx = Transaction<Database>;
