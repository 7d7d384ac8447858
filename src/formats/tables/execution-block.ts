/**
 * A 自评表's 预算执行情况 block: a heading row (年初预算, 调整后预算数, 预算执行数, …, 权重, 得分, 原因)
 * whose first column holds the fund rows' names (总额, 其中:财政资金, 财政专户管理资金, 单位资金, 其他资金).
 */
import { declaredAmountUnit } from './amount.ts';
import type { FormRead } from './form-read.ts';
import type { Grid } from './grid.ts';
import { type ExecutionColumn, executionColumnOf } from './labels.ts';

const FUND_ROW = /总额|合计|资金|拨款|收入/u;

/** The block's columns when row `r` heads one, and the column of its row names. */
export function executionHeaderAt(grid: Grid, r: number): { labelColumn: number; columns: Map<ExecutionColumn, number> } | null {
  const columns = new Map<ExecutionColumn, number>();
  let firstColumn = -1;
  for (const [c, cell] of grid.rows[r]!.entries()) {
    if (cell.mergedFrom !== null) continue;
    const id = executionColumnOf(cell.text);
    if (id === undefined || columns.has(id)) continue;
    columns.set(id, c);
    if (firstColumn < 0) firstColumn = c;
  }
  if (!columns.has('initial') || !columns.has('executed')) return null;
  let labelColumn = firstColumn - 1;
  while (labelColumn > 0 && grid.rows[r]![labelColumn]!.mergedFrom === 'left') labelColumn--;
  return labelColumn < 0 ? null : { labelColumn, columns };
}

/** Reads the block headed at `r`; returns the first row after it. */
export function readExecutionBlock(
  grid: Grid,
  r: number,
  header: NonNullable<ReturnType<typeof executionHeaderAt>>,
  form: FormRead,
): number {
  for (const cell of grid.rows[r]!) if (cell.mergedFrom === null) form.declaredUnit ??= declaredAmountUnit(cell.text) ?? null;
  let row = r + 1;
  for (; row < grid.rows.length; row++) {
    const label = grid.rows[row]![header.labelColumn]!.text.trim();
    if (!FUND_ROW.test(label) || label.length > 20) break;
    const cells: FormRead['execution'][number]['cells'] = {};
    for (const [id, c] of header.columns) {
      const cell = grid.rows[row]![c]!;
      if (cell.mergedFrom !== 'left') cells[id] = { text: cell.text.trim(), at: { grid, row, column: c } };
    }
    form.execution.push({ label, cells });
  }
  return row;
}
