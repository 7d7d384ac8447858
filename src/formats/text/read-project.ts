/**
 * One 项目绩效目标表, from its rows. Rows are recognised by their first cell (项目编码, 预算规模及资金用途,
 * 资金支出计划（%）, 绩效目标, 一级指标 …), whatever order a template puts them in; a row that is
 * not recognised, or does not have the cells its kind needs, stops the import with its line.
 */
import type { AmountUnit, Budget, Goal, Indicator, Project, SpendingCheckpoint, Term, Unit } from '../../core/model/document.ts';
import type { Messages } from '../../i18n/index.ts';
import { named, type MessageRef } from '../../i18n/message-ref.ts';
import type { Cell, Row } from './blocks.ts';
import {
  amountUnitCell,
  budgetPartOf,
  fundSourceOf,
  goalTermOf,
  indicatorColumnOf,
  indicatorTermOf,
  isBudgetRowLabel,
  isIndicatorHeader,
  isPlanRowLabel,
  isSourcesRowLabel,
  isUseOfFundsLabel,
  labelOf,
  normalizeLabel,
  projectFieldOf,
  readAmount,
  readPercent,
  readUnitLine,
  type IndicatorColumn,
  type ProjectField,
} from './labels.ts';
import { readGoalTexts } from './numbering.ts';

type FieldName = keyof Messages['textFormat']['field'];

/** Raises the import error for a place in the file; never returns. */
export type Fail = (line: number, field: FieldName | null, reason: MessageRef) => never;

const FIELD_OF: Record<ProjectField, FieldName> = {
  code: 'projectCode',
  name: 'projectName',
  department: 'department',
  attribute: 'attribute',
  period: 'period',
};

export interface ProjectTable {
  /** The line of the heading ("1、法律援助绩效目标表"), or of the first row when there is none. */
  line: number;
  rows: Row[];
}

