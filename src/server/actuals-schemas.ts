/**
 * Schemas of the actuals, monitoring, self-evaluation, settings and dashboard endpoints: request
 * bodies (validated) and response shapes (documented in OpenAPI; the tests check responses
 * against them). Results mirror the core's types (src/core/monitoring, src/core/evaluation).
 */
import Type from 'typebox';
import { Actuals, CauseCategory, Likelihood } from '../core/actuals/actuals.ts';
import { Finding, Nullable } from './schemas.ts';

export { Actuals };

const Decimal = Type.String({ pattern: '^-?[0-9]+(\\.[0-9]+)?$', description: 'exact decimal as text' });
const Amount = Type.String({ pattern: '^[0-9]+(\\.[0-9]+)?$', description: 'non-negative exact decimal as text, e.g. "5.00"' });
export const IsoDate = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: 'YYYY-MM-DD' });
const Timestamp = Type.Unsafe<Date | string>({ type: 'string', format: 'date-time' });
const Text = (description: string, maxLength = 5000) => Type.String({ maxLength, description });
const Index = Type.Integer({ minimum: 1, description: '1-based indicator row of the project (as `jixiao check` numbers it)' });
/** Which indicator row a result is about, as its monitoring and its evaluation name it. */
const IndicatorRow = { index: Index, level1: Type.String(), level2: Type.String(), level3: Type.String(), description: Type.String() };

export const Light = Type.Union([Type.Literal('green'), Type.Literal('yellow'), Type.Literal('red')], {
  description: 'green 绿灯 / yellow 黄灯 / red 红灯',
});
/** An indicator row's state: a light, or noData 未填报 (nothing recorded by the date). */
const IndicatorLight = Type.Union([Light, Type.Literal('noData')], { description: 'a light, or noData 未填报' });
const Cause = Type.Object({ category: CauseCategory, text: Text('偏差原因说明') });
const DocumentUnit = Type.Object({ code: Nullable(Type.String()), name: Type.String() });

// ── Records ──────────────────────────────────────────────────────────────────────────────────

const RecordBase = {
  id: Type.Integer(),
  version: Type.Integer({ description: 'send it back in If-Match to change or delete the record' }),
  projectId: Nullable(Type.Integer({ description: 'null when the project no longer exists' })),
  projectCode: Type.String(),
  orphaned: Type.Boolean({ description: 'its project or indicator row is no longer in the targets: kept, not counted' }),
  recordedBy: Type.String(),
  recordedAt: Timestamp,
  updatedAt: Timestamp,
};
const IndicatorRef = {
  index: Nullable(Index),
  indicatorId: Nullable(Type.Integer()),
  indicatorDescription: Type.String(),
};

export const SpendingRecord = Type.Object({ ...RecordBase, date: IsoDate, cumulative: Amount, note: Type.String() });
export const ValueRecord = Type.Object({ ...RecordBase, ...IndicatorRef, index: Index, date: IsoDate, value: Type.String(), note: Type.String() });
export const MonitoringNoteRecord = Type.Object({
  ...RecordBase,
  ...IndicatorRef,
  date: IsoDate,
  cause: Nullable(Cause),
  likelihood: Nullable(Likelihood),
  measure: Type.String(),
  expectedYearEnd: Type.String(),
});
export const EvaluationNoteRecord = Type.Object({
  ...RecordBase,
  ...IndicatorRef,
  notApplicable: Type.Boolean(),
  notApplicableReason: Type.String(),
  analysis: Type.String(),
  points: Nullable(Amount),
  gradePercent: Nullable(Amount),
  adjustedBudget: Nullable(Amount),
  results: Type.String(),
});
export const RECORD_SCHEMAS = {
  spending: SpendingRecord,
  values: ValueRecord,
  monitoringNotes: MonitoringNoteRecord,
  evaluationNotes: EvaluationNoteRecord,
};

export const DocumentRecords = Type.Object({
  spending: Type.Array(SpendingRecord),
  values: Type.Array(ValueRecord),
  monitoringNotes: Type.Array(MonitoringNoteRecord),
  evaluationNotes: Type.Array(EvaluationNoteRecord),
});

