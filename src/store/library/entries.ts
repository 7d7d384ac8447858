/**
 * Reading the indicator library: the entries a bureau offers its units (what suggestions and the
 * editor pick from), one entry with who proposed and decided it, and the list a page at a time.
 */
import { sql, type Kysely } from 'kysely';
import type { LibraryEntry, EntryState, Field } from '../../core/library/index.ts';
import { firstPageTotal, keysetQuery, MAX_PAGE, pageOf, type KeysetOrder, type Page, type PageRequest, type Total } from '../keyset.ts';
import type { Database, Db } from '../schema.ts';
import { ENTRY_COLUMNS, entryOf } from './columns.ts';
import { visibleTo, type LibraryScope } from './scope.ts';

/** At most this many entries are offered to a bureau's units: the nearest bureau's first, then up the tree, national last. */
export const OFFERED_CAP = 2000;

/**
 * The approved entries a bureau's units may pick from: its own, its ancestors' and the national
 * ones, nearest first (its own, then each bureau up, then national), each owner's in the order added;
 * for no bureau, the national ones.
 */
export async function offeredEntries(db: Db, bureauId: number | null): Promise<LibraryEntry[]> {
  const rows = await db
    .selectFrom('library_entries as e')
    // No bureau (an admin's free query): the national library alone.
    .leftJoin('bureau_tree as t', (j) => j.onRef('t.ancestor_id', '=', 'e.bureau_id').on('t.descendant_id', '=', bureauId ?? 0))
    .select(ENTRY_COLUMNS.map((c) => `e.${c}` as const))
    .where('e.state', '=', 'approved')
    .where((eb) => eb.or([eb('e.bureau_id', 'is', null), eb('t.depth', 'is not', null)]))
    .orderBy(sql`t.depth asc nulls last`)
    .orderBy('e.id')
    .limit(OFFERED_CAP)
    .execute();
  return rows.map(entryOf);
}

/** An entry as the API shows it: the core entry, whose library it is in, who proposed and who decided it. */
export interface LibraryEntryView {
  id: number;
  version: number;
  bureau: { id: number; name: string } | null;
  entry: LibraryEntry;
  proposedBy: { unitId: number; unitName: string } | null;
  decidedBy: string | null;
  decidedAt: string | null;
}

function viewQuery(db: Db) {
  return db
    .selectFrom('library_entries')
    .leftJoin('bureaus as b', 'b.id', 'library_entries.bureau_id')
    .leftJoin('units as pu', 'pu.id', 'library_entries.proposed_by_unit_id')
    .leftJoin('users as du', 'du.id', 'library_entries.decided_by_user_id')
    .select(ENTRY_COLUMNS.map((c) => `library_entries.${c}` as const))
    .select([
      'library_entries.id',
      'library_entries.version',
      'library_entries.bureau_id',
      'library_entries.proposed_by_unit_id',
      'library_entries.decided_at',
      'b.name as bureau_name',
      'pu.name as unit_name',
      'du.display_name as decided_by',
    ]);
}

type ViewRow = Awaited<ReturnType<ReturnType<typeof viewQuery>['executeTakeFirstOrThrow']>>;

function viewOf(r: ViewRow): LibraryEntryView {
  return {
    id: r.id,
    version: r.version,
    bureau: r.bureau_id === null ? null : { id: r.bureau_id, name: r.bureau_name ?? '' },
    entry: entryOf(r),
    proposedBy: r.proposed_by_unit_id === null ? null : { unitId: r.proposed_by_unit_id, unitName: r.unit_name ?? '' },
    decidedBy: r.decided_by ?? null,
    decidedAt: r.decided_at === null ? null : new Date(r.decided_at).toISOString(),
  };
}

/** One entry, if the scope sees it. */
export async function libraryEntry(db: Db, id: number, scope: LibraryScope): Promise<LibraryEntryView | undefined> {
  const r = await viewQuery(db).where('library_entries.id', '=', id).where(visibleTo(scope)).executeTakeFirst();
  return r && viewOf(r);
}

export interface LibraryFilter {
  field?: Field;
  state?: EntryState;
  /** A substring of the 三级 name or the description. */
  q?: string;
  /** Only the entries a bureau owns, or (`national`) the national ones. */
  owner?: number | 'national';
}

/** Newest first: a new application is at the top of its reviewer's list. */
export const LIBRARY_NEWEST_FIRST: KeysetOrder = {
  name: 'library',
  keys: [{ column: 'library_entries.id', direction: 'desc', type: 'int' }],
};

const likePattern = (q: string) => `%${q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered(db: Db, scope: LibraryScope, f: LibraryFilter) {
  let q = viewQuery(db).where(visibleTo(scope));
  if (f.field !== undefined) q = q.where('library_entries.field', '=', f.field);
  if (f.state !== undefined) q = q.where('library_entries.state', '=', f.state);
  if (f.owner === 'national') q = q.where('library_entries.bureau_id', 'is', null);
  else if (f.owner !== undefined) q = q.where('library_entries.bureau_id', '=', f.owner);
  if (f.q) {
    const p = likePattern(f.q);
    q = q.where((eb) => eb.or([eb('library_entries.level3', 'like', p), eb('library_entries.description', 'like', p)]));
  }
  return q;
}

/** The entries the scope sees, filtered, newest first, a page at a time by cursor, with a count on the first page. */
export async function listLibrary(
  db: Kysely<Database>,
  scope: LibraryScope,
  f: LibraryFilter,
  page: PageRequest,
): Promise<Page<LibraryEntryView> & { total: Total | null }> {
  const q = filtered(db, scope, f);
  const [rows, total] = await Promise.all([keysetQuery(q, LIBRARY_NEWEST_FIRST, page).execute(), firstPageTotal(db, page, q)]);
  return { ...pageOf(LIBRARY_NEWEST_FIRST, page, rows, viewOf), total };
}

/** Every entry the scope sees (filtered), oldest first as a file lists them, read a page at a time by cursor. */
export async function exportableEntries(db: Kysely<Database>, scope: LibraryScope, f: LibraryFilter = {}): Promise<LibraryEntry[]> {
  const out: LibraryEntry[] = [];
  const request: PageRequest = { limit: MAX_PAGE };
  do {
    const rows = await keysetQuery(filtered(db, scope, f), LIBRARY_NEWEST_FIRST, request).execute();
    const page = pageOf(LIBRARY_NEWEST_FIRST, request, rows, entryOf);
    out.push(...page.items);
    request.cursor = page.nextCursor ?? undefined;
  } while (request.cursor !== undefined);
  return out.reverse();
}
