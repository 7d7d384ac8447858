/**
 * The shapes of the actuals, monitoring, self-evaluation, dashboard, settings and admin endpoints
 * as the UI reads them (src/server/actuals-schemas.ts and src/server/routes/* are the contract;
 * the core's own types are used where the API sends them as they are).
 */
import type { CauseCategory, Likelihood } from '../../core/actuals/actuals.ts';
import type { EvaluationSettings, Family, Grade } from '../../core/evaluation/settings.ts';
import type { Light, MonitoringSettings } from '../../core/monitoring/settings.ts';
import type { ReviewSettings } from '../../core/review/settings.ts';
import type { Finding } from '../../core/review/finding.ts';

export type { CauseCategory, Family, Grade, Light, Likelihood };

// ── Records ────────────────────────────────────────────────────────────────────────────────

interface RecordBase {
  id: number;
  version: number;
  projectId: number | null;
  projectCode: string;
  orphaned: boolean;
  recordedBy: string;
  recordedAt: string;
  updatedAt: string;
}
interface IndicatorRef {
  index: number | null;
  indicatorId: number | null;
  indicatorDescription: string;
}
export interface Cause {
  category: CauseCategory;
  text: string;
}

export interface SpendingRecord extends RecordBase {
  date: string;
  cumulative: string;
  note: string;
}
export interface ValueRecord extends RecordBase, IndicatorRef {
  index: number;
  date: string;
  value: string;
  note: string;
}
export interface MonitoringNoteRecord extends RecordBase, IndicatorRef {
  date: string;
  cause: Cause | null;
  likelihood: Likelihood | null;
  measure: string;
  expectedYearEnd: string;
}
export interface EvaluationNoteRecord extends RecordBase, IndicatorRef {
  notApplicable: boolean;
  analysis: string;
  points: string | null;
  gradePercent: string | null;
  adjustedBudget: string | null;
  results: string;
}

export interface RecordingState {
  revision: number;
  open: boolean;
  evaluationPublishedAt: string | null;
}

export interface ProjectRecords {
  spending: SpendingRecord[];
  values: ValueRecord[];
  monitoringNotes: MonitoringNoteRecord[];
  evaluationNotes: EvaluationNoteRecord[];
  recording: RecordingState;
}

/** The four kinds as the paths name them. */
export type RecordKind = 'spending' | 'values' | 'monitoring-notes' | 'evaluation-notes';

export interface SpendingInput {
  date: string;
  cumulative: string;
  note?: string;
}
export interface ValueInput {
  index: number;
  date: string;
  value: string;
  note?: string;
}
export interface MonitoringNoteInput {
  index: number | null;
  date: string;
  cause?: Cause | null;
  likelihood?: Likelihood | null;
  measure?: string;
  expectedYearEnd?: string;
}
export interface EvaluationNoteInput {
  index: number | null;
  notApplicable?: boolean;
  analysis?: string;
  points?: string | null;
  gradePercent?: string | null;
  adjustedBudget?: string | null;
  results?: string;
}
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

export interface ImportPlanChange {
  kind: 'spending' | 'values' | 'monitoringNotes' | 'evaluationNotes';
  projectCode: string;
  index: number | null;
  date: string | null;
  before: unknown;
  after: unknown;
}
export interface ImportPlan {
  counts: { spending: number; values: number; monitoringNotes: number; evaluationNotes: number };
  created: number;
  changed: ImportPlanChange[];
  unchanged: number;
}

// ── Monitoring and evaluation ──────────────────────────────────────────────────────────────

export type CompletionView =
  | { kind: 'quantitative'; method: 'higher' | 'lower' | 'exact' | 'range'; met: boolean }
  | { kind: 'qualitative'; band: 'achieved' | 'partial' | 'unmet'; met: boolean }
  | { kind: 'notComparable'; reason: string };

export interface Explanation {
  cause: Cause | null;
  likelihood: Likelihood | null;
  measure: string;
  expectedYearEnd: string;
}
export interface ActualOnDate {
  value: string;
  date: string;
  note: string;
}

export interface IndicatorMonitoring {
  index: number;
  level1: string;
  level2: string;
  level3: string;
  description: string;
  target: string;
  actual: ActualOnDate | null;
  completion: CompletionView;
  progress: string | null;
  explanation: Explanation;
  light: Light;
}

export type LightReason = { kind: 'execution'; light: Light; shortfall: string } | { kind: 'likelihood'; light: Light; index: number };