/** Bodies: creating (with the row for indicator kinds) and changing (the place stays). */
export const SpendingInput = Type.Object({ date: IsoDate, cumulative: Amount, note: Type.Optional(Text('说明')) }, { additionalProperties: false });
export const ValueInput = Type.Object(
  { index: Index, date: IsoDate, value: Type.String({ minLength: 1, maxLength: 200, description: '实际值，原文，如 "96%"' }), note: Type.Optional(Text('说明')) },
  { additionalProperties: false },
);
export const MonitoringNoteInput = Type.Object(
  {
    index: Nullable(Index),
    date: IsoDate,
    cause: Type.Optional(Nullable(Cause)),
    likelihood: Type.Optional(Nullable(Likelihood)),
    measure: Type.Optional(Text('纠偏措施')),
    expectedYearEnd: Type.Optional(Text('全年预计完成值', 200)),
  },
  { additionalProperties: false },
);
export const EvaluationNoteInput = Type.Object(
  {
    index: Nullable(Index),
    notApplicable: Type.Optional(Type.Boolean()),
    notApplicableReason: Type.Optional(Text('不适用的理由（标为不适用时必填，否则 422 not_applicable_reason_required）')),
    analysis: Type.Optional(Text('偏差原因分析及改进措施')),
    points: Type.Optional(Nullable(Amount)),
    gradePercent: Type.Optional(Nullable(Amount)),
    adjustedBudget: Type.Optional(Nullable(Amount)),
    results: Type.Optional(Text('实际完成情况')),
  },
  { additionalProperties: false },
);
export const INPUT_SCHEMAS = {
  spending: SpendingInput,
  values: ValueInput,
  monitoringNotes: MonitoringNoteInput,
  evaluationNotes: EvaluationNoteInput,
};
/** A change keeps the record's place: no `index`. */
export const UPDATE_SCHEMAS = {
  spending: SpendingInput,
  values: Type.Omit(ValueInput, ['index'], { additionalProperties: false }),
  monitoringNotes: Type.Omit(MonitoringNoteInput, ['index'], { additionalProperties: false }),
  evaluationNotes: Type.Omit(EvaluationNoteInput, ['index'], { additionalProperties: false }),
};

export const ImportPlan = Type.Object({
  counts: Type.Object({ spending: Type.Integer(), values: Type.Integer(), monitoringNotes: Type.Integer(), evaluationNotes: Type.Integer() }),
  created: Type.Integer({ description: 'records the import adds' }),
  changed: Type.Array(
    Type.Object({
      kind: Type.Union([Type.Literal('spending'), Type.Literal('values'), Type.Literal('monitoringNotes'), Type.Literal('evaluationNotes')]),
      projectCode: Type.String(),
      index: Nullable(Type.Integer()),
      date: Nullable(IsoDate),
      before: Type.Unknown({ description: 'the stored record it changes' }),
      after: Type.Unknown({ description: 'its fields after the import' }),
    }),
  ),
  unchanged: Type.Integer({ description: 'records the file repeats as stored' }),
});

// ── Monitoring (src/core/monitoring/monitor.ts) ──────────────────────────────────────────────

const CompletionView = Type.Union([
  Type.Object({ kind: Type.Literal('quantitative'), method: Type.Union([Type.Literal('higher'), Type.Literal('lower'), Type.Literal('exact'), Type.Literal('range')]), met: Type.Boolean() }),
  Type.Object({ kind: Type.Literal('qualitative'), band: Type.Union([Type.Literal('achieved'), Type.Literal('partial'), Type.Literal('unmet')]), met: Type.Boolean() }),
  Type.Object({ kind: Type.Literal('notComparable'), reason: Type.String() }),
]);
const Explanation = Type.Object({ cause: Nullable(Cause), likelihood: Nullable(Likelihood), measure: Type.String(), expectedYearEnd: Type.String() });
const ActualOnDate = Nullable(Type.Object({ value: Type.String(), date: IsoDate, note: Type.String() }));

