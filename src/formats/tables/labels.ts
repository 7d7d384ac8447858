/**
 * Labels the recogniser needs beyond the column and header-field descriptors: goal cells, the
 * 部门整体 table's own labels, the 自评表's budget block, and the rows that close a form. Compared
 * as headings are (normalizeHeading), a bracketed hint dropped ("中期滚动目标(2019年--2021年)").
 */
import { normalizeHeading } from '../../core/model/indicator-columns.ts';
import type { Term } from '../../core/model/document.ts';
import { type ProjectFieldId, projectFieldOfLabel } from '../../core/model/project-fields.ts';

/** 'results' is a 自评表's 年度目标完成情况, 'overall' a 部门整体 table's 年度总体目标. */
export type GoalLabel = 'annual' | 'longTerm' | 'results' | 'overall';

const GOALS = new Map<string, GoalLabel>([
  ['年度目标', 'annual'],
  ['绩效目标', 'annual'],
  ['年度绩效目标', 'annual'],
  ['本年度绩效目标', 'annual'],
  ['项目年度目标', 'annual'],
  ['当年绩效目标', 'annual'],
  ['总体目标', 'annual'],
  ['中期滚动目标', 'longTerm'],
  ['实施周期总目标', 'longTerm'],
  ['实施期绩效目标', 'longTerm'],
  ['实施期目标', 'longTerm'],
  ['中期目标', 'longTerm'],
  ['长期目标', 'longTerm'],
  ['年度目标完成情况', 'results'],
  ['目标实际完成情况', 'results'],
  ['年度总体目标', 'overall'],
  ['部门年度总体目标', 'overall'],
]);

/** Things 部门整体 tables label that no project has. */
export type DepartmentLabel = 'unitCode' | 'projectFunds' | 'basicFunds';
const DEPARTMENT = new Map<string, DepartmentLabel>([
  ['部门预算编码', 'unitCode'],
  ['单位编码', 'unitCode'],
  ['预算单位编码', 'unitCode'],
  ['部门编码', 'unitCode'],
  ['项目支出', 'projectFunds'],
  ['基本支出', 'basicFunds'],
]);

/**
 * Fund sources a header block lists beside 预算数 that the budget has no field for; each becomes a
 * source under the name the form prints.
 */
const FUND_SOURCES = new Set([
  '该项目支出上级资金',
  '上级资金',
  '上级补助资金',
  '财政专户管理资金',
  '单位资金',
  '自有资金',
  '事业收入',
  '经营收入',
]);

/** 年度履职目标's columns. */
export type DutyColumn = 'duty' | 'task' | 'projectName' | 'amount';
const DUTY = new Map<string, DutyColumn>([
  ['部门职能', 'duty'],
  ['年度目标任务', 'task'],
  ['年度工作任务', 'task'],
  ['支出项目名称', 'projectName'],
  ['项目名称', 'projectName'],
  ['预算金额', 'amount'],
]);

/** The 自评表's 预算执行情况 columns. */
export type ExecutionColumn = 'initial' | 'adjusted' | 'executed' | 'weight' | 'score' | 'reason';
const EXECUTION = new Map<string, ExecutionColumn>([
  ['年初预算', 'initial'],
  ['年初预算数', 'initial'],
  ['调整后预算数', 'adjusted'],
  ['调整后预算', 'adjusted'],
  ['全年预算数', 'adjusted'],
  ['预算执行数', 'executed'],
  ['全年执行数', 'executed'],
  ['权重', 'weight'],
  ['分值', 'weight'],
  ['得分', 'score'],
  ['原因', 'reason'],
  ['偏差原因', 'reason'],
]);

/** Rows that end an indicator table, and the 自评表's closing paragraphs. */
export type ClosingLabel = 'total' | 'conclusion' | 'problems' | 'improvements' | 'signature' | 'opinion';
const CLOSING = new Map<string, ClosingLabel>([
  ['合计', 'total'],
  ['总计', 'total'],
  ['评价结论', 'conclusion'],
  ['自评结论', 'conclusion'],
  ['存在问题', 'problems'],
  ['存在的问题', 'problems'],
  ['改进措施', 'improvements'],
  ['改进意见', 'improvements'],
  ['项目负责人:', 'signature'],
  ['财务负责人:', 'signature'],
  ['填表人:', 'signature'],
  ['财政部门审核意见', 'opinion'],
  ['主管部门审核意见', 'opinion'],
  ['审核意见', 'opinion'],
]);

const BRACKETED = /\([^)]*\)/gu;

/**
 * Labels repeat from form to form (every project's table prints 项目名称 again), and normalising is
 * most of a look-up's cost: answers are kept, and forgotten when too many pile up.
 */
function remembered<T>(look: (text: string) => T): (text: string) => T {
  const known = new Map<string, T>();
  return (text) => {
    let answer = known.get(text);
    if (answer === undefined && !known.has(text)) {
      if (known.size > 4096) known.clear();
      answer = look(text);
      known.set(text, answer);
    }
    return answer as T;
  };
}

/** The header field a label names (long cells are prose: never a label). */
export const fieldOfLabel = remembered((text: string): ProjectFieldId | undefined =>
  text.length > 40 ? undefined : projectFieldOfLabel(text),
);
/** A label as it compares: normalised, its bracketed hint dropped, "其中:" before it dropped. */
export const labelKey = remembered((text: string): string => {
  const n = normalizeHeading(text);
  const bare = n.includes('(') ? n.replace(BRACKETED, '') : n;
  return bare.startsWith('其中:') ? bare.slice(3) : bare;
});

// Labels are short; a long cell is prose and never looked up.
const lookup = <T>(map: ReadonlyMap<string, T>, text: string): T | undefined => (text.length > 40 ? undefined : map.get(labelKey(text)));

export const goalLabelOf = (text: string) => lookup(GOALS, text);
export const departmentLabelOf = (text: string) => lookup(DEPARTMENT, text);
const INDICATOR_TERMS = new Map<string, Term>([
  ['年度绩效指标', 'annual'],
  ['年度指标', 'annual'],
  ['本年度绩效指标', 'annual'],
  ['长期绩效指标', 'longTerm'],
  ['长期指标', 'longTerm'],
  ['中期绩效指标', 'longTerm'],
  ['中期指标', 'longTerm'],
  ['实施期绩效指标', 'longTerm'],
]);

/** A row naming the term of the indicator table below it ("年度绩效指标", "长期绩效指标"), as jixiao's own form prints. */
export const indicatorTermOf = (text: string) => lookup(INDICATOR_TERMS, text);
export const isSpendingPlanLabel = (text: string): boolean => text.length <= 20 && labelKey(text) === '资金支出计划';
export const isFundSourceLabel = (text: string): boolean => text.length <= 40 && FUND_SOURCES.has(labelKey(text));
export const dutyColumnOf = (text: string) => lookup(DUTY, text);
export const executionColumnOf = (text: string) => lookup(EXECUTION, text);

/** A closing row's label; a signature cell counts by how it starts ("项目负责人:张三"). */
export function closingLabelOf(text: string): ClosingLabel | undefined {
  if (text.length > 40) return undefined;
  const key = labelKey(text);
  const found = CLOSING.get(key);
  if (found !== undefined) return found;
  const colon = key.indexOf(':');
  return colon > 0 && CLOSING.get(key.slice(0, colon + 1)) === 'signature' ? 'signature' : undefined;
}
