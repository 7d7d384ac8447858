/**
 * The open-data tables of published documents, one row per project, per indicator and per spending-plan
 * checkpoint, as CSV: UTF-8 with a byte-order mark (so Excel opens the Chinese text correctly), CRLF,
 * RFC 4180 quoting; amounts as the exact decimals the documents state; an empty cell for "none".
 */
import { csvText, type CsvValue } from '../../core/csv/csv.ts';
import type { Project, TargetDocument } from '../../core/model/document.ts';
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

export const INDICATOR_FIELDS = [
  'unit_code',
  'unit_name',
  'year',
  'project_code',
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

export function indicatorsTable(docs: readonly TargetDocument[]): OpenTable {
  const rows: Value[][] = [];
  for (const { project, key } of projectsOf(docs)) {
    project.indicators.forEach((i, n) =>
      rows.push([
        ...key,
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
      ]),
    );
  }
  return { columns: INDICATOR_FIELDS, rows };
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
