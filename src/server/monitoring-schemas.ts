/**
 * Schemas of the in-year monitoring endpoints (运行监控): a document's monitoring on a date and a
 * bureau's warning list, the core's results (src/core/monitoring/monitor.ts) as JSON. The parts the
 * self-evaluation's results share are exported for ./evaluation-schemas.ts.
 */
import Type from 'typebox';
import { IsoDateText, Likelihood } from '../core/actuals/actuals.ts';
import { QualitativeBand, QuantitativeMethod } from '../core/actuals/completion.ts';
import { DecimalText } from '../core/model/document.ts';
import { IndicatorLight, Light } from '../core/monitoring/settings.ts';
import { Cause, Index } from './actuals-schemas.ts';
import { Finding, Nullable, Timestamp } from './schemas.ts';

/** Which indicator row a result is about, as its monitoring and its evaluation name it. */
export const IndicatorRow = {
  index: Index,
  level1: Type.String(),
  level2: Type.String(),
  level3: Type.String(),
  description: Type.String(),
};
export const DocumentUnit = Type.Object({ code: Nullable(Type.String()), name: Type.String() });

export const CompletionView = Type.Union([
  Type.Object({ kind: Type.Literal('quantitative'), method: QuantitativeMethod, met: Type.Boolean() }),
  Type.Object({ kind: Type.Literal('qualitative'), band: QualitativeBand, met: Type.Boolean() }),
  Type.Object({ kind: Type.Literal('notComparable'), reason: Type.String() }),
]);
const Explanation = Type.Object({
  cause: Nullable(Cause),
  likelihood: Nullable(Likelihood),
  measure: Type.String(),
  expectedYearEnd: Type.String(),
});
export const ActualOnDate = Nullable(Type.Object({ value: Type.String(), date: IsoDateText, note: Type.String() }));

export const ProjectMonitoring = Type.Object({
  projectCode: Type.String(),
  projectName: Type.String(),
  unit: DocumentUnit,
  date: IsoDateText,
  execution: Type.Object({
    budget: Nullable(DecimalText),
    spent: DecimalText,
    spentAsOf: Nullable(IsoDateText),
    rate: Nullable(DecimalText),
    fiscal: Type.Object(
      { budget: Nullable(DecimalText), spent: Nullable(DecimalText), rate: Nullable(DecimalText) },
      { description: '其中：财政资金; spent and rate only when the project has no other funds (spending is not recorded per source)' },
    ),
    checkpoint: Nullable(Type.Object({ label: Type.String(), date: IsoDateText, percent: DecimalText })),
    planned: DecimalText,
    shortfall: Nullable(DecimalText),
    light: Light,
  }),
  indicators: Type.Array(
    Type.Object({
      ...IndicatorRow,
      target: Type.String(),
      actual: ActualOnDate,
      completion: CompletionView,
      progress: Nullable(DecimalText),
      explanation: Explanation,
      pace: Nullable(
        Type.Object(
          {
            expected: DecimalText,
            basis: Type.Union([Type.Literal('plan'), Type.Literal('calendar')]),
            shortfall: DecimalText,
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
      Type.Object({ kind: Type.Literal('execution'), light: Light, shortfall: DecimalText }),
      Type.Object({ kind: Type.Literal('likelihood'), light: Light, index: Index }),
      Type.Object({ kind: Type.Literal('pace'), light: Light, index: Index, shortfall: DecimalText }),
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
  date: IsoDateText,
  projects: Type.Array(ProjectMonitoring),
  lights: LightCounts,
  unreported: Type.Integer({ description: 'indicator rows of all projects with nothing recorded by the date (未填报)' }),
  findings: Type.Array(Finding),
});

export function RecordingState() {
  return Type.Object({
    open: Type.Boolean({ description: 'the unit may record actuals now (document approved or published, evaluation not published)' }),
    evaluationPublishedAt: Nullable(Timestamp),
  });
}

export const WarningList = Type.Object({
  year: Type.Integer(),
  date: IsoDateText,
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
      budget: Nullable(DecimalText),
      spent: DecimalText,
      rate: Nullable(DecimalText),
      planned: DecimalText,
      shortfall: Nullable(DecimalText),
      flaggedIndicators: Type.Integer(),
      unreportedIndicators: Type.Integer({ description: 'indicator rows with nothing recorded by the date (未填报)' }),
      missingExplanations: Type.Integer(),
      since: IsoDateText,
    }),
  ),
  total: Type.Integer(),
  lightCounts: LightCounts,
});
