/**
 * A 部门整体 table's 年度履职目标 block: 部门职能 | 年度目标任务 | 支出项目名称 | 预算金额, one row a task,
 * until a blank row or the next heading.
 */
import { declaredAmountUnit } from './amount.ts';
import type { FormRead } from './form-read.ts';
import type { Grid } from './grid.ts';
import { type DutyColumn, dutyColumnOf } from './labels.ts';

export function dutiesHeaderAt(grid: Grid, r: number): Map<DutyColumn, number> | null {
  const columns = new Map<DutyColumn, number>();
  for (const [c, cell] of grid.rows[r]!.entries()) {
    if (cell.mergedFrom !== null) continue;
    const id = dutyColumnOf(cell.text);
    if (id !== undefined && !columns.has(id)) columns.set(id, c);
  }
  return columns.has('duty') && columns.size >= 3 ? columns : null;
}

/** Reads the block headed at `r` (stopping where `ends` says); returns the first row after it. */
export function readDutiesBlock(
  grid: Grid,
  r: number,
  columns: Map<DutyColumn, number>,
  form: FormRead,
  ends: (row: number) => boolean,
): number {
  form.department = true;
  for (const cell of grid.rows[r]!) if (cell.mergedFrom === null) form.declaredUnit ??= declaredAmountUnit(cell.text) ?? null;
  let row = r + 1;
  for (; row < grid.rows.length && !ends(row); row++) {
    const duty: FormRead['duties'][number] = {};
    let any = false;
    for (const [id, c] of columns) {
      const cell = grid.rows[row]![c]!;
      const text = cell.mergedFrom === 'left' ? '' : cell.text.trim();
      duty[id] = { text, at: { grid, row, column: c } };
      any ||= text !== '';
    }
    if (!any) break;
    form.duties.push(duty);
  }
  return row;
}
