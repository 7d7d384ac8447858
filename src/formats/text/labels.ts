/**
 * The labels of a 项目绩效目标表 and the names different templates give them. Labels are compared
 * after NFKC (full-width letters, digits and punctuation become half-width) and without spaces,
 * so "其中：财政资金", "其中:财政资金" and "其中 : 财政资金" are one label.
 */
import { readDecimal } from '../../core/model/decimal.ts';

const NEEDS_NORMALIZING = /[\s\u3000\uff01-\uff5e]/;
/** Most cells are already plain; NFKC only runs on those with spaces or full-width forms. */
export const normalizeLabel = (s: string): string => (NEEDS_NORMALIZING.test(s) ? s.normalize('NFKC').replace(/\s+/g, '') : s);

/** A row's first cell as a label, normalised once per row. */
export const labelOf = (row: { cells: { text: string }[]; label?: string }): string => (row.label ??= normalizeLabel(row.cells[0]!.text));

export type ProjectField = 'code' | 'name' | 'department' | 'attribute' | 'period';

// Maps, not object literals: a cell reading "constructor" must not find Object.prototype's.
const FIELD_LABELS = new Map<string, ProjectField>(
  Object.entries({
    项目编码: 'code',
    项目代码: 'code',
    项目名称: 'name',
    主管部门: 'department',
    主管部门及代码: 'department',
    项目属性: 'attribute',
    项目起止时间: 'period',
    项目期限: 'period',
    实施期限: 'period',
    项目实施期: 'period',
  } satisfies Record<string, ProjectField>),
);
export const projectFieldOf = (label: string): ProjectField | undefined => FIELD_LABELS.get(label);

export type BudgetPart = 'total' | 'fiscal' | 'other';
const BUDGET_LABELS = new Map<string, BudgetPart>(
  Object.entries({
    预算数: 'total',
    预算总额: 'total',
    年度预算数: 'total',
    年度资金总额: 'total',
    资金总额: 'total',
    财政资金: 'fiscal',
    其他资金: 'other',
  } satisfies Record<string, BudgetPart>),
);
export const budgetPartOf = (label: string): BudgetPart | undefined => BUDGET_LABELS.get(label.replace(/^其中:/, ''));

/** Fund sources some templates itemise; printed as in the form, in this order. */
export const FUND_SOURCES = ['财政拨款', '自有资金', '事业收入', '经营性收入', '上级补助收入', '附属单位上缴收入', '其他'];
const SOURCE_ALIASES = new Map([
  ['经营收入', '经营性收入'],
  ['其他收入', '其他'],
]);
export function fundSourceOf(label: string): string | undefined {
  const l = label.replace(/^其中:/, '');
  return FUND_SOURCES.includes(l) ? l : SOURCE_ALIASES.get(l);
}

export const isBudgetRowLabel = (label: string): boolean => /^(?:预算规模|资金规模|项目资金)/.test(label);
export const isSourcesRowLabel = (label: string): boolean => label === '资金来源';
export const isUseOfFundsLabel = (label: string): boolean => label === '资金用途' || label === '项目资金用途';
export const isPlanRowLabel = (label: string): boolean => label.startsWith('资金支出计划') || label.startsWith('支出计划');

/** A row of goals: "绩效目标" (annual), "年度目标", "长期目标" … */
export function goalTermOf(label: string): 'annual' | 'longTerm' | undefined {
  if (/^(?:年度)?(?:绩效)?目标$/.test(label) && label !== '目标') return 'annual';
  if (/^(?:中)?长期(?:绩效)?目标$/.test(label)) return 'longTerm';
  return undefined;
}

/** A one-cell row that starts an indicator table of one term: "年度绩效指标", "长期指标" … */
export function indicatorTermOf(label: string): 'annual' | 'longTerm' | undefined {
  if (/^年度(?:绩效)?指标$/.test(label)) return 'annual';
  if (/^(?:中)?长期(?:绩效)?指标$/.test(label)) return 'longTerm';
  return undefined;
}

export type IndicatorColumn = 'level1' | 'level2' | 'level3' | 'description' | 'target' | 'basis' | 'remark';
const COLUMN_LABELS = new Map<string, IndicatorColumn>(
  Object.entries({
    一级指标: 'level1',
    二级指标: 'level2',
    三级指标: 'level3',
    绩效指标描述: 'description',
    指标描述: 'description',
    指标内容: 'description',
    指标值: 'target',
    目标值: 'target',
    年度指标值: 'target',
    指标目标值: 'target',
    指标值确定依据: 'basis',
    指标值设定依据: 'basis',
    确定依据: 'basis',
    依据: 'basis',
    备注: 'remark',
  } satisfies Record<string, IndicatorColumn>),
);
export const indicatorColumnOf = (label: string): IndicatorColumn | undefined => COLUMN_LABELS.get(label);
export const isIndicatorHeader = (label: string): boolean => label === '一级指标';

/** "单位：万元" → "万元"; undefined when the cell is not an amount-unit cell. */
export function amountUnitCell(cell: string): string | undefined {
  // Cheap test first: this runs on every cell of every row.
  if (cell.length > 16 || !cell.includes('单位')) return undefined;
  const m = /^(?:金额)?单位:(.*)$/.exec(normalizeLabel(cell));
  return m === null ? undefined : m[1]!;
}

/** "315002怀来县司法局" → code and name; a label such as "预算单位：" before it is dropped. */
export function readUnitLine(cell: string): { code: string | null; name: string } {
  const s = cell.replace(/^(?:预算)?单位(?:名称)?\s*[:：]\s*/, '').trim();
  const m = /^([0-9０-９]+)\s*(\S.*)$/.exec(s);
  return m === null ? { code: null, name: s } : { code: m[1]!.normalize('NFKC'), name: m[2]!.trim() };
}

/** A spending-plan percentage: "20.00", "20%", "２０％"; null when empty, undefined when not a number. */
export function readPercent(cell: string): string | null | undefined {
  return PLAIN_NUMBER.test(cell) ? cell : readDecimal(cell.normalize('NFKC').replace(/%$/, ''));
}

/** A number already in canonical form ("20.00", "0.5"): most cells are, and need no further reading. */
const PLAIN_NUMBER = /^(?:0|[1-9][0-9]*)(?:\.[0-9]+)?$/;

/** An amount cell: null when empty, undefined when not a number. */
export function readAmount(cell: string): string | null | undefined {
  return PLAIN_NUMBER.test(cell) ? cell : readDecimal(cell);
}
