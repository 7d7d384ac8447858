/**
 * Three-way merge of one part of a document — a project table or 部门整体绩效目标 — for a writer
 * whose save was refused because someone saved meanwhile: `base` is the version the writer started
 * from, `theirs` the newer saved version, `mine` the writer's working copy. Field by field, a change
 * made on one side only is taken; a field both sides changed to different values is a conflict the
 * writer settles (`choices`, by the conflict's key; until settled, their own value stands).
 *
 * Indicator rows are matched by a stable `key`, so rows added, deleted or moved on either side survive:
 * each side's additions are kept next to the row they follow, a deletion is taken unless the other
 * side changed that row (then it is a conflict too), and the order is the side's that reordered.
 * A version read from the server has no keys of the writer's; `alignRows` finds them by content.
 */
import { Indicator, type DepartmentGoals, type Project } from './document.ts';

export type Side = 'mine' | 'theirs';
export type Choices = Readonly<Record<string, Side>>;

/** A field named the way people read the form: a project field path, or a column of a row (1-based, as the writer sees it). */
export interface FieldRef {
  field: string;
  row: number | null;
}

/** Something the writer changed that is being applied. `field` is a field path, or rowAdded / rowDeleted / rowOrder. */
export type FieldChange = FieldRef;

/** A field both sides changed differently; a whole row is `field: 'row'` with null for the side that deleted it. */
export interface FieldConflict extends FieldRef {
  key: string;
  mine: unknown;
  theirs: unknown;
}

export interface Merged<T> {
  value: T;
  changes: FieldChange[];
  conflicts: FieldConflict[];
}

export type KeyedRow = Indicator & { key: string };
export type KeyedProject<R extends KeyedRow = KeyedRow> = Omit<Project, 'indicators'> & { indicators: R[] };

/** The fields of an indicator row, in the form's order (the schema's). */
export const INDICATOR_FIELDS = Object.keys(Indicator.properties) as ReadonlyArray<keyof Indicator>;

/** A project's own fields, the budget's parts each on its own (two people may fill in different amounts). */
export const PROJECT_FIELDS = [
  'code',
  'name',
  'unit',
  'amountUnit',
  'budget.total',
  'budget.fiscal',
  'budget.other',
  'budget.sources',
  'useOfFunds',
  'spendingPlan',
  'goals',
  'department',
  'attribute',
  'period',
  'category',
  'constructionPeriod',
  'manager',
  'approvalNumber',
  'subjectCode',
  'budget.mediumTerm',
] as const;

/** The 部门整体 table's fund totals, 履职目标 and indicators each merge as one field. */
export const DEPARTMENT_FIELDS = [
  'overallGoal',
  'subGoals',
  'safeguards',
  'funds',
  'duties',
  'indicators',
] as const satisfies readonly (keyof DepartmentGoals)[];

