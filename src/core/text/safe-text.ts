/**
 * Text every part of jixiao can hold. PostgreSQL's text type refuses the NUL character, and a lone
 * UTF-16 surrogate is no character at all (no encoding can write it): a string with either would
 * fail deep inside a write, as an internal error. The API refuses such text where it arrives; text
 * read from a file is cleaned instead (NUL dropped, a lone surrogate replaced by U+FFFD).
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: NUL is exactly what is looked for
const UNSAFE = /\u0000|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;
const UNSAFE_ALL = new RegExp(UNSAFE.source, 'g');

export const safeText = (s: string): string => s.replace(UNSAFE_ALL, (c) => (c === '\u0000' ? '' : '\ufffd'));

/** Parsed data: objects and arrays, whatever their prototype (a query string's has none of its own), but not bytes. */
const isContainer = (v: unknown): v is Record<string, unknown> | unknown[] => typeof v === 'object' && v !== null && !ArrayBuffer.isView(v);

/** Where (`path.key[0].name`) a parsed JSON value holds unsafe text, in a string or a key; undefined if nowhere. */
export function unsafeTextAt(value: unknown, path: string): string | undefined {
  const steps = unsafeSteps(value);
  return steps === undefined ? undefined : path + steps.reverse().join('');
}

/**
 * The steps to the unsafe text, innermost first; undefined if there is none. A document read from a
 * file is thousands of strings, all safe as a rule: a step is named only on the way back from a find.
 */
function unsafeSteps(value: unknown): string[] | undefined {
  if (typeof value === 'string') return UNSAFE.test(value) ? [] : undefined;
  if (!isContainer(value)) return undefined;
  const step = (key: string) => (Array.isArray(value) ? `[${key}]` : `.${key}`);
  for (const key of Object.keys(value)) {
    if (UNSAFE.test(key)) return [step(key)];
    const inner = unsafeSteps((value as Record<string, unknown>)[key]);
    if (inner !== undefined) {
      inner.push(step(key));
      return inner;
    }
  }
  return undefined;
}

/** A copy of plain data (objects, arrays) with every string made safe. */
export function withSafeText<T>(value: T): T {
  if (typeof value === 'string') return safeText(value) as T;
  if (!isContainer(value)) return value;
  if (Array.isArray(value)) return value.map(withSafeText) as T;
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [safeText(k), withSafeText(v)])) as T;
}
