/**
 * The open-data tables of published documents, one row per project, per indicator and per spending-plan
 * checkpoint, as CSV: UTF-8 with a byte-order mark (so Excel opens the Chinese text correctly), CRLF,
 * RFC 4180 quoting; amounts as the exact decimals the documents state; an empty cell for "none".
 */
import { csvText, type CsvValue } from '../../core/csv/csv.ts';
import type { Indicator, Project, TargetDocument } from '../../core/model/document.ts';
import { PROVINCIAL_INDICATOR_COLUMNS } from '../../core/model/indicator-columns.ts';
import { PROVINCIAL_PROJECT_FIELDS } from '../../core/model/project-fields.ts';
import { snakeCase } from '../../core/text/snake-case.ts';

export type Value = CsvValue;

/** A table: its column names and rows, in the order of `columns`. */
export interface OpenTable {
  columns: readonly string[];
  rows: Value[][];
}

export const PROJECT_FIELDS = [
  'unit_code',
  'unit_name',
  'year',
  'project_code',
  'project_name',
  'project_unit_code',
  'project_unit_name',
  'department',
  'attribute',
  'period',
  'amount_unit',
  'budget_total',
  'budget_fiscal',
  'budget_other',
  'fund_sources',
  'use_of_funds',
  'annual_goals',
  'long_term_goals',
  'indicator_count',
  // The header fields only some provinces' forms print: after the others, so a reader by position still finds those.
  ...PROVINCIAL_PROJECT_FIELDS.map(snakeCase),
  'budget_medium_term',
] as const;

/** An indicator row's own columns, after its key (a project's, or the department's). */
const INDICATOR_ROW_FIELDS = [
  'index',
  'term',
  'level1',
  'level2',
  'level3',
  'description',
  'target',
  'basis',
  'remark',
  ...PROVINCIAL_INDICATOR_COLUMNS.map((c) => snakeCase(c.id)),
] as const;

export const INDICATOR_FIELDS = ['unit_code', 'unit_name', 'year', 'project_code', ...INDICATOR_ROW_FIELDS] as const;

// The 部门整体支出绩效目标表, where documents have one: 年度预算安排 one row per document, 履职目标 and indicators one row each.
const UNIT_KEY = ['unit_code', 'unit_name', 'year'] as const;
export const DEPARTMENT_FUNDS_FIELDS = [...UNIT_KEY, 'amount_unit', 'funds_total', 'funds_project', 'funds_basic'] as const;
export const DUTY_FIELDS = [...UNIT_KEY, 'duty_index', 'duty', 'duty_task', 'duty_project_name', 'duty_amount'] as const;
export const DEPARTMENT_INDICATOR_FIELDS = [...UNIT_KEY, ...INDICATOR_ROW_FIELDS] as const;

export const SPENDING_PLAN_FIELDS = [
  'unit_code',
  'unit_name',
  'year',
  'project_code',
  'checkpoint_index',
  'checkpoint',
  'percent',
] as const;

/** Each column's Table Schema type (string unless named); amounts and percentages are numbers written as exact decimals. */
export const FIELD_TYPES: Readonly<Record<string, 'number' | 'integer' | 'year'>> = {
  year: 'year',
  budget_total: 'number',
  budget_fiscal: 'number',
  budget_other: 'number',
  budget_medium_term: 'number',
  funds_total: 'number',
  funds_project: 'number',
  funds_basic: 'number',
  duty_amount: 'number',
  duty_index: 'integer',
  ...Object.fromEntries(PROVINCIAL_INDICATOR_COLUMNS.filter((c) => c.type === 'decimal').map((c) => [snakeCase(c.id), 'number'])),
  percent: 'number',
  indicator_count: 'integer',
  index: 'integer',
  checkpoint_index: 'integer',
};

const goals = (p: Project, term: 'annual' | 'longTerm') =>
  p.goals
    .filter((g) => g.term === term)
    .map((g) => g.text)
    .join('\n');

