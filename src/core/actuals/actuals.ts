/**
 * What actually happened in a budget year (实际执行情况), recorded by a unit against its targets:
 * cumulative spending by date, each indicator row's actual value by date, the explanations the
 * in-year monitoring asks for (偏差原因, 完成可能性, 纠偏措施) and the year-end self-evaluation
 * inputs (全年预算数, 偏差原因分析及改进措施, 不适用).
 *
 * Everything is dated so that the same record answers "where were we on 6月30日?" (monitoring)
 * and "where did the year end?" (self-evaluation). Like the target model, the TypeBox schemas are
 * the single definition; the types are inferred from them.
 */
import Type from 'typebox';
import { DecimalText } from '../model/document.ts';

export const IsoDateText = Type.String({ pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}$', description: '日期 YYYY-MM-DD' });
const Text = (description: string) => Type.String({ description });
/** 1-based row of the project's indicator table, as `jixiao check` numbers it. */
const IndicatorIndex = Type.Integer({ minimum: 1, description: '指标序号（项目内从 1 起）' });

/** 偏差原因类别 (财预〔2019〕136号). */
export const CauseCategory = Type.Union(
  [Type.Literal('funding'), Type.Literal('institutional'), Type.Literal('staffing'), Type.Literal('facilities'), Type.Literal('other')],
  { description: 'funding 经费保障 / institutional 制度保障 / staffing 人员保障 / facilities 硬件条件保障 / other 其他' },
);
export type CauseCategory = Type.Static<typeof CauseCategory>;

/** The names the monitoring form uses; also what an actuals file may write. */
export const CAUSE_CATEGORY_NAMES: Readonly<Record<CauseCategory, string>> = {
  funding: '经费保障',
  institutional: '制度保障',
  staffing: '人员保障',
  facilities: '硬件条件保障',
  other: '其他',
};

/** 完成可能性: will the annual target be met? */
export const Likelihood = Type.Union([Type.Literal('certain'), Type.Literal('possible'), Type.Literal('impossible')], {
  description: 'certain 确定能 / possible 有可能 / impossible 完全不可能',
});
export type Likelihood = Type.Static<typeof Likelihood>;

export const LIKELIHOOD_NAMES: Readonly<Record<Likelihood, string>> = {
  certain: '确定能',
  possible: '有可能',
  impossible: '完全不可能',
};

/** Cumulative spending of a project by a date, in 万元 whatever the target table's unit. */
export const SpendingEntry = Type.Object({
  date: IsoDateText,
  cumulative: DecimalText,
  note: Text('说明'),
});
export type SpendingEntry = Type.Static<typeof SpendingEntry>;

/** An indicator row's actual value by a date, as written (read with the target-value grammar). */
export const IndicatorValue = Type.Object({
  index: IndicatorIndex,
  date: IsoDateText,
  value: Text('实际值，原文，如 "96%"、"16张"、"达成"'),
  note: Text('说明'),
});
export type IndicatorValue = Type.Static<typeof IndicatorValue>;

export const DeviationCause = Type.Object({
  category: CauseCategory,
  text: Text('偏差原因说明'),
});
export type DeviationCause = Type.Static<typeof DeviationCause>;

/**
 * What a unit says at a monitoring round about a deviation: for the project's spending
 * (`index` null) or for one indicator row. Any field may be absent in a given round; the
 * latest value of each field up to the monitoring date counts (see ./as-of.ts).
 */
export const MonitoringNote = Type.Object({
  index: Type.Union([IndicatorIndex, Type.Null()]),
  date: IsoDateText,
  cause: Type.Union([DeviationCause, Type.Null()], { description: '偏差原因' }),
  likelihood: Type.Union([Likelihood, Type.Null()], { description: '完成可能性' }),
  measure: Text('纠偏措施；空为未填'),
  expectedYearEnd: Text('全年预计完成值；空为未填'),
});
export type MonitoringNote = Type.Static<typeof MonitoringNote>;

/**
 * Year-end self-evaluation inputs for the budget line (`index` null) or one indicator row.
 * `points` and `gradePercent` are the evaluator's (or bureau's) choices; null leaves the default.
 */
export const EvaluationNote = Type.Object({
  index: Type.Union([IndicatorIndex, Type.Null()]),
  notApplicable: Type.Boolean({ description: '不适用：该指标不参与评分' }),
  notApplicableReason: Text('不适用的理由；标为不适用时必填，没有理由的不适用不予采纳'),
  analysis: Text('偏差原因分析及改进措施；空为未填'),
  points: Type.Union([DecimalText, Type.Null()], { description: '分值（财政部门设定时）' }),
  gradePercent: Type.Union([DecimalText, Type.Null()], { description: '定性指标在其档次内的得分比例（%）' }),
  // A 自评表 read from a published form prints the score it gave; jixiao's own evaluation computes it.
  score: Type.Optional(Type.Union([DecimalText, Type.Null()], { description: '表中所填得分（自评表）' })),
});
export type EvaluationNote = Type.Static<typeof EvaluationNote>;

/** Which closing paragraph of a 自评表 a statement is (or the prose cells above its tables). */
export const StatementKind = Type.Union(
  [
    Type.Literal('results'),
    Type.Literal('budgetAnalysis'),
    Type.Literal('conclusion'),
    Type.Literal('problems'),
    Type.Literal('improvements'),
  ],
  {
    description:
      'results 年度目标完成情况 / budgetAnalysis 预算执行偏差原因 / conclusion 评价结论 / problems 存在问题 / improvements 改进措施',
  },
);
export type StatementKind = Type.Static<typeof StatementKind>;

/**
 * A prose cell of a published 自评表, kept as printed. Forms are often published with the
 * template's own instructions still in the cells ("结合自评情况,分析存在的问题及原因。(200字以内)"):
 * such a cell is kept, marked `instruction`, so the review can say the unit never filled it in.
 */
export const EvaluationStatement = Type.Object({
  kind: StatementKind,
  text: Text('原文'),
  instruction: Type.Boolean({ description: '仍是表样印好的填写说明，不是填报内容' }),
});
export type EvaluationStatement = Type.Static<typeof EvaluationStatement>;

export const ProjectActuals = Type.Object({
  projectCode: Text('项目编码'),
  adjustedBudget: Type.Union([DecimalText, Type.Null()], { description: '全年预算数（万元）；null 为同年初预算数' }),
  results: Text('年度总体目标的实际完成情况'),
  spending: Type.Array(SpendingEntry),
  values: Type.Array(IndicatorValue),
  monitoring: Type.Array(MonitoringNote),
  evaluation: Type.Array(EvaluationNote),
  statements: Type.Optional(Type.Array(EvaluationStatement, { description: '自评表的评价结论、存在问题、改进措施等原文' })),
});
export type ProjectActuals = Type.Static<typeof ProjectActuals>;

export const Actuals = Type.Object({ projects: Type.Array(ProjectActuals) });
export type Actuals = Type.Static<typeof Actuals>;

export const emptyProjectActuals = (projectCode: string): ProjectActuals => ({
  projectCode,
  adjustedBudget: null,
  results: '',
  spending: [],
  values: [],
  monitoring: [],
  evaluation: [],
});

// Built once per Actuals value (a county's file serves each of its units' documents); actuals are
// values, never changed in place, so the index cannot go stale.
const indexes = new WeakMap<Actuals, Map<string, ProjectActuals>>();

/** Looks up a project's actuals by code (an empty record when nothing was recorded for it). */
export function actualsLookup(actuals: Actuals): (projectCode: string) => ProjectActuals {
  let byCode = indexes.get(actuals);
  if (byCode === undefined) indexes.set(actuals, (byCode = new Map(actuals.projects.map((p) => [p.projectCode, p]))));
  return (code) => byCode.get(code) ?? emptyProjectActuals(code);
}
