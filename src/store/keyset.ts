/**
 * Keyset pagination (游标分页), the one way every list pages: a page is the rows after the last one
 * the caller saw, in a fixed order whose last key is unique (the id), so the database starts at the
 * cursor in an index instead of counting past `offset` rows, and a row inserted or removed between
 * two fetches neither repeats nor hides another. The cursor is opaque to callers: base64url of JSON
 * `[orderName, ...keyValues]`. It grants nothing — every page is filtered by the caller's scope — so
 * it only has to be checked for shape: a cursor that does not decode to this order's keys is refused.
 */
import { sql, type Expression, type RawBuilder, type SelectQueryBuilder, type SqlBool } from 'kysely';
import { InvalidCursorError } from './errors.ts';

/** No page is larger than this, whatever the request says. */
export const MAX_PAGE = 200;
export const DEFAULT_PAGE = 50;
/**
 * A count stops here: a larger filtered set is "1,000+", not counted to the end. Counting costs
 * about 1 ms per 1,000 rows on PostgreSQL (10–25 ms at 10,000, more than the page itself), and
 * nobody pages through a thousand rows: they narrow the filter.
 */
export const COUNT_CAP = 1_000;

/**
 * `timestamp` keys travel as PostgreSQL's own text of the value: a JS Date keeps milliseconds and
 * the column keeps microseconds, so a cursor made from a Date would not equal its own row.
 */
export type KeyType = 'int' | 'decimal' | 'text' | 'timestamp';

export interface SortKey {
  /** The column as the query names it, e.g. `d.year`; never NULL. */
  column: string;
  direction: 'asc' | 'desc';
  type: KeyType;
}

/** An order a list offers: its name (a cursor of one order is refused by another) and its keys, the last unique. */
export interface KeysetOrder {
  name: string;
  keys: readonly SortKey[];
}

export interface PageRequest {
  limit?: number;
  /** The `nextCursor` of the previous page; absent for the first. */
  cursor?: string;
  /**
   * Rows to skip after the cursor: only for callers that number rows by position (an export
   * bundle's parts "501–1000"); the database still walks them, so lists page by cursor alone.
   */
  offset?: number;
}

export interface Page<T> {
  items: T[];
  /** Give it back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

/** How many rows the filter matches, counted only up to COUNT_CAP: `exact` false means "more than `value`". */
export interface Total {
  value: number;
  exact: boolean;
}

type KeyValue = number | string;

export const pageSize = (limit: number | undefined) => Math.max(1, Math.min(limit ?? DEFAULT_PAGE, MAX_PAGE));

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[ T]\d{2}:\d{2}:\d{2}(\.\d{1,6})?([+-]\d{2}(:?\d{2})?|Z)?$/;

function valid(type: KeyType, v: unknown): v is KeyValue {
  if (type === 'int') return typeof v === 'number' && Number.isSafeInteger(v);
  // A NUMERIC key travels as its decimal text, exact.
  if (type === 'decimal') return typeof v === 'string' && /^-?\d+(\.\d+)?$/.test(v);
  if (type === 'text') return typeof v === 'string' && v.length <= 1000;
  return typeof v === 'string' && TIMESTAMP.test(v);
}

export function encodeCursor(order: KeysetOrder, values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify([order.name, ...values]), 'utf8').toString('base64url');
}

/** The key values a cursor carries; InvalidCursorError when it is not a cursor of this order. */
export function decodeCursor(order: KeysetOrder, cursor: string): KeyValue[] {
  let parsed: unknown;
  try {
    if (!/^[A-Za-z0-9_-]+$/.test(cursor)) throw new Error('not base64url');
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new InvalidCursorError();
  }
  if (!Array.isArray(parsed) || parsed[0] !== order.name || parsed.length !== order.keys.length + 1) throw new InvalidCursorError();
  const values = parsed.slice(1);
  if (!order.keys.every((k, i) => valid(k.type, values[i]))) throw new InvalidCursorError();
  return values as KeyValue[];
}

const ref = (k: SortKey) => sql.ref(k.column);
const value = (k: SortKey, v: KeyValue) => (k.type === 'timestamp' ? sql`cast(${v} as timestamptz)` : sql`${v}`);
const after = (k: SortKey, v: KeyValue) => sql`${ref(k)} ${sql.raw(k.direction === 'asc' ? '>' : '<')} ${value(k, v)}`;

