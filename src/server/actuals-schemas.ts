/**
 * Schemas of the actuals records endpoints (实际执行情况: spending, indicator values, monitoring and
 * evaluation notes, and the actuals file import): request bodies (validated) and response shapes
 * (documented in OpenAPI; the tests check responses against them).
 */
import Type from 'typebox';
import { Actuals, CauseCategory, IsoDateText, Likelihood } from '../core/actuals/actuals.ts';
import { NonNegativeDecimalText } from '../core/model/document.ts';
import { Nullable, Timestamp } from './schemas.ts';

export { Actuals };

export const Text = (description: string, maxLength = 5000) => Type.String({ maxLength, description });
export const Index = Type.Integer({ minimum: 1, description: '1-based indicator row of the project (as `jixiao check` numbers it)' });
export const Cause = Type.Object({ category: CauseCategory, text: Text('偏差原因说明') });

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

export const SpendingRecord = Type.Object({ ...RecordBase, date: IsoDateText, cumulative: NonNegativeDecimalText, note: Type.String() });
export const ValueRecord = Type.Object({
  ...RecordBase,
  ...IndicatorRef,
  index: Index,
  date: IsoDateText,
  value: Type.String(),
  note: Type.String(),
});
export const MonitoringNoteRecord = Type.Object({
  ...RecordBase,
  ...IndicatorRef,
  date: IsoDateText,
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
  points: Nullable(NonNegativeDecimalText),
  gradePercent: Nullable(NonNegativeDecimalText),
  adjustedBudget: Nullable(NonNegativeDecimalText),
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
export const SpendingInput = Type.Object(
  { date: IsoDateText, cumulative: NonNegativeDecimalText, note: Type.Optional(Text('说明')) },
  { additionalProperties: false },
);
export const ValueInput = Type.Object(
  {
    index: Index,
    date: IsoDateText,
    value: Type.String({ minLength: 1, maxLength: 200, description: '实际值，原文，如 "96%"' }),
    note: Type.Optional(Text('说明')),
  },
  { additionalProperties: false },
);
export const MonitoringNoteInput = Type.Object(
  {
    index: Nullable(Index),
    date: IsoDateText,
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
    points: Type.Optional(Nullable(NonNegativeDecimalText)),
    gradePercent: Type.Optional(Nullable(NonNegativeDecimalText)),
    adjustedBudget: Type.Optional(Nullable(NonNegativeDecimalText)),
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
  counts: Type.Object({
    spending: Type.Integer(),
    values: Type.Integer(),
    monitoringNotes: Type.Integer(),
    evaluationNotes: Type.Integer(),
  }),
  created: Type.Integer({ description: 'records the import adds' }),
  changed: Type.Array(
    Type.Object({
      kind: Type.Union([
        Type.Literal('spending'),
        Type.Literal('values'),
        Type.Literal('monitoringNotes'),
        Type.Literal('evaluationNotes'),
      ]),
      projectCode: Type.String(),
      index: Nullable(Type.Integer()),
      date: Nullable(IsoDateText),
      before: Type.Unknown({ description: 'the stored record it changes' }),
      after: Type.Unknown({ description: 'its fields after the import' }),
    }),
  ),
  unchanged: Type.Integer({ description: 'records the file repeats as stored' }),
});
