/** The shapes of the 自评任务 API (./routes/evaluation-tasks.ts), shared with the browser's types. */
import Type from 'typebox';
import { Grade } from '../core/evaluation/settings.ts';
import { Nullable, Timestamp } from './schemas.ts';

export const AssignmentState = Type.Union(
  [Type.Literal('notStarted'), Type.Literal('inProgress'), Type.Literal('submitted'), Type.Literal('returned'), Type.Literal('accepted')],
  { description: 'notStarted 未开始 / inProgress 填报中 / submitted 已提交 / returned 已退回 / accepted 已通过' },
);

export const TaskScope = Type.Union(
  [
    Type.Object({ kind: Type.Literal('all') }, { description: '本级及下级财政部门的全部单位' }),
    Type.Object(
      { kind: Type.Literal('bureau'), bureauId: Type.Integer({ minimum: 1 }) },
      { description: '指定（下级）财政部门及其下级的单位' },
    ),
    Type.Object(
      { kind: Type.Literal('projects'), projectIds: Type.Array(Type.Integer({ minimum: 1 }), { minItems: 1, maxItems: 5000 }) },
      { description: '指定项目（同一年度），按单位布置，自评只计这些项目' },
    ),
  ],
  { description: '范围' },
);

export const NewTask = Type.Object({
  year: Type.Integer({ description: '预算年度' }),
  title: Type.String({ minLength: 1, maxLength: 200, description: '任务名称' }),
  deadline: Type.String({ maxLength: 10, description: '截止日期 YYYY-MM-DD' }),
  scope: TaskScope,
});

export const Task = Type.Object({
  id: Type.Integer(),
  bureauId: Type.Integer({ description: '布置任务的财政部门' }),
  year: Type.Integer(),
  title: Type.String(),
  deadline: Type.String({ description: 'YYYY-MM-DD' }),
  scope: TaskScope,
  assigned: Type.Integer({ description: '布置到的单位数' }),
  version: Type.Integer({ description: '任务的版本：抽取样本时放在 If-Match 中' }),
  createdAt: Timestamp,
  createdByName: Type.String(),
});

export const TaskCounts = Type.Object(
  {
    notStarted: Type.Integer(),
    inProgress: Type.Integer(),
    submitted: Type.Integer(),
    returned: Type.Integer(),
    accepted: Type.Integer(),
    late: Type.Integer({ description: '截止日期已过仍未提交（未开始、填报中、已退回）的单位数' }),
  },
  { description: '各状态的单位数' },
);

export const SampleSize = Type.Union([
  Type.Object({ count: Type.Integer({ description: '样本数量' }) }),
  Type.Object({ percent: Type.Number({ description: '样本比例（%），向上取整' }) }),
]);

export const Sample = Type.Object({
  taskId: Type.Integer(),
  seed: Type.String({ description: '随机种子：相同种子与相同总体抽出相同样本' }),
  size: SampleSize,
  population: Type.Array(Type.Integer(), { description: '抽样总体：抽取时已通过的自评（任务分配 id，升序）' }),
  drawn: Type.Integer({ description: '抽中的数量' }),
  drawnAt: Timestamp,
  drawnByName: Type.String(),
});

export const TaskDetail = Type.Object({ task: Task, counts: TaskCounts, sample: Nullable(Sample) });

const assignmentProperties = {
  id: Type.Integer(),
  taskId: Type.Integer(),
  unitId: Type.Integer(),
  unitCode: Type.String(),
  unitName: Type.String(),
  projectCodes: Nullable(Type.Array(Type.String(), { description: '只评这些项目；null 为全部项目' })),
  state: AssignmentState,
  late: Type.Boolean({ description: '截止日期已过仍未提交' }),
  documentId: Nullable(Type.Integer({ description: '单位本年度的文件（提交后必有）' })),
  selfScore: Nullable(Type.String({ description: '提交时的自评得分' })),
  selfGrade: Nullable(Grade),
  submittedAt: Nullable(Timestamp),
  reviewComment: Type.String({ description: '审核意见（退回时必填）' }),
  reviewedByName: Nullable(Type.String()),
  reviewedAt: Nullable(Timestamp),
  version: Type.Integer({ description: '分配的版本：开始、提交、审核时放在 If-Match 中' }),
};

export const Assignment = Type.Object(assignmentProperties);

export const UnitAssignment = Type.Object({
  ...assignmentProperties,
  title: Type.String(),
  year: Type.Integer(),
  deadline: Type.String(),
});

export const ReviewDecision = Type.Object({
  decision: Type.Union([Type.Literal('accept'), Type.Literal('return')], { description: 'accept 通过 / return 退回' }),
  comment: Type.Optional(Type.String({ maxLength: 2000, description: '审核意见；退回时必填' })),
});

export const DrawRequest = Type.Object({
  size: SampleSize,
  seed: Type.Optional(Type.String({ maxLength: 100, description: '随机种子；不填由系统生成' })),
});

export const Recheck = Type.Object({
  id: Type.Integer(),
  position: Type.Integer({ description: '抽中的顺序' }),
  assignmentId: Type.Integer(),
  unitCode: Type.String(),
  unitName: Type.String(),
  documentId: Nullable(Type.Integer()),
  selfScore: Nullable(Type.String({ description: '单位提交的自评得分' })),
  selfGrade: Nullable(Grade),
  score: Nullable(Type.String({ description: '复核得分' })),
  grade: Nullable(Grade),
  findings: Type.String({ description: '复核发现' }),
  recheckedByName: Nullable(Type.String()),
  recheckedAt: Nullable(Timestamp),
  version: Type.Integer(),
});

export const RecheckInput = Type.Object({
  score: Type.String({ maxLength: 10, description: '复核得分 0–100，最多两位小数' }),
  findings: Type.String({ maxLength: 5000, description: '复核发现' }),
});

export const Reminder = Type.Object({
  assignmentId: Type.Integer(),
  taskId: Type.Integer(),
  title: Type.String(),
  deadline: Type.String(),
  kind: Type.Union([Type.Literal('week'), Type.Literal('day'), Type.Literal('overdue'), Type.Literal('returned')], {
    description: 'week 7 天内截止 / day 明天或今天截止 / overdue 已逾期 / returned 被退回',
  }),
  daysLeft: Type.Integer({ description: '距截止日期的天数，逾期为负' }),
  message: Type.String(),
});

export const Reminders = Type.Object({ items: Type.Array(Reminder), count: Type.Integer({ description: '提醒数（角标）' }) });