export const ProjectMonitoring = Type.Object({
  projectCode: Type.String(),
  projectName: Type.String(),
  unit: DocumentUnit,
  date: IsoDate,
  execution: Type.Object({
    budget: Nullable(Decimal),
    spent: Decimal,
    spentAsOf: Nullable(IsoDate),
    rate: Nullable(Decimal),
    checkpoint: Nullable(Type.Object({ label: Type.String(), date: IsoDate, percent: Decimal })),
    planned: Decimal,
    shortfall: Nullable(Decimal),
    light: Light,
  }),
  indicators: Type.Array(
    Type.Object({
      ...IndicatorRow,
      target: Type.String(),
      actual: ActualOnDate,
      completion: CompletionView,
      progress: Nullable(Decimal),
      explanation: Explanation,
      pace: Nullable(
        Type.Object(
          {
            expected: Decimal,
            basis: Type.Union([Type.Literal('plan'), Type.Literal('calendar')]),
            shortfall: Decimal,
            light: Light,
          },
          { description: 'a cumulative count against the share due by the date (plan checkpoint, or the calendar without one)' },
        ),
      ),
      judgement: Type.Boolean({ description: 'behind pace, but explained with a 完成可能性: the light is the unit’s judgement' }),
      light: IndicatorLight,
    }),
  ),
  explanation: Explanation,
  light: Light,
  reasons: Type.Array(
    Type.Union([
      Type.Object({ kind: Type.Literal('execution'), light: Light, shortfall: Decimal }),
      Type.Object({ kind: Type.Literal('likelihood'), light: Light, index: Index }),
      Type.Object({ kind: Type.Literal('pace'), light: Light, index: Index, shortfall: Decimal }),
    ]),
  ),
  unreported: Type.Integer({ description: 'indicator rows with nothing recorded by the date (未填报)' }),
  findings: Type.Array(Finding),
});

const LightCounts = Type.Object({ green: Type.Integer(), yellow: Type.Integer(), red: Type.Integer() });

export const DocumentMonitoring = Type.Object({
  documentId: Type.Integer(),
  revision: Type.Integer({ description: 'the document’s actuals revision (ETag)' }),
  orphans: Type.Integer({ description: 'records left out because their project or row no longer exists' }),
  recording: RecordingState(),
  unit: DocumentUnit,
  year: Type.Integer(),
  date: IsoDate,
  projects: Type.Array(ProjectMonitoring),
  lights: LightCounts,
  unreported: Type.Integer({ description: 'indicator rows of all projects with nothing recorded by the date (未填报)' }),
  findings: Type.Array(Finding),
});

function RecordingState() {
  return Type.Object({
    open: Type.Boolean({ description: 'the unit may record actuals now (document approved or published, evaluation not published)' }),
    evaluationPublishedAt: Nullable(Timestamp),
  });
}

// ── Self-evaluation (src/core/evaluation) ────────────────────────────────────────────────────

const Family = Type.Union([
  Type.Literal('budgetExecution'),
  Type.Literal('output'),
  Type.Literal('outcome'),
  Type.Literal('satisfaction'),
  Type.Literal('cost'),
]);
const Grade = Type.Union([Type.Literal('优'), Type.Literal('良'), Type.Literal('中'), Type.Literal('差')]);
// Self-evaluations published before migration 0005 were stored without the fields marked `Since0005`.
const Since0005 = <T extends Type.TSchema>(schema: T) => Type.Optional(schema);
const MonitoringOffered = Since0005(
  Nullable(
    Type.Object(
      { cause: Nullable(Cause), measure: Type.String() },
      { description: 'the cause and measure last recorded in monitoring (by the evaluation date), offered for the analysis to reuse' },
    ),
  ),
);

