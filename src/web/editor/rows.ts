/** Indicator-row operations of the editor's keyboard commands, as pure functions of the row list. */

export interface Removed<T> {
  row: T;
  index: number;
}

/** Moves the row at `index` by `delta` (−1 up, +1 down); the list is unchanged at either end. */
export function moveRow<T>(rows: readonly T[], index: number, delta: -1 | 1): { rows: T[]; index: number } {
  const to = index + delta;
  if (index < 0 || index >= rows.length || to < 0 || to >= rows.length) return { rows: [...rows], index };
  const out = [...rows];
  const [row] = out.splice(index, 1);
  out.splice(to, 0, row!);
  return { rows: out, index: to };
}

/** Inserts `row` just below `index` (at the top when index is −1). */
export function insertBelow<T>(rows: readonly T[], index: number, row: T): { rows: T[]; index: number } {
  const at = Math.min(Math.max(index + 1, 0), rows.length);
  const out = [...rows];
  out.splice(at, 0, row);
  return { rows: out, index: at };
}

/** Removes the row at `index`, returning what undo needs to put it back. */
export function removeRow<T>(rows: readonly T[], index: number): { rows: T[]; removed: Removed<T> | null } {
  if (index < 0 || index >= rows.length) return { rows: [...rows], removed: null };
  const out = [...rows];
  const [row] = out.splice(index, 1);
  return { rows: out, removed: { row: row!, index } };
}

/** Puts a removed row back where it was (or at the end, when the list has since become shorter). */
export function restoreRow<T>(rows: readonly T[], removed: Removed<T>): { rows: T[]; index: number } {
  const at = Math.min(removed.index, rows.length);
  const out = [...rows];
  out.splice(at, 0, removed.row);
  return { rows: out, index: at };
}

/**
 * Adds `row` after the last row of its 一级 and 二级 (else of its 一级, else at the end), so that
 * a row added from a suggestion joins its group as the printed form merges it.
 */
export function insertInGroup<T extends { level1: string; level2: string }>(rows: readonly T[], row: T): { rows: T[]; index: number } {
  const same = (r: T, level2: boolean) => r.level1.trim() === row.level1.trim() && (!level2 || r.level2.trim() === row.level2.trim());
  const last = (level2: boolean) => rows.findLastIndex((r) => same(r, level2));
  const after = last(true) >= 0 ? last(true) : last(false) >= 0 ? last(false) : rows.length - 1;
  return insertBelow(rows, after, row);
}
