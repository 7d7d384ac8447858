/**
 * The heading row of an indicator table, wherever it stands in a table: its columns mapped through
 * the descriptor's aliases, side-by-side sets told apart (a column that comes again starts the next
 * set: 东莞's 中期 二级/三级/指标值 then 年度 二级/三级/指标值, sharing 一级), the block label merged
 * into its left edge ("绩效指标(90分)"), and a flat sheet's project columns (单位名称, 项目名称, 预算数,
 * 年度目标) before 一级.
 */
import type { Term } from '../../core/model/document.ts';
import {
  columnOfHeading,
  INDICATOR_COLUMNS,
  RESULT_COLUMNS,
  type IndicatorColumnId,
  type ResultColumnId,
} from '../../core/model/indicator-columns.ts';
import type { ProjectFieldId } from '../../core/model/project-fields.ts';
import { named } from '../../i18n/message-ref.ts';
import type { Grid } from './grid.ts';
import { fieldOfLabel, goalLabelOf } from './labels.ts';
import { failAt } from './place.ts';

export type ColumnId = IndicatorColumnId | ResultColumnId;

export const TABLE_COLUMNS = [...INDICATOR_COLUMNS, ...RESULT_COLUMNS];

export interface ColumnSet {
  term: Term;
  columns: Map<ColumnId, number>;
}

export interface IndicatorHeader {
  row: number;
  sets: ColumnSet[];
  /** The headings as printed over the sets' columns. */
  headings: string[];
  level1Column: number;
  /** The block label merged into the table's left edge, e.g. "绩效指标(90分)": no data of its own. */
  blockColumns: Set<number>;
  blockLabel: string | null;
  /** A flat sheet's project columns. */
  projectColumns: Map<ProjectFieldId, number>;
  goalColumns: Map<Term, number>;
  /** Columns with an unknown or empty heading: anything written under one cannot be placed. */
  unknown: Map<number, string>;
}

/** A heading is short; long cells are prose and skip the look-up. */
const MAX_HEADING = 30;
const LONG_TERM_BLOCK = /中期|实施期|实施周期|长期/u;

const headingCache = new Map<string, ColumnId | null>();
function columnOf(text: string): ColumnId | undefined {
  if (text.length > MAX_HEADING || text === '') return undefined;
  let id = headingCache.get(text);
  if (id === undefined) {
    if (headingCache.size > 4096) headingCache.clear();
    id = columnOfHeading(TABLE_COLUMNS, text) ?? null;
    headingCache.set(text, id);
  }
  return id ?? undefined;
}

/** Whether row `r` heads an indicator table (a second heading row under "绩效指标" counts). */
export function indicatorHeaderAt(file: string, grid: Grid, r: number): IndicatorHeader | null {
  const row = grid.rows[r]!;
  const above = r > 0 ? grid.rows[r - 1] : undefined;
  const ids: (ColumnId | undefined)[] = [];
  const seen = new Set<ColumnId>();
  for (let c = 0; c < row.length; c++) {
    const cell = row[c]!;
    if (cell.mergedFrom === 'left') {
      ids.push(undefined);
      continue;
    }
    let id = columnOf(cell.text);
    // "绩效指标" over "一级": the two rows read as one heading ("绩效指标一级").
    const upper = above?.[c];
    if (id === undefined && cell.text !== '' && upper !== undefined && upper.text !== '' && upper.text !== cell.text)
      id = columnOf(upper.text + cell.text);
    ids.push(id);
    if (id !== undefined) seen.add(id);
  }
  if (!seen.has('level1') || !seen.has('level3') || !(seen.has('target') || seen.has('actual'))) return null;
  // 一级 opens the table (what stands left of it is the block label or a flat sheet's project columns).
  const level1Column = ids.indexOf('level1');
  if (ids.findIndex((id) => id !== undefined) !== level1Column) return null;
  const header: IndicatorHeader = {
    row: r,
    sets: [],
    headings: [],
    level1Column,
    blockColumns: new Set(),
    blockLabel: null,
    projectColumns: new Map(),
    goalColumns: new Map(),
    unknown: new Map(),
  };
  let set: Map<ColumnId, number> | null = null;
  for (let c = 0; c < row.length; c++) {
    const text = row[c]!.text.trim();
    const id = ids[c];
    if (c < level1Column) {
      const field = fieldOfLabel(text);
      const goal = goalLabelOf(text);
      if (row[c]!.mergedFrom === 'left') continue;
      if (field !== undefined) header.projectColumns.set(field, c);
      else if (goal === 'annual' || goal === 'longTerm') header.goalColumns.set(goal, c);
      else {
        header.blockColumns.add(c);
        if (header.blockLabel === null && text !== '') header.blockLabel = text;
      }
      continue;
    }
    if (id === undefined) {
      header.unknown.set(c, text);
      continue;
    }
    if (set === null || set.has(id)) {
      set = new Map();
      header.sets.push({ term: 'annual', columns: set });
    }
    set.set(id, c);
    header.headings.push(text);
  }
  if (header.sets.some((s) => !s.columns.has('level3'))) return null;
  if (header.sets.length > 2) failAt(file, { grid, row: r, column: level1Column }, named.formats.tables.tooManySets(header.sets.length));
  if (header.sets.length === 2) header.sets[0]!.term = 'longTerm';
  else if (header.blockLabel !== null && LONG_TERM_BLOCK.test(header.blockLabel)) header.sets[0]!.term = 'longTerm';
  return header;
}

/** The headings of a row, for an error that names what was found. */
export const headingsOf = (grid: Grid, r: number): string[] => {
  const out: string[] = [];
  for (const cell of grid.rows[r]!) {
    const t = cell.text.trim();
    if (cell.mergedFrom === null && t !== '' && t.length <= MAX_HEADING) out.push(t);
  }
  return out;
};

/** How much a row looks like an indicator heading: the descriptor columns it names. */
export function headingScore(grid: Grid, r: number): number {
  let n = 0;
  for (const cell of grid.rows[r]!) if (cell.mergedFrom === null && columnOf(cell.text) !== undefined) n++;
  return n;
}
