/**
 * The performance-target document of one budget unit for one budget year
 * (单位年度预算绩效目标), exactly as published: part 1 the department's goals,
 * part 2 one 项目绩效目标表 per budget project.
 *
 * The schemas are the single definition of the model: the TypeScript types are
 * inferred from them, the HTTP API validates with them, and `schema/` publishes
 * them as JSON Schema. Values keep what the document says: text stays text, an
 * empty cell is `null` (never a silent zero), amounts are decimal strings.
 */
import Type from 'typebox';
import { TEXT_LIMITS, type TextField } from './text-limits.ts';

/** An exact decimal written as text, e.g. "5.00", "91.1", "-3". Never a binary float. */
export const DecimalText = Type.String({
  pattern: '^-?[0-9]+(\\.[0-9]+)?$',
  description: 'exact decimal as a string, e.g. "5.00"',
});
export type DecimalText = Type.Static<typeof DecimalText>;

/** A decimal that cannot be negative (an amount spent, a threshold, a share of points), e.g. "5.00". */
export const NonNegativeDecimalText = Type.String({
  pattern: '^[0-9]+(\\.[0-9]+)?$',
  description: 'non-negative exact decimal as a string, e.g. "5.00"',
});

const Text = (description: string, field: TextField) => Type.String({ description, maxLength: TEXT_LIMITS[field] });
const OptionalText = (description: string, field: TextField) =>
  Type.Union([Type.String({ maxLength: TEXT_LIMITS[field] }), Type.Null()], { description });

/** A budget unit (预算单位), e.g. code 315002, name 怀来县司法局. */
export const Unit = Type.Object({
  code: OptionalText('单位编码', 'unitCode'),
  name: Text('单位名称', 'unitName'),
});
export type Unit = Type.Static<typeof Unit>;

/**
 * A numbered item of 分项绩效目标 or 工作保障措施: "一、…" with nested items
 * such as "（一）…（二）…". `label` is the numbering as written ("一、", "（一）", "1.")
 * or "" when the item was not numbered.
 */
export interface NumberedItem {
  label: string;
  text: string;
  children: NumberedItem[];
}
export const NumberedItem = Type.Cyclic(
  {
    NumberedItem: Type.Object({
      label: Text('编号，如 "一、"、"（一）"', 'itemLabel'),
      text: Text('内容', 'itemText'),
      children: Type.Array(Type.Ref('NumberedItem')),
    }),
  },
  'NumberedItem',
);

/** The amount unit of a table (单位：万元). */
export const AmountUnit = Type.Union([Type.Literal('万元'), Type.Literal('元')], {
  description: '金额单位',
});
export type AmountUnit = Type.Static<typeof AmountUnit>;

const OptionalAmount = (description: string) => Type.Union([DecimalText, Type.Null()], { description: `${description}；空格为 null` });

/** A further fund source some templates list (财政拨款/自有资金/事业收入/经营性收入/其他). */
export const FundSource = Type.Object({
  name: Text('资金来源名称', 'sourceName'),
  amount: OptionalAmount('金额'),
});
export type FundSource = Type.Static<typeof FundSource>;

/** 预算规模: 预算数 = 财政资金 + 其他资金. */
export const Budget = Type.Object({
  total: OptionalAmount('预算数'),
  fiscal: OptionalAmount('其中：财政资金'),
  other: OptionalAmount('其他资金'),
  sources: Type.Array(FundSource, { description: '其他模板列出的资金来源明细，如 财政专户管理资金、单位资金' }),
  mediumTerm: Type.Optional(OptionalAmount('中期预算（实施期资金总额）')),
});
export type Budget = Type.Static<typeof Budget>;

/** One checkpoint of the cumulative spending plan (资金支出计划), e.g. 3月底 → 20.00 %. */
export const SpendingCheckpoint = Type.Object({
  // A blank cell of the form is no checkpoint: monitoring could not say when its percentage is due.
  checkpoint: Type.String({ description: '时点，如 "3月底"、"第一季度"', minLength: 1, maxLength: TEXT_LIMITS.checkpoint }),
  percent: Type.Union([DecimalText, Type.Null()], { description: '累计支出占预算的百分比' }),
});
export type SpendingCheckpoint = Type.Static<typeof SpendingCheckpoint>;

/** Whether a goal or an indicator is for the budget year or long-term (年度 / 长期). */
export const Term = Type.Union([Type.Literal('annual'), Type.Literal('longTerm')], {
  description: 'annual 年度 / longTerm 长期',
});
export type Term = Type.Static<typeof Term>;

/** A numbered goal statement under 绩效目标. */
export const Goal = Type.Object({
  term: Term,
  text: Text('目标内容（不含编号）', 'goal'),
});
export type Goal = Type.Static<typeof Goal>;

/**
 * One row of the indicator table. The 一级/二级 cells hold what was written,
 * with an empty cell already resolved to "the same as the row above".
 */