export const ProjectEvaluation = Type.Object({
  projectCode: Type.String(),
  projectName: Type.String(),
  unit: DocumentUnit,
  department: Nullable(Type.String()),
  year: Nullable(Type.Integer()),
  asOf: Nullable(IsoDate),
  goals: Type.Array(Type.String()),
  results: Type.String(),
  budget: Type.Object({
    initial: Nullable(Decimal),
    adjusted: Nullable(Decimal),
    fiscal: Nullable(Decimal),
    other: Nullable(Decimal),
    spent: Nullable(Decimal),
    rate: Nullable(Decimal),
    scored: Type.Boolean(),
    points: Decimal,
    score: Decimal,
    explanationRequired: Type.Boolean(),
    explanation: Type.String(),
    monitoring: MonitoringOffered,
  }),
  indicators: Type.Array(
    Type.Object({
      ...IndicatorRow,
      family: Nullable(Family),
      status: Type.Union([Type.Literal('scored'), Type.Literal('notApplicable'), Type.Literal('unclassified')]),
      target: Type.String(),
      actual: ActualOnDate,
      completion: CompletionView,
      completionPercent: Nullable(Decimal),
      creditPercent: Decimal,
      points: Decimal,
      score: Decimal,
      met: Type.Boolean(),
      explanationRequired: Type.Boolean(),
      explanation: Type.String(),
      notApplicableReason: Since0005(Type.String({ description: 'why the row is 不适用 (status notApplicable)' })),
      monitoring: MonitoringOffered,
    }),
  ),
  families: Type.Array(Type.Object({ family: Family, points: Decimal, score: Decimal })),
  points: Decimal,
  total: Decimal,
  grade: Grade,
  withoutNotApplicable: Since0005(
    Nullable(
      Type.Object(
        { points: Decimal, total: Decimal, grade: Grade },
        { description: 'the score with every row scored, 不适用 or not; null when no row is 不适用' },
      ),
    ),
  ),
  findings: Type.Array(Finding),
});

export const DepartmentEvaluation = Type.Object({
  unit: DocumentUnit,
  year: Nullable(Type.Integer()),
  projects: Type.Array(ProjectEvaluation),
  budget: Decimal,
  spent: Decimal,
  rate: Nullable(Decimal),
  score: Nullable(Decimal),
  grade: Nullable(Grade),
  withoutNotApplicable: Since0005(
    Nullable(Type.Object({ score: Decimal, grade: Grade }, { description: 'the unit’s score and grade with every row scored; null when no row is 不适用' })),
  ),
  gradeCounts: Type.Object({ 优: Type.Integer(), 良: Type.Integer(), 中: Type.Integer(), 差: Type.Integer() }),
  findings: Type.Array(Finding),
});

export const DocumentEvaluation = Type.Object({
  documentId: Type.Integer(),
  revision: Type.Integer(),
  orphans: Type.Integer(),
  recording: RecordingState(),
  ...DepartmentEvaluation.properties,
});

export const PublishedEvaluation = Type.Object({
  documentId: Type.Integer(),
  publishedAt: Timestamp,
  publishedBy: Type.String(),
  evaluation: DepartmentEvaluation,
});

// ── Settings (src/core/monitoring/settings.ts, src/core/evaluation/settings.ts) ──────────────

const Band = Type.Object({ min: Amount, max: Amount, default: Amount }, { additionalProperties: false });
export const MonitoringSettings = Type.Object(
  {
    yellowShortfall: Amount,
    redShortfall: Amount,
    likelihoodLight: Type.Object({ certain: Light, possible: Light, impossible: Light }, { additionalProperties: false }),
    explanationRequired: Type.Unsafe<readonly ('green' | 'yellow' | 'red')[]>(Type.Array(Light)),
  },
  { additionalProperties: false, description: 'execution behind plan by ≥ yellowShortfall points → yellow, ≥ redShortfall → red' },
);
export const EvaluationSettings = Type.Object(
  {
    weights: Type.Object(
      { budgetExecution: Amount, output: Amount, outcome: Amount, satisfaction: Amount, cost: Nullable(Amount) },
      { additionalProperties: false, description: 'points per family, adding up to 100' },
    ),
    absentFamily: Type.Union([Type.Literal('indicatorFamilies'), Type.Literal('allFamilies'), Type.Literal('forfeit')]),
    notApplicable: Type.Union([Type.Literal('withinFamily'), Type.Literal('acrossAll')]),
    exactPartialCredit: Type.Union([Type.Literal('proportional'), Type.Literal('none')]),
    qualitative: Type.Object({ achieved: Band, partial: Band, unmet: Band }, { additionalProperties: false }),
    grades: Type.Object({ 优: Amount, 良: Amount, 中: Amount }, { additionalProperties: false }),
    overAchievementRatio: Nullable(Amount),
  },
  { additionalProperties: false },
);
const SeverityName = Type.Union([Type.Literal('error'), Type.Literal('warning'), Type.Literal('info')]);
export const ReviewSettings = Type.Object(
  {
    form2021FromYear: Type.Integer({ minimum: 1990, maximum: 2100, description: 'first budget year reviewed against the 2021 form' }),
    disabledRules: Type.Unsafe<readonly string[]>(Type.Array(Type.String(), { description: 'rule ids not applied' })),
    disabledSeverities: Type.Unsafe<readonly ('error' | 'warning' | 'info')[]>(Type.Array(SeverityName, { description: 'severities not reported' })),
    severityOverrides: Type.Record(Type.String(), SeverityName, { description: 'rule id → severity' }),
    projectCodePattern: Type.String({ maxLength: 500, description: 'the project-code rule as a regular expression' }),
  },
  { additionalProperties: false, description: 'the review engine’s settings (src/core/review/settings.ts)' },
);
const Source = Nullable(Type.Object({ bureauId: Type.Integer(), bureauName: Type.String() }, { description: 'null: jixiao’s defaults' }));
export const BureauSettings = Type.Object({
  bureauId: Type.Integer(),
  version: Type.Integer({ description: '0 while the bureau has set nothing; send it in If-Match with a PUT' }),
  own: Type.Object({ review: Nullable(ReviewSettings), monitoring: Nullable(MonitoringSettings), evaluation: Nullable(EvaluationSettings) }),
  effective: Type.Object({
    review: Type.Object({ settings: ReviewSettings, source: Source }),
    monitoring: Type.Object({ settings: MonitoringSettings, source: Source }),
    evaluation: Type.Object({ settings: EvaluationSettings, source: Source }),
  }),
});

