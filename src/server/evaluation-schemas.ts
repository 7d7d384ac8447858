/**
 * Schemas of the year-end self-evaluation endpoints (绩效自评): a document's evaluation and the
 * published one, the core's results (src/core/evaluation) as JSON.
 */
import Type from 'typebox';
import { EvaluationStatement, IsoDateText } from '../core/actuals/actuals.ts';
import { Family, Grade } from '../core/evaluation/settings.ts';
import { DecimalText } from '../core/model/document.ts';
import { Cause } from './actuals-schemas.ts';
import { ActualOnDate, CompletionView, DocumentUnit, IndicatorRow, RecordingState } from './monitoring-schemas.ts';
import { Finding, Nullable, Timestamp } from './schemas.ts';

// Self-evaluations published before migration 0005 were stored without the fields marked `Since0005`.
const Since0005 = <T extends Type.TSchema>(schema: T) => Type.Optional(schema);
// …and before the 自评表 could be printed in a province's form, without what that form prints beside the scores.
const SinceProfileForms = <T extends Type.TSchema>(schema: T) => Type.Optional(schema);
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
  asOf: Nullable(IsoDateText),
  goals: Type.Array(Type.String()),
  results: Type.String(),
  statements: SinceProfileForms(
    Type.Array(EvaluationStatement, { description: 'the 自评表’s prose as the unit wrote it (评价结论, 存在问题 …)' }),
  ),
  budget: Type.Object({
    initial: Nullable(DecimalText),
    adjusted: Nullable(DecimalText),
    fiscal: Nullable(DecimalText),
    other: Nullable(DecimalText),
    sources: SinceProfileForms(
      Type.Array(Type.Object({ name: Type.String(), amount: Nullable(DecimalText) }), {
        description: 'further fund sources of the 年初预算数 (财政专户管理资金, 单位资金 …), 万元',
      }),
    ),
    spent: Nullable(DecimalText),
    rate: Nullable(DecimalText),
    scored: Type.Boolean(),
    points: DecimalText,
    score: DecimalText,
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
      nature: SinceProfileForms(Nullable(Type.String({ description: '指标性质 as the target table printed it' }))),
      measureUnit: SinceProfileForms(Nullable(Type.String({ description: '度量单位 as the target table printed it' }))),
      actual: ActualOnDate,
      completion: CompletionView,
      completionPercent: Nullable(DecimalText),
      creditPercent: DecimalText,
      points: DecimalText,
      score: DecimalText,
      met: Type.Boolean(),
      explanationRequired: Type.Boolean(),
      explanation: Type.String(),
      notApplicableReason: Since0005(Type.String({ description: 'why the row is 不适用 (status notApplicable)' })),
      monitoring: MonitoringOffered,
    }),
  ),
  families: Type.Array(Type.Object({ family: Family, points: DecimalText, score: DecimalText })),
  points: DecimalText,
  total: DecimalText,
  grade: Grade,
  withoutNotApplicable: Since0005(
    Nullable(
      Type.Object(
        { points: DecimalText, total: DecimalText, grade: Grade },
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
  budget: DecimalText,
  spent: DecimalText,
  rate: Nullable(DecimalText),
  score: Nullable(DecimalText),
  grade: Nullable(Grade),
  withoutNotApplicable: Since0005(
    Nullable(
      Type.Object(
        { score: DecimalText, grade: Grade },
        { description: 'the unit’s score and grade with every row scored; null when no row is 不适用' },
      ),
    ),
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