export interface ProjectMonitoring {
  projectCode: string;
  projectName: string;
  date: string;
  execution: {
    budget: string | null;
    spent: string;
    spentAsOf: string | null;
    rate: string | null;
    checkpoint: { label: string; date: string; percent: string } | null;
    planned: string;
    shortfall: string | null;
    light: Light;
  };
  indicators: IndicatorMonitoring[];
  explanation: Explanation;
  light: Light;
  reasons: LightReason[];
  findings: Finding[];
}

export interface LightCounts {
  green: number;
  yellow: number;
  red: number;
}

export interface DocumentMonitoring {
  documentId: number;
  revision: number;
  orphans: number;
  recording: Omit<RecordingState, 'revision'>;
  unit: { code: string | null; name: string };
  year: number;
  date: string;
  projects: ProjectMonitoring[];
  lights: LightCounts;
  findings: Finding[];
}

export interface IndicatorEvaluation {
  index: number;
  level1: string;
  level2: string;
  level3: string;
  description: string;
  family: Family | null;
  status: 'scored' | 'notApplicable' | 'unclassified';
  target: string;
  actual: ActualOnDate | null;
  completion: CompletionView;
  completionPercent: string | null;
  creditPercent: string;
  points: string;
  score: string;
  met: boolean;
  explanationRequired: boolean;
  explanation: string;
}

export interface ProjectEvaluation {
  projectCode: string;
  projectName: string;
  department: string | null;
  year: number | null;
  asOf: string | null;
  goals: string[];
  results: string;
  budget: {
    initial: string | null;
    adjusted: string | null;
    fiscal: string | null;
    other: string | null;
    spent: string | null;
    rate: string | null;
    scored: boolean;
    points: string;
    score: string;
    explanationRequired: boolean;
    explanation: string;
  };
  indicators: IndicatorEvaluation[];
  families: Array<{ family: Family; points: string; score: string }>;
  points: string;
  total: string;
  grade: Grade;
  findings: Finding[];
}

export interface DepartmentEvaluation {
  unit: { code: string | null; name: string };
  year: number | null;
  projects: ProjectEvaluation[];
  budget: string;
  spent: string;
  rate: string | null;
  score: string | null;
  grade: Grade | null;
  gradeCounts: Record<Grade, number>;
  findings: Finding[];
}

export interface DocumentEvaluation extends DepartmentEvaluation {
  documentId: number;
  revision: number;
  orphans: number;
  recording: Omit<RecordingState, 'revision'>;
}

export interface PublishedEvaluation {
  documentId: number;
  publishedAt: string;
  publishedBy: string;
  evaluation: DepartmentEvaluation;
}

export interface WarningItem {
  projectId: number;
  documentId: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  projectCode: string;
  projectName: string;
  light: Light;
  executionLight: Light;
  budget: string | null;
  spent: string;
  rate: string | null;
  planned: string;
  shortfall: string | null;
  flaggedIndicators: number;
  missingExplanations: number;
  since: string;
}

export interface WarningList {
  year: number;
  date: string;
  items: WarningItem[];
  total: number;
  lightCounts: LightCounts;
  pending: number;
}

// ── Dashboards ─────────────────────────────────────────────────────────────────────────────

export interface ApiChart {
  id: string;
  title: string;
  dataset: { dimensions: Array<{ name: string; displayName: string; type: 'ordinal' | 'number' }>; source: Array<Array<string | number | null>> };
  series: Array<{ type: 'line' | 'bar' | 'pie'; name: string; encode: Record<string, string>; stack?: string; step?: string }>;
  table: { columns: string[]; rows: Array<Array<string | number>> };
}

export interface Dashboard {
  date: string;
  year: number;
  charts: ApiChart[];
}

export interface BureauDashboard extends Dashboard {
  bureau: { id: number; name: string };
  pending: number;
}

// ── Settings ───────────────────────────────────────────────────────────────────────────────

export interface SettingsSource {
  bureauId: number;
  bureauName: string;
}
export interface Inherited<T> {
  settings: T;
  source: SettingsSource | null;
}
export interface OwnSettings {
  review: ReviewSettings | null;
  monitoring: MonitoringSettings | null;
  evaluation: EvaluationSettings | null;
}
export interface BureauSettings {
  bureauId: number;
  version: number;
  own: OwnSettings;
  effective: { review: Inherited<ReviewSettings>; monitoring: Inherited<MonitoringSettings>; evaluation: Inherited<EvaluationSettings> };
}