// ── Lists and dashboards ──────────────────────────────────────────────────────────────────────

export const WarningList = Type.Object({
  year: Type.Integer(),
  date: IsoDate,
  items: Type.Array(
    Type.Object({
      projectId: Type.Integer(),
      documentId: Type.Integer(),
      unitId: Type.Integer(),
      unitCode: Type.String(),
      unitName: Type.String(),
      projectCode: Type.String(),
      projectName: Type.String(),
      light: Light,
      executionLight: Light,
      budget: Nullable(Decimal),
      spent: Decimal,
      rate: Nullable(Decimal),
      planned: Decimal,
      shortfall: Nullable(Decimal),
      flaggedIndicators: Type.Integer(),
      unreportedIndicators: Type.Integer({ description: 'indicator rows with nothing recorded by the date (未填报)' }),
      missingExplanations: Type.Integer(),
      since: IsoDate,
    }),
  ),
  total: Type.Integer(),
  lightCounts: LightCounts,
});

const Cell = Type.Union([Type.String(), Type.Number(), Type.Null()]);
export const Chart = Type.Object({
  id: Type.String(),
  title: Type.String(),
  dataset: Type.Object(
    {
      dimensions: Type.Array(
        Type.Object({ name: Type.String(), displayName: Type.String(), type: Type.Union([Type.Literal('ordinal'), Type.Literal('number')]) }),
      ),
      source: Type.Array(Type.Array(Cell)),
    },
    { description: 'ECharts `dataset`: number-typed dimensions hold decimal strings, which ECharts reads as numbers; null is a gap' },
  ),
  series: Type.Array(
    Type.Object({
      type: Type.Union([Type.Literal('line'), Type.Literal('bar'), Type.Literal('pie')]),
      name: Type.String(),
      encode: Type.Record(Type.String(), Type.String()),
      stack: Type.Optional(Type.String()),
      step: Type.Optional(Type.String()),
    }),
    { description: 'ECharts series over the dataset (encode names dimensions)' },
  ),
  table: Type.Object(
    { columns: Type.Array(Type.String()), rows: Type.Array(Type.Array(Type.Union([Type.String(), Type.Number()]))) },
    { description: 'the same data as a table (what ?format=csv downloads)' },
  ),
});
export const Dashboard = Type.Object({
  date: IsoDate,
  year: Type.Integer(),
  charts: Type.Array(Chart),
});
export const BureauDashboard = Type.Object({
  ...Dashboard.properties,
  bureau: Type.Object({ id: Type.Integer(), name: Type.String() }),
  pending: Type.Integer({ description: 'documents whose figures were still being brought up to date (0 normally)' }),
});
