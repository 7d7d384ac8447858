/**
 * The workbook's layout, shared by the writer and the reader. Four sheets, one record per row, as
 * the import templates of budget systems are: 「部门整体目标」 (one row per goal item), 「项目」 (one
 * row per project, the spending plan and fund sources as columns under a group header), 「绩效目标」
 * and 「绩效指标」 (one row per goal or indicator, linked to its project by 项目编码, each with its
 * 年度/长期, so their order across terms is kept), and 「说明」. Headers are found by their
 * titles in any language jixiao speaks, so columns may be moved.
 */
import { INDICATOR_COLUMNS as MODEL_INDICATOR_COLUMNS, type IndicatorColumnId } from '../../core/model/indicator-columns.ts';
import { PROVINCIAL_PROJECT_FIELDS, type ProvincialProjectFieldId } from '../../core/model/project-fields.ts';
import { messagesFor, type Locale } from '../../i18n/index.ts';

const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
type Xlsx = ReturnType<typeof messagesFor>['publication']['xlsx'];

export type DepartmentColumn = keyof Xlsx['department'] & ('unitCode' | 'unitName' | 'year' | 'part' | 'depth' | 'label' | 'text');
export const DEPARTMENT_COLUMNS: readonly DepartmentColumn[] = ['unitCode', 'unitName', 'year', 'part', 'depth', 'label', 'text'];

export type ProjectColumn = Exclude<keyof Xlsx['projects'], 'sources' | 'spendingPlan'>;
/** The header fields only some forms print: a workbook has their columns where a project (or the template's profile) has them. */
export type OptionalProjectColumn = ProvincialProjectFieldId | 'mediumTerm';
export const OPTIONAL_PROJECT_COLUMNS: readonly OptionalProjectColumn[] = [...PROVINCIAL_PROJECT_FIELDS, 'mediumTerm'];
/** The project sheet's plain columns; the fund-source and spending-plan groups go after `other` and `useOfFunds`. */
export const PROJECT_COLUMNS_BEFORE_SOURCES: readonly ProjectColumn[] = [
  'unitCode',
  'unitName',
  'year',
  'code',
  'name',
  'projectUnitCode',
  'projectUnitName',
  'department',
  'attribute',
  'period',
  ...PROVINCIAL_PROJECT_FIELDS,
  'amountUnit',
  'total',
  'fiscal',
  'other',
  'mediumTerm',
];
export const PROJECT_COLUMNS_AFTER_SOURCES: readonly ProjectColumn[] = ['useOfFunds'];

export type GoalColumn = keyof Xlsx['goals'];
export const GOAL_COLUMNS: readonly GoalColumn[] = ['projectCode', 'projectName', 'index', 'term', 'text'];

export type IndicatorColumn = keyof Xlsx['indicators'];
/**
 * The indicator sheet's columns: the row's keys, then the model's columns in the descriptor's order —
 * those jixiao's own form prints always, a provincial one where it is asked for (a row has it, or
 * the template's profile prints it).
 */
export const indicatorColumns = (provincial: ReadonlySet<IndicatorColumnId>): IndicatorColumn[] => [
  'projectCode',
  'projectName',
  'index',
  'term',
  ...modelColumns(provincial),
];

const modelColumns = (provincial: ReadonlySet<IndicatorColumnId>): IndicatorColumnId[] =>
  MODEL_INDICATOR_COLUMNS.filter((c) => c.shown !== 'provincial' || provincial.has(c.id)).map((c) => c.id);

// The 部门整体支出绩效目标表's sheets: 年度预算安排 one row per document, 履职目标 and indicators one row each.
export type DepartmentFundsColumn = keyof Xlsx['departmentFunds'];
export const DEPARTMENT_FUNDS_COLUMNS: readonly DepartmentFundsColumn[] = [
  'unitCode',
  'unitName',
  'year',
  'amountUnit',
  'total',
  'project',
  'basic',
];
export type DutyColumn = keyof Xlsx['duties'];
export const DUTY_COLUMNS: readonly DutyColumn[] = ['unitCode', 'unitName', 'year', 'index', 'duty', 'task', 'projectName', 'amount'];
export type DepartmentIndicatorColumn = keyof Xlsx['departmentIndicators'];
export const departmentIndicatorColumns = (provincial: ReadonlySet<IndicatorColumnId>): DepartmentIndicatorColumn[] => [
  'unitCode',
  'unitName',
  'year',
  'index',
  'term',
  ...modelColumns(provincial),
];

export type SheetKey = keyof Xlsx['sheets'];
export type Part = 'overallGoal' | 'subGoal' | 'safeguard';

const normalize = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/** Which key of `pick` a title names in any language, or undefined. */
export function keyOfTitle<K extends string>(title: string, pick: (x: Xlsx) => Record<K, unknown>): K | undefined {
  const t = normalize(title);
  if (t === '') return undefined;
  for (const locale of LOCALES) {
    const entries = Object.entries(pick(messagesFor(locale).publication.xlsx)) as [K, unknown][];
    for (const [key, value] of entries) if (typeof value === 'string' && normalize(value) === t) return key;
  }
  return undefined;
}

/** A sheet's name in every language, to find it whatever language wrote the workbook. */
export const sheetNames = (key: SheetKey): string[] => LOCALES.map((l) => messagesFor(l).publication.xlsx.sheets[key]);

/** Rows of the 项目 sheet that are headers: a group title in row 1, the group's items in row 2. */
export const PROJECT_HEADER_ROWS = 2;
export const FIRST_DATA_ROW = {
  department: 2,
  projects: PROJECT_HEADER_ROWS + 1,
  goals: 2,
  indicators: 2,
  departmentFunds: 2,
  duties: 2,
  departmentIndicators: 2,
} as const;

/** Rows given drop-down lists in the template and below the data of an export. */
export const VALIDATED_ROWS = 500;
