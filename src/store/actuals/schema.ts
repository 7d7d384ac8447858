/**
 * The tables of migration 0002 as Kysely sees them, added to the store's own with `withTables`:
 * `actualsDb(db)` is the same connection (or transaction) with these tables known.
 */
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { Grade } from '../../core/evaluation/settings.ts';
import type { Light } from '../../core/monitoring/settings.ts';
import type { Severity } from '../../core/review/finding.ts';
import type { Database } from '../schema.ts';

/** A `date` column, read as ISO text "2020-06-30" (see ../database.ts). */
type DateText = string;
type Numeric = string;
type Json = ColumnType<unknown, string | null, string | null>;

interface Recorded {
  version: Generated<number>;
  recorded_by: number | null;
  recorded_by_name: string;
  recorded_at: Generated<Date>;
  updated_at: Generated<Date>;
}
export interface ProjectAnchor {
  document_id: number;
  /** The project's id when anchored: a token, not a foreign key (see ./anchors.ts). */
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
  derived_version: number | null;
  derived_stale: Generated<boolean>;
  evaluation_published_at: Date | null;
  evaluation_published_by_name: string | null;
  evaluation_snapshot: Json;
}
export interface BureauSettingsTable {
  bureau_id: number;
  monitoring: Json;
  evaluation: Json;
  /** Migration 0003. */
  review: ColumnType<unknown, string | null | undefined, string | null>;
  version: Generated<number>;
  updated_at: Generated<Date>;
  updated_by_name: string;
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
export interface DocumentRuleCountsTable {
  document_id: number;
  rule_id: string;
  severity: Severity;
  findings: number;
}

export type ActualsTables = {
  actual_spending: ActualSpendingTable;
  actual_values: ActualValuesTable;
  monitoring_notes: MonitoringNotesTable;
  evaluation_notes: EvaluationNotesTable;
  document_actuals_state: DocumentActualsStateTable;
  bureau_settings: BureauSettingsTable;
  project_monitoring: ProjectMonitoringTable;
  project_evaluation: ProjectEvaluationTable;
  document_rule_counts: DocumentRuleCountsTable;
};

export type ActualsDatabase = Database & ActualsTables;
export type Db = Kysely<ActualsDatabase> | Transaction<ActualsDatabase>;
export type Trx = Transaction<ActualsDatabase>;

/** The store's connection (or transaction) with the actuals tables known. */
export function actualsDb(db: Kysely<Database>): Kysely<ActualsDatabase>;
export function actualsDb(db: Transaction<Database>): Transaction<ActualsDatabase>;
export function actualsDb(db: Kysely<Database> | Transaction<Database>): Db;
export function actualsDb(db: Kysely<Database> | Transaction<Database>): Db {
  return db.withTables<ActualsTables>() as Db;
}
