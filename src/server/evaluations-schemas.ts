/** The shapes of the evaluations API (绩效评价, docs/evaluations.md). */
import Type from 'typebox';
import { Grade } from '../core/evaluation/settings.ts';
import { EvaluationKind, EvaluationState, FindingSeverity, Score } from '../core/evaluations/evaluation.ts';
import { CursorPage, Nullable, Timestamp } from './schemas.ts';

const Subject = Type.Union([
  Type.Object({
    kind: Type.Literal('project'),
    documentId: Type.Integer(),
    unitId: Type.Integer(),
    unitName: Type.String(),
    projectCode: Type.String(),
    projectName: Type.String(),
  }),
  Type.Object({ kind: Type.Literal('policy'), policyName: Type.String() }),
]);

export const EvaluationFinding = Type.Object(
  {
    id: Type.Integer({ description: '问题的编号，永不改变：整改事项以 evaluationId 与此 id 指向它' }),
    evaluationId: Type.Integer(),
    text: Type.String(),
    severity: FindingSeverity,
    concerns: Nullable(Type.String({ description: '涉及的指标、项目或环节' })),
  },
  { description: '评价发现的问题（存在问题）' },
);

export const EvaluationSummary = Type.Object({
  id: Type.Integer(),
  bureauId: Type.Integer(),
  bureauName: Type.String(),
  year: Type.Integer(),
  kind: EvaluationKind,
  title: Type.String(),
  evaluatingBody: Type.String({ description: '评价主体：实施评价的部门、财政部门或第三方机构' }),
  subject: Subject,
  state: EvaluationState,
  score: Nullable(Type.String({ description: '得分（百分制，两位小数）' })),
  grade: Nullable(Grade),
  updatedAt: Timestamp,
  version: Type.Integer({ description: '评价的版本：每次修改时放在 If-Match 中' }),
});

export const EvaluationView = Type.Object({
  ...EvaluationSummary.properties,
  summary: Type.String({ description: '评价结论' }),
  returnComment: Nullable(Type.String({ description: '最近一次退回的意见' })),
  createdByName: Type.String(),
  acceptedAt: Nullable(Timestamp),
  evaluators: Type.Array(Type.Object({ id: Type.Integer(), displayName: Type.String(), organisation: Type.String() })),
  findings: Type.Array(EvaluationFinding),
  report: Nullable(
    Type.Object({
      fileName: Type.String(),
      contentType: Type.String(),
      size: Type.Integer(),
      uploadedAt: Timestamp,
      uploadedByName: Type.String(),
    }),
  ),
});

export const EvaluationListQuery = Type.Object({
  year: Type.Optional(Type.Integer()),
  state: Type.Optional(EvaluationState),
  ...CursorPage.properties,
});

export const NewEvaluationBody = Type.Object({
  year: Type.Integer({ minimum: 2000, maximum: 2100 }),
  kind: EvaluationKind,
  title: Type.String({ minLength: 1, maxLength: 200 }),
  evaluatingBody: Type.String({ minLength: 1, maxLength: 200 }),
  subject: Type.Union([
    Type.Object({ documentId: Type.Integer(), projectCode: Type.String({ minLength: 1, maxLength: 100 }) }),
    Type.Object({ policyName: Type.String({ minLength: 1, maxLength: 200 }) }),
  ]),
  evaluatorIds: Type.Optional(Type.Array(Type.Integer(), { maxItems: 20, description: '委托的第三方机构账号（evaluator）' })),
  bureauId: Type.Optional(Type.Integer({ description: '评价所属的财政部门，默认审核人员本级' })),
});

export const PlanBody = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  evaluatingBody: Type.Optional(Type.String({ minLength: 1, maxLength: 200 })),
  evaluatorIds: Type.Optional(Type.Array(Type.Integer(), { maxItems: 20 })),
});

export const ResultBody = Type.Object({
  score: Nullable(Score),
  summary: Type.String({ maxLength: 5000 }),
});

export const FindingBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 2000 }),
  severity: FindingSeverity,
  concerns: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
});

export const EvaluatorAccount = Type.Object({
  id: Type.Integer(),
  username: Type.String(),
  displayName: Type.String(),
  organisation: Type.String(),
  bureauId: Type.Integer(),
  disabled: Type.Boolean(),
});

export const NewEvaluatorBody = Type.Object({
  username: Type.String({ minLength: 2, maxLength: 64 }),
  displayName: Type.String({ minLength: 1, maxLength: 100 }),
  organisation: Type.String({ minLength: 1, maxLength: 200 }),
});