function* projectsOf(docs: readonly TargetDocument[]) {
  for (const doc of docs)
    for (const project of doc.projects) yield { project, key: [doc.unit.code, doc.unit.name, doc.year, project.code] as Value[] };
}

export function projectsTable(docs: readonly TargetDocument[]): OpenTable {
  const rows: Value[][] = [];
  for (const { project: p, key } of projectsOf(docs)) {
    const [unitCode, unitName, year] = key;
    rows.push([
      unitCode!,
      unitName!,
      year!,
      p.code,
      p.name,
      p.unit.code,
      p.unit.name,
      p.department,
      p.attribute,
      p.period,
      p.amountUnit,
      p.budget.total,
      p.budget.fiscal,
      p.budget.other,
      p.budget.sources.map((s) => `${s.name}=${s.amount ?? ''}`).join(';'),
      p.useOfFunds,
      goals(p, 'annual'),
      goals(p, 'longTerm'),
      p.indicators.length,
      ...PROVINCIAL_PROJECT_FIELDS.map((f) => p[f] ?? null),
      p.budget.mediumTerm ?? null,
    ]);
  }
  return { columns: PROJECT_FIELDS, rows };
}

const indicatorRow = (i: Indicator, n: number): Value[] => [
  n + 1,
  i.term,
  i.level1,
  i.level2,
  i.level3,
  i.description,
  i.target,
  i.basis,
  i.remark,
  ...PROVINCIAL_INDICATOR_COLUMNS.map((c) => i[c.id] ?? null),
];

export function indicatorsTable(docs: readonly TargetDocument[]): OpenTable {
  const rows: Value[][] = [];
  for (const { project, key } of projectsOf(docs)) project.indicators.forEach((i, n) => rows.push([...key, ...indicatorRow(i, n)]));
  return { columns: INDICATOR_FIELDS, rows };
}

const unitKey = (doc: TargetDocument): Value[] => [doc.unit.code, doc.unit.name, doc.year];

/** Whether any document has a 部门整体支出绩效目标表 (its tables are in the package only then). */
export const hasDepartmentTable = (docs: readonly TargetDocument[]): boolean =>
  docs.some(
    (d) => (d.department?.funds ?? null) !== null || (d.department?.duties ?? []).length > 0 || (d.department?.indicators ?? []).length > 0,
  );

export function departmentFundsTable(docs: readonly TargetDocument[]): OpenTable {
  const rows = docs.flatMap((d) => {
    const f = d.department?.funds;
    return f ? [[...unitKey(d), f.amountUnit, f.total, f.project, f.basic]] : [];
  });
  return { columns: DEPARTMENT_FUNDS_FIELDS, rows };
}

export function dutiesTable(docs: readonly TargetDocument[]): OpenTable {
  const rows = docs.flatMap((d) =>
    (d.department?.duties ?? []).map((t, n) => [...unitKey(d), n + 1, t.duty, t.task, t.projectName, t.amount]),
  );
  return { columns: DUTY_FIELDS, rows };
}

export function departmentIndicatorsTable(docs: readonly TargetDocument[]): OpenTable {
  const rows = docs.flatMap((d) => (d.department?.indicators ?? []).map((i, n) => [...unitKey(d), ...indicatorRow(i, n)]));
  return { columns: DEPARTMENT_INDICATOR_FIELDS, rows };
}

export function spendingPlanTable(docs: readonly TargetDocument[]): OpenTable {
  const rows: Value[][] = [];
  for (const { project, key } of projectsOf(docs)) {
    project.spendingPlan.forEach((c, n) => rows.push([...key, n + 1, c.checkpoint, c.percent]));
  }
  return { columns: SPENDING_PLAN_FIELDS, rows };
}

/** The table as CSV text, starting with the byte-order mark; text cells cannot start a formula. */
export function toCsv(table: OpenTable): string {
  return csvText(table.columns, table.rows, (i) => FIELD_TYPES[table.columns[i]!] !== undefined);
}
