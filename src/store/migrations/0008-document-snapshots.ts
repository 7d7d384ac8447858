/**
 * What each submission said: the document's content as the unit submitted it, kept whole, so a
 * reviewer sees what a resubmission changed against the version they returned. Returning and
 * approving change no content, so a submission is also the version that was returned (or approved);
 * `outcome` is the status the review left it in. The primary key serves a document's list, newest
 * first, and the read of one version.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE document_snapshots (
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    version integer NOT NULL,
    submitted_at timestamptz NOT NULL DEFAULT now(),
    submitted_by bigint REFERENCES users (id),
    submitted_by_name text NOT NULL,
    outcome text CHECK (outcome IN ('draft', 'returned', 'approved', 'published')),
    content jsonb NOT NULL,
    PRIMARY KEY (document_id, version)
  )`.execute(db);
}
