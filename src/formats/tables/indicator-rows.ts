/**
 * The rows under an indicator heading. Merged cells arrive spread out (the Grid's doing): a 一级 or
 * 二级 merged down continues its group; an empty 二级 continues it too while the 一级 stays the same
 * (forms that repeat 一级 on every row, in no order, keep each row's own). A 二级-only row (no 三级,
 * no value) is the form's empty slot and is skipped; a value without a 三级, or text under a column
 * the table does not have, cannot be placed and stops the import at its cell.
 */
import type { DecimalText, Indicator } from '../../core/model/document.ts';
import { readDecimal } from '../../core/model/decimal.ts';
import { normalizeHeading } from '../../core/model/indicator-columns.ts';
import { named } from '../../i18n/message-ref.ts';
import type { FormRead, IndicatorRead } from './form-read.ts';
import type { Grid, GridCell } from './grid.ts';
import { type ColumnId, type ColumnSet, type IndicatorHeader, indicatorHeaderAt } from './indicator-header.ts';
import { closingLabelOf, fieldOfLabel, goalLabelOf, indicatorTermOf } from './labels.ts';
import { labelText, readBlockPoints, readLevel1Label } from './level1-label.ts';
import { failAt } from './place.ts';
import { composeTarget } from './target-cells.ts';

// Named once: a message is only made when a row fails.
const t = named.formats.tables;
const POINTS_UNIT = /分$/u;
/** "/" marks a cell the form says not to fill. */
const NOT_APPLICABLE = /^[/／—-]$/u;

export interface RowState {
  level1: string | null;
  /** Per side-by-side set. */
  level2: (string | null)[];
}

export const newRowState = (header: IndicatorHeader): RowState => ({ level1: null, level2: header.sets.map(() => null) });

/** Takes in what the heading row says about the form: its columns, sets and block points. */
export function noteHeader(header: IndicatorHeader, form: FormRead): void {
  for (const set of header.sets) for (const id of set.columns.keys()) form.columns.add(id);
  for (const h of header.headings) form.headings.add(normalizeHeading(h));
  form.sets = Math.max(form.sets, header.sets.length);
  if (header.blockLabel !== null) {
    const points = readBlockPoints(header.blockLabel);
    if (points.total !== null) form.blockTotal = points.total;
    for (const [name, p] of points.level1) form.level1Points.set(name, { min: p, max: p });
  }
}

const firstOwnText = (row: readonly GridCell[]): string | undefined => {
  for (const cell of row) if (cell.mergedFrom === null && cell.text.trim() !== '') return cell.text.trim();
  return undefined;
};

/** Whether row `r` is past the indicator table: a closing row, the next header block or heading. */
export function endsIndicatorTable(file: string, grid: Grid, r: number): boolean {
  const first = firstOwnText(grid.rows[r]!);
  if (first === undefined) return false;
  if (closingLabelOf(first) !== undefined || fieldOfLabel(first) !== undefined || goalLabelOf(first) !== undefined) return true;
  if (indicatorTermOf(first) !== undefined) return true;
  return indicatorHeaderAt(file, grid, r) !== null;
}

/** Reads the table under `header` into `form`; returns the first row after it. */
export function readIndicatorTable(file: string, grid: Grid, header: IndicatorHeader, form: FormRead): number {
  noteHeader(header, form);
  const state = newRowState(header);
  const before = form.indicators.length;
  let r = header.row + 1;
  for (; r < grid.rows.length && !endsIndicatorTable(file, grid, r); r++) readIndicatorRow(file, grid, r, header, state, form);
  if (form.indicators.length === before) failAt(file, { grid, row: header.row, column: header.level1Column }, t.headerAlone);
  // Sets side by side are read row by row; the model lists the 中期 set's indicators, then the 年度 set's.
  if (header.sets.length > 1) {
    const order = (i: IndicatorRead) => header.sets.findIndex((s) => s.term === i.indicator.term);
    form.indicators.push(...form.indicators.splice(before).sort((a, b) => order(a) - order(b)));
  }
  return r;
}

