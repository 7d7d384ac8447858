/**
 * Re-applying a user's unsaved work over a version someone else saved meanwhile: field by field,
 * what the user changed since the version they started from is theirs to keep; every other field
 * takes the newer saved value. Two people editing different fields of one project both keep
 * their change; where both changed the same field, the user re-applying wins (they chose to).
 */

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

export function mergeFields<T extends object>(base: T | null, mine: T, theirs: T | null): T {
  if (base === null || theirs === null) return mine;
  const out = { ...theirs };
  for (const key of Object.keys(mine) as (keyof T)[]) if (!same(mine[key], base[key])) out[key] = mine[key];
  return out;
}