/**
 * The rows after the cursor, led by a redundant bound on the first key (k1 ≥ v1, or ≤): an index on
 * it starts at the cursor even when the other keys live in another table. Then, with one direction
 * throughout, a row comparison (a composite index answers it as a range); with mixed directions,
 * (k1 after v1) or (k1 = v1 and (k2 after v2 …)).
 */
function afterCursor(order: KeysetOrder, values: readonly KeyValue[]): Expression<SqlBool> {
  const { keys } = order;
  const first = keys[0]!;
  const bound = sql`${ref(first)} ${sql.raw(first.direction === 'asc' ? '>=' : '<=')} ${value(first, values[0]!)}`;
  if (keys.every((k) => k.direction === first.direction)) {
    const row = (xs: readonly RawBuilder<unknown>[]) => sql`(${sql.join(xs)})`;
    return sql<SqlBool>`${bound} and ${row(keys.map(ref))} ${sql.raw(first.direction === 'asc' ? '>' : '<')} ${row(keys.map((k, i) => value(k, values[i]!)))}`;
  }
  const chain = (i: number): RawBuilder<unknown> =>
    i === keys.length - 1
      ? after(keys[i]!, values[i]!)
      : sql`(${after(keys[i]!, values[i]!)} or (${ref(keys[i]!)} = ${value(keys[i]!, values[i]!)} and ${chain(i + 1)}))`;
  return sql<SqlBool>`${bound} and ${chain(0)}`;
}

const keyAlias = (i: number) => `keyset_${i}`;

/**
 * The query ordered by `order`, after the request's cursor, one row longer than the page (whether
 * another page follows, without a count). Read the rows back with `pageOf`.
 */
export function keysetQuery<DB, TB extends keyof DB, O>(
  qb: SelectQueryBuilder<DB, TB, O>,
  order: KeysetOrder,
  page: PageRequest,
): SelectQueryBuilder<DB, TB, O> {
  let q = qb.select(order.keys.map((k, i) => (k.type === 'timestamp' ? sql`${ref(k)}::text` : ref(k)).as(keyAlias(i))) as never);
  if (page.cursor !== undefined) q = q.where(afterCursor(order, decodeCursor(order, page.cursor)));
  for (const k of order.keys) q = q.orderBy(ref(k), k.direction);
  q = q.limit(pageSize(page.limit) + 1);
  return (page.offset ? q.offset(page.offset) : q) as SelectQueryBuilder<DB, TB, O>;
}

/** The page of a `keysetQuery`'s rows, each made into an item, and the cursor after its last row. */
export function pageOf<R, T>(order: KeysetOrder, page: PageRequest, rows: readonly R[], item: (row: R) => T): Page<T> {
  const size = pageSize(page.limit);
  const shown = rows.slice(0, size);
  const last = shown.at(-1) as Record<string, KeyValue> | undefined;
  return {
    items: shown.map(item),
    nextCursor:
      rows.length > size && last
        ? encodeCursor(
            order,
            order.keys.map((_, i) => last[keyAlias(i)]!),
          )
        : null,
  };
}

/** A Kysely instance or transaction, whatever tables it knows. */
type Executor = Parameters<RawBuilder<unknown>['execute']>[0];

/**
 * How many rows a list's query (its select list and order dropped) matches, counted up to COUNT_CAP,
 * on the first page only: a later page (with a cursor) gives null, the filter's total being the first page's.
 */
export async function firstPageTotal<DB, TB extends keyof DB, O>(
  db: Executor,
  page: PageRequest,
  qb: SelectQueryBuilder<DB, TB, O>,
): Promise<Total | null> {
  if (page.cursor !== undefined) return null;
  const matched = qb
    .clearSelect()
    .clearOrderBy()
    .select(sql.lit(1).as('one'))
    .limit(COUNT_CAP + 1);
  const r = await sql<{ n: number }>`select count(*)::int as n from (${matched}) as matched`.execute(db);
  const n = r.rows[0]?.n ?? 0;
  return { value: Math.min(n, COUNT_CAP), exact: n <= COUNT_CAP };
}
