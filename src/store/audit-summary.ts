/**
 * A document's audit trail as a timeline reads it: each entry without its whole before/after
 * bodies (only the status, name, comment and a step's version a timeline shows), and a run of consecutive edits of
 * one thing by one person — autosave writes a project every few seconds while someone types — as
 * one entry with a count. The log itself stays append-only and whole; this is only a way of reading it.
 */
import { sql, type Kysely } from 'kysely';
import { AUDIT_NEWEST_FIRST, type AuditRecord } from './audit.ts';
import { decodeCursor, encodeCursor, pageSize, type PageRequest } from './keyset.ts';
import type { Database } from './schema.ts';

/** What a timeline shows of a before/after body. */
export interface AuditBrief {
  status?: string;
  name?: string;
  comment?: string;
  /** A workflow step's document version: a submission's, to find its content (document-snapshots.ts). */
  version?: number;
}

/** A log entry with its bodies' briefs. */
interface BriefRow extends Omit<AuditRecord, 'before' | 'after'> {
  before: AuditBrief | null;
  after: AuditBrief | null;
}

/**
 * A run of entries: `id` and `at` are the newest entry's (its id pages the timeline), `before` the
 * oldest entry's and `after` the newest's.
 */
export interface AuditSummaryEntry extends BriefRow {
  /** The oldest entry of the run and when it was written; the same as id and at for a single entry. */
  firstId: number;
  firstAt: Date;
  /** How many log entries the run holds. */
  count: number;
}

/** Edits of the same thing by the same person no further apart than this are one run. */
export const COALESCE_GAP_MS = 5 * 60_000;

/** Actions whose consecutive repetitions are one run (autosave's saves; not workflow steps). */
const COALESCED_ACTIONS = new Set(['update']);

const continues = (run: AuditSummaryEntry, older: BriefRow, gapMs: number) =>
  COALESCED_ACTIONS.has(older.action) &&
  older.action === run.action &&
  older.actorId !== null &&
  older.actorId === run.actorId &&
  older.entity === run.entity &&
  older.entityId === run.entityId &&
  run.firstAt.getTime() - older.at.getTime() <= gapMs;

/**
 * Folds entries, newest first, into runs: an entry joins the run above it when it is the same
 * action of the same person on the same entity, written at most `gapMs` before the run's oldest entry.
 * `runs` (continued in place) lets a caller feed the log a batch at a time.
 */
export function coalesce(rows: readonly BriefRow[], gapMs = COALESCE_GAP_MS, runs: AuditSummaryEntry[] = []): AuditSummaryEntry[] {
  for (const row of rows) {
    const run = runs.at(-1);
    if (run && continues(run, row, gapMs)) {
      run.firstId = row.id;
      run.firstAt = row.at;
      run.count++;
      run.before = row.before;
    } else runs.push({ ...row, firstId: row.id, firstAt: row.at, count: 1 });
  }
  return runs;
}

/** The brief of a body, as SQL reads it from the jsonb column (a comment's own text is its `body`). */
const brief = (column: 'before' | 'after') =>
  sql<AuditBrief | null>`CASE WHEN ${sql.ref(column)} IS NULL THEN NULL ELSE jsonb_strip_nulls(jsonb_build_object(
    'status', ${sql.ref(column)}->>'status',
    'name', ${sql.ref(column)}->>'name',
    'comment', COALESCE(${sql.ref(column)}->>'comment', CASE WHEN entity = 'comment' THEN ${sql.ref(column)}->>'body' END),
    'version', CASE WHEN entity = 'document' THEN ${sql.ref(column)}->'version' END)) END`;

/**
 * A page of the summary timeline, newest first: `limit` runs older than the cursor's id, and the
 * cursor of the next page (null at the start of the log), which starts below the last run shown,
 * never inside it. The log is read a batch of briefs at a time until the last run on the page is
 * known to be complete.
 */
export async function documentAuditSummary(
  db: Kysely<Database>,
  documentId: number,
  page: PageRequest,
): Promise<{ items: AuditSummaryEntry[]; nextCursor: string | null }> {
  const limit = pageSize(page.limit);
  const batch = Math.max(limit * 2, 100);
  const runs: AuditSummaryEntry[] = [];
  let cursor = page.cursor === undefined ? undefined : Number(decodeCursor(AUDIT_NEWEST_FIRST, page.cursor)[0]);
  let exhausted = false;
  while (runs.length <= limit && !exhausted) {
    let q = db
      .selectFrom('audit_log')
      .select([
        'id',
        'at',
        'actor_id as actorId',
        'actor_name as actorName',
        'action',
        'entity',
        'entity_id as entityId',
        brief('before').as('before'),
        brief('after').as('after'),
      ])
      .where('document_id', '=', documentId);
    if (cursor !== undefined) q = q.where('id', '<', cursor);
    const rows = await q.orderBy('id', 'desc').limit(batch).execute();
    coalesce(rows, COALESCE_GAP_MS, runs);
    exhausted = rows.length < batch;
    cursor = rows.at(-1)?.id;
  }
  const items = runs.slice(0, limit);
  return { items, nextCursor: runs.length > limit ? encodeCursor(AUDIT_NEWEST_FIRST, [items.at(-1)!.firstId]) : null };
}