/** Reads a project table; `documentUnit` stands in when the table has no unit line. */
export function readProjectTable(table: ProjectTable, documentUnit: Unit | null, fail: Fail): Project {
  const t = named.textFormat;
  let unit: Unit | null = null;
  let amountUnit: AmountUnit | null = null;
  const fields: Partial<Record<ProjectField, string>> = {};
  const budget: Budget = { total: null, fiscal: null, other: null, sources: [] };
  let useOfFunds = '';
  const spendingPlan: SpendingCheckpoint[] = [];
  const goals: Goal[] = [];
  const indicators: Indicator[] = [];

  let after: 'budget' | 'plan' | null = null;
  let checkpoints: Cell[] = [];
  let columns: IndicatorColumn[] | null = null;
  let indicatorTerm: Term = 'annual';
  let previous: Indicator | null = null;
  /** The open indicator header's line until a row comes under it: a header alone is a table cut off. */
  let headerAlone: number | null = null;

  const amount = (cell: Cell, field: FieldName) => {
    const v = readAmount(cell.text);
    if (v === undefined) fail(cell.line, field, t.notANumber(cell.text));
    return v;
  };
  const pairs = (row: Row, from: number): Array<[Cell, Cell]> => {
    if ((row.cells.length - from) % 2 !== 0) fail(row.line, null, t.unpairedCells);
    const out: Array<[Cell, Cell]> = [];
    for (let i = from; i < row.cells.length; i += 2) out.push([row.cells[i]!, row.cells[i + 1]!]);
    return out;
  };
  const expectCells = (row: Row, n: number, field: FieldName) => {
    if (row.cells.length !== n) fail(row.line, field, t.cellCount(n, row.cells.length));
  };

  for (const row of table.rows) {
    const first = row.cells[0]!;
    const label = labelOf(row);

    if (after === 'plan') {
      after = null;
      // Past the checkpoints, the row may only have the blank cells the layout spills to the table's edge.
      const stray = row.cells.slice(checkpoints.length + 1).find((c) => c.text !== '');
      if (row.cells.length < checkpoints.length + 1 || stray !== undefined) {
        if (label !== '' && readPercent(first.text) === undefined) fail(row.line, 'spendingPlan', t.planWithoutPercents);
        fail(stray?.line ?? row.line, 'spendingPlan', t.planCountMismatch(checkpoints.length, row.cells.length - 1));
      }
      checkpoints.forEach((c, i) => {
        const cell = row.cells[i + 1]!;
        const percent = readPercent(cell.text);
        if (percent === undefined) fail(cell.line, 'spendingPlan', t.notANumber(cell.text));
        // Checkpoints are labels ("３月底" is 3月底): half-width, so that monitoring can read them.
        spendingPlan.push({ checkpoint: c.text.normalize('NFKC'), percent });
      });
      continue;
    }
    if (after === 'budget' && label === '') {
      after = null;
      expectCells(row, 2, 'useOfFunds');
      useOfFunds = row.cells[1]!.text;
      continue;
    }
    after = null;

    if (columns !== null || (label === '' && indicators.length > 0)) {
      const term = indicatorTermOf(label);
      if (term !== undefined && row.cells.length === 1) {
        endHeader();
        indicatorTerm = term;
        columns = null;
        previous = null;
        continue;
      }
      if (!isIndicatorHeader(label)) {
        if (columns === null) fail(row.line, 'indicators', t.indicatorsWithoutHeader);
        expectCells(row, columns.length, 'indicators');
        const indicator = readIndicatorRow(row, columns, indicatorTerm, previous);
        indicators.push(indicator);
        previous = indicator;
        headerAlone = null;
        continue;
      }
    }

    const unitCell = row.cells.findIndex((c) => amountUnitCell(c.text) !== undefined);
    if (unitCell >= 0) {
      const value = amountUnitCell(row.cells[unitCell]!.text)!;
      if (value !== '万元' && value !== '元') fail(row.cells[unitCell]!.line, 'amountUnit', t.badAmountUnit(value));
      if (amountUnit !== null) fail(row.line, 'amountUnit', t.duplicateField(t.field.amountUnit));
      amountUnit = value;
      for (const [i, cell] of row.cells.entries()) {
        if (i === unitCell || cell.text === '') continue;
        if (unit !== null) fail(cell.line, 'unitLine', t.duplicateField(t.field.unitLine));
        unit = readUnitLine(cell.text);
      }
      continue;
    }
    if (projectFieldOf(label) !== undefined) {
      for (const [key, value] of pairs(row, 0)) {
        const field = projectFieldOf(normalizeLabel(key.text));
        if (field === undefined) fail(key.line, null, t.unknownRow(key.text));
        if (fields[field] !== undefined) fail(key.line, FIELD_OF[field], t.duplicateField(key.text));
        fields[field] = value.text;
      }
      continue;
    }
    if (isBudgetRowLabel(label)) {
      for (const [key, value] of pairs(row, 1)) readBudgetCell(key, value);
      after = 'budget';
      continue;
    }
    if (isSourcesRowLabel(label)) {
      for (const [key, value] of pairs(row, 1)) readBudgetCell(key, value);
      continue;
    }
    if (isUseOfFundsLabel(label)) {
      expectCells(row, 2, 'useOfFunds');
      useOfFunds = row.cells[1]!.text;
      continue;
    }
    if (isPlanRowLabel(label)) {
      checkpoints = withoutBlankEnd(row.cells.slice(1));
      const blank = checkpoints.find((c) => c.text === '');
      if (blank !== undefined) fail(blank.line, 'spendingPlan', t.emptyCheckpoint);
      after = 'plan';
      continue;
    }
    const goalTerm = goalTermOf(label);
    if (goalTerm !== undefined) {
      if (row.cells.length > 2) expectCells(row, 2, 'goals');
      const cell = row.cells[1]?.text ?? '';
      if (cell !== '') for (const goal of readGoalTexts(cell.split('\n'))) goals.push({ term: goalTerm, text: goal });
      continue;
    }
    if (isIndicatorHeader(label)) {
      endHeader();
      columns = readHeader(row);
      headerAlone = row.line;
      previous = null;
      continue;
    }
    const term = indicatorTermOf(label);
    if (term !== undefined && row.cells.length === 1) {
      indicatorTerm = term;
      continue;
    }
    fail(
      first.line,
      null,
      t.unknownRow(
        first.text === ''
          ? row.cells
              .map((c) => c.text)
              .join(' ')
              .slice(0, 30)
          : first.text,
      ),
    );
  }
  if (after === 'plan') fail(checkpoints[0]?.line ?? table.line, 'spendingPlan', t.planWithoutPercents);
  endHeader();
  if (indicators.length === 0) fail(table.line, 'indicators', t.noIndicators);

  const projectUnit = unit ?? documentUnit;
  if (projectUnit === null) fail(table.rows[0]?.line ?? table.line, 'unitLine', t.missingUnit);
  if (amountUnit === null) fail(table.rows[0]?.line ?? table.line, 'amountUnit', t.missingAmountUnit);

  const attribute = (fields.attribute ?? '').normalize('NFKC').trim();
  if (attribute !== '' && attribute !== '新增' && attribute !== '延续') {
    fail(lineOf(table.rows, 'attribute'), 'attribute', t.badAttribute(attribute));
  }
  const orNull = (s: string | undefined) => (s === undefined || s === '' ? null : s);
  return {
    code: fields.code ?? '',
    name: fields.name ?? '',
    unit: projectUnit,
    amountUnit,
    budget,
    useOfFunds,
    spendingPlan,
    goals,
    indicators,
    department: orNull(fields.department),
    attribute: attribute === '' ? null : (attribute as '新增' | '延续'),
    period: orNull(fields.period),
  };

  function endHeader() {
    if (headerAlone !== null) fail(headerAlone, 'indicatorHeader', t.headerWithoutRows);
  }

  function readBudgetCell(key: Cell, value: Cell) {
    const keyLabel = normalizeLabel(key.text);
    const part = budgetPartOf(keyLabel);
    if (part !== undefined) {
      if (budget[part] !== null) fail(key.line, part, t.duplicateField(key.text));
      budget[part] = amount(value, part);
      return;
    }
    const source = fundSourceOf(keyLabel);
    if (source === undefined) fail(key.line, 'budget', t.unknownRow(key.text));
    budget.sources.push({ name: source, amount: amount(value, 'sources') });
  }

  function readHeader(row: Row): IndicatorColumn[] {
    const cols: IndicatorColumn[] = [];
    for (const cell of row.cells) {
      const col = indicatorColumnOf(normalizeLabel(cell.text));
      if (col === undefined) fail(cell.line, 'indicatorHeader', t.unknownColumn(cell.text));
      if (cols.includes(col)) fail(cell.line, 'indicatorHeader', t.duplicateField(cell.text));
      cols.push(col);
    }
    for (const [col, name] of [
      ['level1', '一级指标'],
      ['level2', '二级指标'],
      ['target', '指标值'],
    ] as const) {
      if (!cols.includes(col)) fail(row.line, 'indicatorHeader', t.missingColumn(name));
    }
    return cols;
  }
}

