/**
 * The shapes of the actuals, monitoring, self-evaluation, dashboard and settings endpoints, read
 * from the server's contract (src/server/actuals-schemas.ts) as types only; the parts the UI names
 * on their own are picked out of them.
 */
import type { CauseCategory, Likelihood } from '../../core/actuals/actuals.ts';
import type { Grade } from '../../core/evaluation/settings.ts';
import type { IndicatorLight, Light } from '../../core/monitoring/settings.ts';
import type * as Api from '../../server/actuals-schemas.ts';
import type { Wire } from './types.ts';

export type { CauseCategory, Grade, IndicatorLight, Light, Likelihood };

// ── Records ────────────────────────────────────────────────────────────────────────────────

export type SpendingRecord = Wire<typeof Api.SpendingRecord>;
export type ValueRecord = Wire<typeof Api.ValueRecord>;
export type MonitoringNoteRecord = Wire<typeof Api.MonitoringNoteRecord>;
export type EvaluationNoteRecord = Wire<typeof Api.EvaluationNoteRecord>;

/** GET /api/projects/:id/actuals adds the revision (the actuals' ETag) to the recording state the reports carry. */
export type RecordingState = DocumentMonitoring['recording'] & { revision: number };

export type ProjectRecords = Wire<typeof Api.DocumentRecords> & { recording: RecordingState };

/** The four kinds as the paths name them. */
export type RecordKind = 'spending' | 'values' | 'monitoring-notes' | 'evaluation-notes';

export type SpendingInput = Wire<typeof Api.SpendingInput>;
export type ValueInput = Wire<typeof Api.ValueInput>;
export type MonitoringNoteInput = Wire<typeof Api.MonitoringNoteInput>;
export type EvaluationNoteInput = Wire<typeof Api.EvaluationNoteInput>;
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

export type ImportPlan = Wire<typeof Api.ImportPlan>;
export type ImportPlanChange = ImportPlan['changed'][number];

// ── Monitoring and evaluation ──────────────────────────────────────────────────────────────

export type ProjectMonitoring = Wire<typeof Api.ProjectMonitoring>;
export type IndicatorMonitoring = ProjectMonitoring['indicators'][number];
export type Explanation = ProjectMonitoring['explanation'];
export type DocumentMonitoring = Wire<typeof Api.DocumentMonitoring>;

export type DocumentEvaluation = Wire<typeof Api.DocumentEvaluation>;
export type ProjectEvaluation = DocumentEvaluation['projects'][number];
export type IndicatorEvaluation = ProjectEvaluation['indicators'][number];
export type PublishedEvaluation = Wire<typeof Api.PublishedEvaluation>;

/** GET /api/monitoring/projects also says how many documents' figures were still being brought up to date. */
export type WarningList = Wire<typeof Api.WarningList> & { pending: number };
export type WarningItem = WarningList['items'][number];

// ── Dashboards ─────────────────────────────────────────────────────────────────────────────

export type ApiChart = Wire<typeof Api.Chart>;
export type Dashboard = Wire<typeof Api.Dashboard>;
export type BureauDashboard = Wire<typeof Api.BureauDashboard>;

// ── Settings ───────────────────────────────────────────────────────────────────────────────

export type BureauSettings = Wire<typeof Api.BureauSettings>;
export type OwnSettings = BureauSettings['own'];
