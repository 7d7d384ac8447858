/**
 * The content of each submission of a document (migration 0007), kept as submitted so a reviewer can
 * compare a resubmission with the version they returned, or any two versions. Written by the
 * workflow in the transaction that submits; the later steps record how the review ended.
 */
import type { ColumnType, Generated, Kysely, Transaction } from 'kysely';
import type { TargetDocument } from '../core/model/document.ts';
import type { Actor } from './audit.ts';
import { keysetQuery, pageOf, type KeysetOrder, type Page, type PageRequest } from './keyset.ts';
import type { Database, DocumentStatus } from './schema.ts';

export interface DocumentSnapshotsTable {
  document_id: number;
  version: number;
  submitted_at: Generated<Date>;
  submitted_by: number | null;
  submitted_by_name: string;
  outcome: Exclude<DocumentStatus, 'submitted'> | null;
  /** The TargetDocument, written as JSON text. */
  content: ColumnType<unknown, string, never>;
}

type SnapshotTables = { document_snapshots: DocumentSnapshotsTable };
type Db = Kysely<Database> | Transaction<Database>;
const snapshotsDb = (db: Db) => db.withTables<SnapshotTables>();

export interface Submission {
  /** The document's version as submitted. */
  version: number;
  submittedAt: Date;
  submittedByName: string;
  /** Where the review left it: returned, approved, published, or draft when withdrawn; null while it waits. */
  outcome: Exclude<DocumentStatus, 'submitted'> | null;
}

export interface SubmissionPage extends Page<Submission> {
  /** All the document's submissions. */
  total: number;
}

/** Keeps the content being submitted, as the document's version `version`. */
export async function keepSubmission(
  trx: Transaction<Database>,
  actor: Actor,
  documentId: number,
  version: number,
  content: TargetDocument,
): Promise<void> {
  await keepSubmissions(trx, actor, [{ documentId, version, content, outcome: null }]);
}

/** Submissions per INSERT of `keepSubmissions` (each carries a whole document). */
const SNAPSHOT_CHUNK = 200;

/** Keeps submissions of many documents at once (a bulk load of submitted or later documents), with how their review ended. */
export async function keepSubmissions(
  trx: Transaction<Database>,
  actor: Actor,
  submissions: ReadonlyArray<{ documentId: number; version: number; content: TargetDocument; outcome: Submission['outcome'] }>,
): Promise<void> {
  for (let i = 0; i < submissions.length; i += SNAPSHOT_CHUNK)
    await snapshotsDb(trx)
      .insertInto('document_snapshots')
      .values(
        submissions.slice(i, i + SNAPSHOT_CHUNK).map((s) => ({
          document_id: s.documentId,
          version: s.version,
          submitted_by: actor.id,
          submitted_by_name: actor.name,
          outcome: s.outcome,
          content: JSON.stringify(s.content),
        })),
      )
      .execute();
}

/** Records the step that ended (or, returning an approved document, reopened) the latest submission's review. */
export async function recordOutcome(
  trx: Transaction<Database>,
  documentId: number,
  outcome: Exclude<DocumentStatus, 'submitted'>,
): Promise<void> {
  const db = snapshotsDb(trx);
  await db
    .updateTable('document_snapshots')
    .set({ outcome })
    .where('document_id', '=', documentId)
    .where('version', '=', (eb) =>
      eb
        .selectFrom('document_snapshots')
        .select((s) => s.fn.max('version').as('v'))
        .where('document_id', '=', documentId),
    )
    .execute();
}

const COLUMNS = ['version', 'submitted_at', 'submitted_by_name', 'outcome'] as const;
const submissionOf = (r: {
  version: number;
  submitted_at: Date;
  submitted_by_name: string;
  outcome: Submission['outcome'];
}): Submission => ({
  version: r.version,
  submittedAt: r.submitted_at,
  submittedByName: r.submitted_by_name,
  outcome: r.outcome,
});

const NEWEST_FIRST: KeysetOrder = { name: 'versions', keys: [{ column: 'version', direction: 'desc', type: 'int' }] };

/** A document's submissions, newest first, a page at a time by cursor (./keyset.ts). */
export async function listSubmissions(db: Db, documentId: number, page: PageRequest): Promise<SubmissionPage> {
  const s = snapshotsDb(db);
  const [rows, count] = await Promise.all([
    keysetQuery(s.selectFrom('document_snapshots').select(COLUMNS).where('document_id', '=', documentId), NEWEST_FIRST, page).execute(),
    s
      .selectFrom('document_snapshots')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow(),
  ]);
  return { ...pageOf(NEWEST_FIRST, page, rows, submissionOf), total: Number(count.n) };
}

/** One submission with its content, or undefined when the document was not submitted at that version. */
export async function readSubmission(
  db: Db,
  documentId: number,
  version: number,
): Promise<(Submission & { content: TargetDocument }) | undefined> {
  const row = await snapshotsDb(db)
    .selectFrom('document_snapshots')
    .select([...COLUMNS, 'content'])
    .where('document_id', '=', documentId)
    .where('version', '=', version)
    .executeTakeFirst();
  return row && { ...submissionOf(row), content: row.content as TargetDocument };
}