export function readIndicatorRow(file: string, grid: Grid, r: number, header: IndicatorHeader, state: RowState, form: FormRead): void {
  const row = grid.rows[r]!;
  for (const [c, heading] of header.unknown) {
    const cell = row[c]!;
    if (cell.mergedFrom === null && cell.text.trim() !== '')
      failAt(file, { grid, row: r, column: c }, t.unplaced(cell.text.trim()), heading || undefined);
  }
  const l1 = row[header.level1Column]!;
  let level1 = state.level1;
  if (l1.text.trim() !== '') {
    const read = readLevel1Label(l1.text);
    level1 = read.name;
    if (l1.mergedFrom === null) {
      form.level1Names.add(read.name);
      if (read.points !== null) form.level1Points.set(read.name, read.points);
    }
  }
  const sameLevel1 = level1 === state.level1;
  for (const [i, set] of header.sets.entries()) {
    const level2 = readLevel2(row, set, sameLevel1 ? state.level2[i]! : null);
    state.level2[i] = level2;
    const indicator = readIndicator(file, grid, r, set, level1, level2 ?? '');
    if (indicator !== null) form.indicators.push(indicator);
  }
  state.level1 = level1;
}

function readLevel2(row: readonly GridCell[], set: ColumnSet, continued: string | null): string | null {
  const c = set.columns.get('level2');
  if (c === undefined) return continued;
  const text = labelText(row[c]!.text);
  // A label spanning 一级 and 二级 (湘潭's 满意度 row) arrives in both, merged from the left.
  return text === '' ? continued : text;
}

function readIndicator(file: string, grid: Grid, r: number, set: ColumnSet, level1: string | null, level2: string): IndicatorRead | null {
  const row = grid.rows[r]!;
  /** A value cell's own text; a merge from the left belongs to the column it starts in. */
  const text = (id: ColumnId): string | undefined => {
    const c = set.columns.get(id);
    if (c === undefined) return undefined;
    const cell = row[c]!;
    return cell.mergedFrom === 'left' ? '' : cell.text.trim();
  };
  const orNull = (id: ColumnId): string | null => {
    const v = text(id);
    return v === undefined || v === '' ? null : v;
  };
  const level3 = text('level3') ?? '';
  // The 2020 form often leaves 三级 empty and names the indicator in its 描述: a row with any value is
  // an indicator; one with neither 三级 nor value is the form's empty 二级 slot.
  let written: { column: number; text: string } | undefined =
    level3 === '' ? undefined : { column: set.columns.get('level3')!, text: level3 };
  for (const [id, c] of set.columns) {
    if (written !== undefined) break;
    if (id === 'level1' || id === 'level2' || id === 'level3') continue;
    const v = text(id);
    if (v !== undefined && v !== '') written = { column: c, text: v };
  }
  if (written === undefined) return null;
  if (level1 === null) failAt(file, { grid, row: r, column: written.column }, t.noLevel1(written.text));
  const number = (id: ColumnId): DecimalText | null => {
    const v = text(id);
    if (v === undefined || v === '' || NOT_APPLICABLE.test(v)) return null;
    const d = readDecimal(v.replace(POINTS_UNIT, ''));
    if (d === undefined || (id === 'weight' && d !== null && d.startsWith('-')))
      failAt(file, { grid, row: r, column: set.columns.get(id)! }, t.notANumber(v));
    return d ?? null;
  };
  const has = (id: ColumnId) => set.columns.has(id);
  const composed = composeTarget({
    nature: has('nature') ? (text('nature') ?? '') : null,
    direction: has('direction') ? (text('direction') ?? '') : null,
    value: text('target') ?? '',
    measureUnit: has('measureUnit') ? (text('measureUnit') ?? '') : null,
  });
  const indicator: Indicator = {
    term: set.term,
    level1: level1!,
    level2,
    level3,
    description: text('description') ?? '',
    target: composed.target,
    basis: text('basis') ?? '',
    remark: text('remark') ?? '',
  };
  if (has('nature') || has('direction')) {
    indicator.nature = composed.nature;
    indicator.direction = composed.direction;
  }
  if (has('measureUnit')) indicator.measureUnit = orNull('measureUnit');
  if (has('weight')) indicator.weight = number('weight');
  for (const id of ['explanation', 'origin', 'previousYear', 'yearBeforeLast'] as const) if (has(id)) indicator[id] = orNull(id);
  return {
    indicator,
    actual: orNull('actual'),
    score: has('score') ? number('score') : null,
    shortfallReason: orNull('shortfallReason'),
  };
}