/** Structural equality of JSON-like values, whatever the order of object keys. */
export function equal(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) return a.length === (b as unknown[]).length && a.every((x, i) => equal(x, (b as unknown[])[i]));
  const ka = Object.keys(a);
  const kb = Object.keys(b);
  return (
    ka.length === kb.length &&
    ka.every((k) => Object.hasOwn(b, k) && equal((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

/** A field the form does not print (absent) is the same as one it leaves empty (null). */
const get = (o: object, path: string): unknown => path.split('.').reduce<unknown>((v, k) => (v as Record<string, unknown>)[k], o) ?? null;

/** Sets a field; null on a field the copy does not have leaves it absent, as the side it came from had it. */
function set<T extends object>(o: T, path: string, value: unknown): T {
  const [head, ...rest] = path.split('.') as [string, ...string[]];
  if (rest.length === 0 && value === null && !Object.hasOwn(o, head)) return o;
  const inner = rest.length === 0 ? value : set((o as Record<string, object>)[head]!, rest.join('.'), value);
  return { ...o, [head]: inner };
}

/** Merges the listed fields into a copy of `mine` (which keeps whatever else `mine` carries, such as a row's key). */
function mergeFields<T extends object>(
  fields: readonly string[],
  base: T,
  mine: T,
  theirs: T,
  at: { prefix: string; row: number | null },
  choices: Choices,
  out: { changes: FieldChange[]; conflicts: FieldConflict[] },
): T {
  let value = mine;
  for (const field of fields) {
    const [b, m, t] = [get(base, field), get(mine, field), get(theirs, field)];
    if (equal(m, t) || !equal(t, b)) {
      if (equal(m, b) || equal(m, t)) value = set(value, field, t);
      else {
        const key = at.prefix + field;
        out.conflicts.push({ key, field, row: at.row, mine: m, theirs: t });
        if (choices[key] === 'theirs') value = set(value, field, t);
      }
    } else out.changes.push({ field, row: at.row });
  }
  return value;
}

const sameCell = (a: Indicator, b: Indicator, f: keyof Indicator) => (a[f] ?? null) === (b[f] ?? null);
const sameRow = (a: Indicator, b: Indicator) => INDICATOR_FIELDS.every((f) => sameCell(a, b, f));

/** Whether `side` puts the rows every version has in another order than `base`. */
function reordered(base: readonly KeyedRow[], side: readonly KeyedRow[], common: ReadonlySet<string>): boolean {
  const order = (rows: readonly KeyedRow[]) => rows.map((r) => r.key).filter((k) => common.has(k));
  return !equal(order(base), order(side));
}

function mergeRows<R extends KeyedRow>(
  base: readonly R[],
  mine: readonly R[],
  theirs: readonly R[],
  choices: Choices,
  out: { changes: FieldChange[]; conflicts: FieldConflict[] },
): R[] {
  const byKey = (rows: readonly R[]) => new Map(rows.map((r) => [r.key, r]));
  const [b, m, t] = [byKey(base), byKey(mine), byKey(theirs)];
  const numberOf = (key: string) => (m.has(key) ? mine.findIndex((r) => r.key === key) : theirs.findIndex((r) => r.key === key)) + 1;
  const kept = new Map<string, R>();
  for (const key of new Set([...m.keys(), ...t.keys(), ...b.keys()])) {
    const [bb, mm, tt] = [b.get(key), m.get(key), t.get(key)];
    const row = numberOf(key);
    if (!bb) {
      // Added on one side (a key is never added on both).
      if (mm) out.changes.push({ field: 'rowAdded', row });
      kept.set(key, (mm ?? tt)!);
    } else if (mm && tt) kept.set(key, mergeFields(INDICATOR_FIELDS, bb, mm, tt, { prefix: `${key}.`, row }, choices, out));
    else if (mm || tt) {
      // Deleted on one side: taken, unless the other side changed the row.
      const survivor = (mm ?? tt)!;
      if (sameRow(survivor, bb)) {
        if (tt) out.changes.push({ field: 'rowDeleted', row: numberOf(key) });
        continue;
      }
      const conflictKey = `${key}.row`;
      out.conflicts.push({ key: conflictKey, field: 'row', row, mine: mm ?? null, theirs: tt ?? null });
      const side: Side = choices[conflictKey] ?? 'mine';
      if ((side === 'mine' ? mm : tt) !== undefined) kept.set(key, survivor);
    }
  }
  const common = new Set([...b.keys()].filter((k) => m.has(k) && t.has(k)));
  const mineReordered = reordered(base, mine, common);
  if (mineReordered) out.changes.push({ field: 'rowOrder', row: null });
  const [primary, secondary] = mineReordered ? [mine, theirs] : [theirs, mine];
  const order = primary.map((r) => r.key).filter((k) => kept.has(k));
  // The other side's rows go after the row they follow there.
  secondary.forEach((r, i) => {
    if (!kept.has(r.key) || order.includes(r.key)) return;
    const before = secondary
      .slice(0, i)
      .reverse()
      .find((p) => order.includes(p.key));
    order.splice(before ? order.indexOf(before.key) + 1 : 0, 0, r.key);
  });
  return order.map((k) => kept.get(k)!);
}

/** Merges a project table; the result carries `mine`'s other properties (its editor key and id). */
export function mergeProject<P extends KeyedProject>(base: P, mine: P, theirs: P, choices: Choices = {}): Merged<P> {
  const out = { changes: [] as FieldChange[], conflicts: [] as FieldConflict[] };
  const fields = mergeFields(PROJECT_FIELDS, base, mine, theirs, { prefix: '', row: null }, choices, out);
  const indicators = mergeRows(base.indicators, mine.indicators, theirs.indicators, choices, out);
  return { value: { ...fields, indicators }, ...out };
}

/** A flat record (an actuals record) merged without asking: where both changed a field, the writer's value stands. */
export function mergeRecord<T extends object>(base: T, mine: T, theirs: T): T {
  return mergeFields(Object.keys(mine), base, mine, theirs, { prefix: '', row: null }, {}, { changes: [], conflicts: [] });
}

/** Merges 部门整体绩效目标; where one side has none, the whole part is one field, `departmentGoals`. */
export function mergeDepartment(
  base: DepartmentGoals | null,
  mine: DepartmentGoals | null,
  theirs: DepartmentGoals | null,
  choices: Choices = {},
): Merged<DepartmentGoals | null> {
  const out = { changes: [] as FieldChange[], conflicts: [] as FieldConflict[] };
  if (base && mine && theirs)
    return { value: mergeFields(DEPARTMENT_FIELDS, base, mine, theirs, { prefix: '', row: null }, choices, out), ...out };
  const whole = mergeFields(
    ['departmentGoals'],
    { departmentGoals: base },
    { departmentGoals: mine },
    { departmentGoals: theirs },
    { prefix: '', row: null },
    choices,
    out,
  );
  return { value: whole.departmentGoals, ...out };
}

/** Two versions of one row: equal, or apart in a cell or two, or in anything but the description (someone edited it). */
function likeness(a: Indicator, b: Indicator): number {
  const differing = INDICATOR_FIELDS.filter((f) => !sameCell(a, b, f)).length;
  if (differing === 0) return 2;
  return differing <= 2 || a.description === b.description ? 1 : 0;
}

/**
 * Gives the rows of a version read anew (`other`) the keys of the `base` rows they are, by content:
 * the pairing, in order, that matches the most rows equal in every column and then the most rows
 * that are edits of one another (an alignment by dynamic programming, so two equal rows side by
 * side are each paired with their own). Any other row is new and gets `fresh()`.
 */
export function alignRows(base: readonly KeyedRow[], other: readonly Indicator[], fresh: () => string): string[] {
  const [n, k] = [base.length, other.length];
  const like = base.map((b) => other.map((o) => likeness(b, o)));
  // score[i][j]: the best pairing of base[i..] with other[j..].
  const score = Array.from({ length: n + 1 }, () => new Array<number>(k + 1).fill(0));
  const paired = (i: number, j: number) => (like[i]![j]! > 0 ? like[i]![j]! + score[i + 1]![j + 1]! : -1);
  for (let i = n - 1; i >= 0; i--)
    for (let j = k - 1; j >= 0; j--) score[i]![j] = Math.max(score[i + 1]![j]!, score[i]![j + 1]!, paired(i, j));
  const keys = new Array<string | null>(k).fill(null);
  for (let i = 0, j = 0; i < n && j < k; ) {
    if (paired(i, j) === score[i]![j]) keys[j++] = base[i++]!.key;
    else if (score[i + 1]![j] === score[i]![j]) i++;
    else j++;
  }
  return keys.map((key) => key ?? fresh());
}
