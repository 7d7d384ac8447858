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
