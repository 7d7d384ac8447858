/**
 * The shapes of the 整改 and 结果应用 endpoints (./routes/rectification.ts), which the browser reads as
 * `Wire<typeof …>` (src/web/rectification/api.ts).
 */
import Type from 'typebox';
import { Grade } from '../core/evaluation/settings.ts';
import { RectificationSource, RectificationState } from '../core/rectification/item.ts';
import { Severity } from '../core/review/finding.ts';
import { Nullable } from './schemas.ts';

export const DateText = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const Text = (maxLength: number, description: string) => Type.String({ maxLength, description });

export const EvidenceFile = Type.Object({
  id: Type.Integer(),
  fileName: Type.String(),
  size: Type.Integer({ description: '字节数' }),
  uploadedAt: Type.String({ format: 'date-time' }),
  uploadedByName: Type.String(),
});

export const Item = Type.Object({
  id: Type.Integer(),
  source: RectificationSource,
  documentId: Type.Integer({ description: '整改事项所涉及的文件' }),
  projectId: Nullable(Type.Integer()),
  projectCode: Nullable(Type.String()),
  projectName: Nullable(Type.String()),
  indicatorIndex: Nullable(Type.Integer({ description: '项目内指标的行号（从 1 起）' })),
  field: Type.String(),
  unitId: Type.Integer({ description: '责任单位' }),
  unitName: Type.String(),
  bureauId: Type.Integer(),
  year: Type.Integer(),
  severity: Nullable(Severity),
  finding: Type.String({ description: '下达时问题的原文（此后不随审核结果变化）' }),
  suggestion: Type.String(),
  requirement: Type.String({ description: '整改要求' }),
  deadline: DateText,
  state: RectificationState,
  overdue: Type.Boolean({ description: '单位尚未反馈且已过整改期限（按中国日期）' }),
  response: Type.String(),
  respondedAt: Nullable(Type.String({ format: 'date-time' })),
  respondedByName: Nullable(Type.String()),
  closingNote: Type.String(),
  closedAt: Nullable(Type.String({ format: 'date-time' })),
  closedByName: Nullable(Type.String()),
  carriedToDocumentId: Nullable(Type.Integer({ description: '结转到的下一年度文件' })),
  createdAt: Type.String({ format: 'date-time' }),
  createdByName: Type.String(),
  version: Type.Integer({ description: '写入时放在 If-Match 中' }),
});
export const ItemWithFiles = Type.Object({
  ...Item.properties,
  files: Type.Array(EvidenceFile),
  evidenceLimit: Type.Object(
    { bytes: Type.Integer(), files: Type.Integer() },
    { description: '单个证明材料的最大字节数、每项最多的文件数' },
  ),
});

export const NewItem = Type.Object(
  {
    documentId: Type.Integer({ minimum: 1 }),
    projectCode: Nullable(Type.String({ maxLength: 100 })),
    indicatorIndex: Nullable(Type.Integer({ minimum: 1 })),
    field: Text(200, '问题所在的字段（审核意见的 field）'),
    severity: Nullable(Severity),
    finding: Type.String({ minLength: 1, maxLength: 2000, description: '问题（审核意见或评价发现的原文）' }),
    suggestion: Text(2000, '修改建议'),
    requirement: Text(2000, '整改要求'),
    source: RectificationSource,
    deadline: DateText,
  },
  { additionalProperties: false },
);

export const StepBody = Type.Object(
  { text: Text(4000, '整改情况（respond）、销号意见（close）或退回理由（reopen）') },
  { additionalProperties: false },
);

export const ResultRow = Type.Object({
  projectId: Type.Integer(),
  documentId: Type.Integer(),
  unitCode: Type.String(),
  unitName: Type.String(),
  projectCode: Type.String(),
  projectName: Type.String(),
  budget: Nullable(Type.String({ description: '本年度预算数（万元）' })),
  selfScore: Nullable(Type.String()),
  selfGrade: Nullable(Grade),
  evaluationScore: Nullable(Type.String({ description: '部门或财政评价得分；尚无评价为 null' })),
  evaluationGrade: Nullable(Grade),
  nextDocumentId: Nullable(Type.Integer()),
  nextBudget: Nullable(Type.String({ description: '下一年度同一项目的预算申请数（万元）；没有时为 null' })),
  openRectifications: Type.Integer({ description: '未销号的整改事项数' }),
  action: Nullable(Type.String({ description: '按评价等级给出的预算安排建议' })),
});

export const Carried = Type.Object({
  fromDocumentId: Nullable(Type.Integer({ description: '本文件复制自的上一年度文件；不是复制而来时为 null' })),
  fromYear: Nullable(Type.Integer()),
  results: Type.Array(
    Type.Object({
      projectCode: Type.String(),
      projectName: Type.String(),
      selfScore: Nullable(Type.String()),
      selfGrade: Nullable(Grade),
      evaluationScore: Nullable(Type.String()),
      evaluationGrade: Nullable(Grade),
    }),
  ),
  rectifications: Type.Array(Item),
});

export const ResultsQuery = Type.Object({
  year: Type.Integer({ minimum: 1990, maximum: 2100, description: '评价年度 Y（下一年度预算为 Y+1）' }),
  bureauId: Type.Optional(Type.Integer({ minimum: 1, description: '财政部门（含下级）；审核员默认为本部门，管理员必填' })),
});