function readIndicatorRow(row: Row, columns: IndicatorColumn[], term: Term, previous: Indicator | null): Indicator {
  const v: Record<IndicatorColumn, string> = { level1: '', level2: '', level3: '', description: '', target: '', basis: '', remark: '' };
  columns.forEach((col, i) => (v[col] = row.cells[i]!.text));
  // A merged 一级/二级 cell is exported once, then empty: the row belongs under the one above.
  const sameLevel1 = v.level1 === '' || v.level1 === previous?.level1;
  if (v.level1 === '' && previous !== null) v.level1 = previous.level1;
  if (v.level2 === '' && sameLevel1 && previous !== null) v.level2 = previous.level2;
  return {
    term,
    level1: v.level1,
    level2: v.level2,
    level3: v.level3,
    description: v.description,
    target: v.target,
    basis: v.basis,
    remark: v.remark,
  };
}

function lineOf(rows: Row[], field: ProjectField): number {
  for (const row of rows) for (const cell of row.cells) if (projectFieldOf(normalizeLabel(cell.text)) === field) return cell.line;
  return rows[0]?.line ?? 0;
}

/**
 * The cells before the blank ones a row ends with: Word's published layout draws the 资金支出计划
 * rows as wide as the indicator table, so blank cells spill past the last checkpoint and its percentage.
 */
function withoutBlankEnd(cells: readonly Cell[]): Cell[] {
  let end = cells.length;
  while (end > 0 && cells[end - 1]!.text === '') end--;
  return cells.slice(0, end);
}