export const Indicator = Type.Object({
  term: Term,
  level1: Text('一级指标，如 "产出指标"', 'level1'),
  level2: Text('二级指标，如 "数量指标"', 'level2'),
  level3: Text('三级指标', 'level3'),
  description: Text('绩效指标描述', 'description'),
  target: Text('指标值，原文，如 "≥95%"', 'target'),
  basis: Text('指标值确定依据', 'basis'),
  remark: Text('备注', 'remark'),
  // The columns below are printed only by some provinces' forms (see ./indicator-columns.ts); absent
  // or null where the form has no such column. 指标性质 and 度量单位 are what the form printed in
  // their own cells; `target` then holds the whole value as one reads it ("≥95%").
  nature: Type.Optional(OptionalText('指标性质，原文，如 "≥"、"定性"、"正向"', 'nature')),
  measureUnit: Type.Optional(OptionalText('度量单位，如 "%"、"人次"', 'measureUnit')),
  weight: Type.Optional(Type.Union([NonNegativeDecimalText, Type.Null()], { description: '权重或分值' })),
  direction: Type.Optional(OptionalText('指标方向性，如 "正向"、"反向"', 'direction')),
  explanation: Type.Optional(OptionalText('指标解释', 'explanation')),
  origin: Type.Optional(OptionalText('指标来源，如 "共性指标"、"个性指标"、"自定"', 'origin')),
  previousYear: Type.Optional(OptionalText('上年指标值或实际值', 'previousYear')),
  yearBeforeLast: Type.Optional(OptionalText('前年指标值或实际值', 'yearBeforeLast')),
});
export type Indicator = Type.Static<typeof Indicator>;

/** 部门整体支出 年度预算安排: 资金总额 = 项目支出 + 基本支出. */
export const DepartmentFunds = Type.Object({
  amountUnit: AmountUnit,
  total: OptionalAmount('资金总额'),
  project: OptionalAmount('项目支出'),
  basic: OptionalAmount('基本支出'),
});
export type DepartmentFunds = Type.Static<typeof DepartmentFunds>;

/** One row of 年度履职目标: 部门职能 → 年度目标任务 → 支出项目名称 → 预算金额. */
export const DutyTarget = Type.Object({
  duty: Text('部门职能', 'duty'),
  task: Text('年度目标任务', 'dutyTask'),
  projectName: Text('支出项目名称', 'projectName'),
  amount: OptionalAmount('预算金额'),
});
export type DutyTarget = Type.Static<typeof DutyTarget>;

/**
 * 部门整体绩效目标: the sample's prose (总体目标, 分项绩效目标, 工作保障措施) and, where the form is a
 * 部门整体支出绩效目标表, its fund totals, 年度履职目标 and department-wide indicators.
 */
export const DepartmentGoals = Type.Object({
  overallGoal: Text('一、总体绩效目标', 'overallGoal'),
  subGoals: Type.Array(NumberedItem, { description: '二、分项绩效目标' }),
  safeguards: Type.Array(NumberedItem, { description: '三、工作保障措施' }),
  funds: Type.Optional(Type.Union([DepartmentFunds, Type.Null()], { description: '年度预算安排' })),
  duties: Type.Optional(Type.Array(DutyTarget, { description: '年度履职目标' })),
  indicators: Type.Optional(Type.Array(Indicator, { description: '部门整体绩效指标' })),
});
export interface DepartmentGoals {
  overallGoal: string;
  subGoals: NumberedItem[];
  safeguards: NumberedItem[];
  funds?: DepartmentFunds | null;
  duties?: DutyTarget[];
  indicators?: Indicator[];
}

/** 项目属性. */
export const ProjectAttribute = Type.Union([Type.Literal('新增'), Type.Literal('延续'), Type.Null()], {
  description: '项目属性',
});

/** One 项目绩效目标表. */
export const Project = Type.Object({
  code: Text('项目编码，如 "315-0105-JBN-2D9U"', 'projectCode'),
  name: Text('项目名称', 'projectName'),
  unit: Unit,
  amountUnit: AmountUnit,
  budget: Budget,
  useOfFunds: Text('资金用途', 'useOfFunds'),
  spendingPlan: Type.Array(SpendingCheckpoint, { description: '资金支出计划（%），累计' }),
  goals: Type.Array(Goal, { description: '绩效目标' }),
  indicators: Type.Array(Indicator, { description: '绩效指标，按表中顺序' }),
  department: OptionalText('主管部门', 'department'),
  attribute: ProjectAttribute,
  period: OptionalText('项目起止时间', 'period'),
  // Header fields of the 审批表/批复表 and other provinces' forms (see ./project-fields.ts).
  category: Type.Optional(OptionalText('项目分类，如 "(31)部门预算项目"', 'category')),
  constructionPeriod: Type.Optional(OptionalText('建设周期', 'constructionPeriod')),
  manager: Type.Optional(OptionalText('项目负责人', 'manager')),
  approvalNumber: Type.Optional(OptionalText('项目审批文号', 'approvalNumber')),
  subjectCode: Type.Optional(OptionalText('财政资金科目代码', 'subjectCode')),
});
export type Project = Type.Static<typeof Project>;

/** The published document of one unit for one year. */
export const TargetDocument = Type.Object({
  unit: Unit,
  year: Type.Union([Type.Integer({ minimum: 1990, maximum: 2100 }), Type.Null()], {
    description: '预算年度',
  }),
  department: Type.Union([DepartmentGoals, Type.Null()], { description: '部门整体绩效目标' }),
  projects: Type.Array(Project, { description: '预算项目绩效目标表' }),
});
export interface TargetDocument {
  unit: Unit;
  year: number | null;
  department: DepartmentGoals | null;
  projects: Project[];
}
