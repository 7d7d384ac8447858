/**
 * The shapes of the actuals, monitoring, self-evaluation, dashboard and settings endpoints, read
 * from the server's contract (src/server/*-schemas.ts) as types only; the parts the UI names on
 * their own are picked out of them.
 */
import type { CauseCategory, Likelihood } from '../../core/actuals/actuals.ts';
import type { Grade } from '../../core/evaluation/settings.ts';
import type { IndicatorLight, Light } from '../../core/monitoring/settings.ts';
import type * as Records from '../../server/actuals-schemas.ts';
import type * as Dashboards from '../../server/dashboard-schemas.ts';
import type * as Evaluation from '../../server/evaluation-schemas.ts';
import type * as Monitoring from '../../server/monitoring-schemas.ts';
import type * as Settings from '../../server/settings-schemas.ts';
import type { Wire } from './types.ts';

export type { CauseCategory, Grade, IndicatorLight, Light, Likelihood };

// ── Records ────────────────────────────────────────────────────────────────────────────────

export type SpendingRecord = Wire<typeof Records.SpendingRecord>;
export type ValueRecord = Wire<typeof Records.ValueRecord>;
export type MonitoringNoteRecord = Wire<typeof Records.MonitoringNoteRecord>;
export type EvaluationNoteRecord = Wire<typeof Records.EvaluationNoteRecord>;

/** GET /api/projects/:id/actuals adds the revision (the actuals' ETag) to the recording state the reports carry. */
export type RecordingState = DocumentMonitoring['recording'] & { revision: number };

export type ProjectRecords = Wire<typeof Records.DocumentRecords> & { recording: RecordingState };

/** The four kinds as the paths name them. */
export type RecordKind = 'spending' | 'values' | 'monitoring-notes' | 'evaluation-notes';

export type SpendingInput = Wire<typeof Records.SpendingInput>;
export type ValueInput = Wire<typeof Records.ValueInput>;
export type MonitoringNoteInput = Wire<typeof Records.MonitoringNoteInput>;
export type EvaluationNoteInput = Wire<typeof Records.EvaluationNoteInput>;
export interface RecordInputs {
  spending: SpendingInput;
  values: ValueInput;
  'monitoring-notes': MonitoringNoteInput;
  'evaluation-notes': EvaluationNoteInput;
}
export interface RecordsOf {
  spending: SpendingRecord;
  values: ValueRecord;
  'monitoring-notes': MonitoringNoteRecord;
  'evaluation-notes': EvaluationNoteRecord;
}

export type ImportPlan = Wire<typeof Records.ImportPlan>;
export type ImportPlanChange = ImportPlan['changed'][number];

// ── Monitoring and evaluation ──────────────────────────────────────────────────────────────

export type ProjectMonitoring = Wire<typeof Monitoring.ProjectMonitoring>;
export type IndicatorMonitoring = ProjectMonitoring['indicators'][number];
export type Explanation = ProjectMonitoring['explanation'];
export type DocumentMonitoring = Wire<typeof Monitoring.DocumentMonitoring>;

export type DocumentEvaluation = Wire<typeof Evaluation.DocumentEvaluation>;
export type ProjectEvaluation = DocumentEvaluation['projects'][number];
export type IndicatorEvaluation = ProjectEvaluation['indicators'][number];
export type PublishedEvaluation = Wire<typeof Evaluation.PublishedEvaluation>;

/**
 * GET /api/monitoring/projects also gives the next page's cursor, and says how many queued rebuilds
 * still touch the list (its figures may lag until the background worker is done).
 */
export type WarningList = Wire<typeof Monitoring.WarningList> & { pending: number; nextCursor: string | null };
export type WarningItem = WarningList['items'][number];

// ── Dashboards ─────────────────────────────────────────────────────────────────────────────

export type ApiChart = Wire<typeof Dashboards.Chart>;
export type Dashboard = Wire<typeof Dashboards.Dashboard>;
export type BureauDashboard = Wire<typeof Dashboards.BureauDashboard>;

// ── Settings ───────────────────────────────────────────────────────────────────────────────

export type BureauSettings = Wire<typeof Settings.BureauSettings>;
export type OwnSettings = BureauSettings['own'];
