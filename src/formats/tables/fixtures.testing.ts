/** What the tests of the published forms (./fixtures) share. */

/**
 * The model holds a provincial property as absent or null where the form has no such column or the
 * cell is empty (document.ts): the two are the same reading, so a null one is compared as absent.
 */
const OPTIONAL = new Set([
  'nature',
  'measureUnit',
  'weight',
  'direction',
  'explanation',
  'origin',
  'previousYear',
  'yearBeforeLast',
  'category',
  'constructionPeriod',
  'manager',
  'approvalNumber',
  'subjectCode',
  'mediumTerm',
  'funds',
]);
export function withoutNullOptionals<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutNullOptionals) as T;
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    if (OPTIONAL.has(key) && (v === null || v === undefined)) continue;
    out[key] = withoutNullOptionals(v);
  }
  return out as T;
}
