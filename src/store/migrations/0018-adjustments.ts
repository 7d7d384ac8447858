/**
 * 目标调整: a unit's request to change the targets of its approved (or published) document, reviewed
 * like a submission. `base_content` is the content in force when it was drafted (at `base_version` of
 * the document), `content` the targets asked for; once approved, `base_content` is what was in force
 * before `effective_date` and the document carries `content` from `approved_version` on. At most one
 * request per document is open (draft, submitted or returned) at a time.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE adjustments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    number integer NOT NULL,
    state text NOT NULL CHECK (state IN ('draft', 'submitted', 'returned', 'approved', 'withdrawn')),
    reason text NOT NULL,
    effective_date date NOT NULL,
    base_version integer NOT NULL,
    base_content jsonb NOT NULL,
    content jsonb NOT NULL,
    review_comment text,
    version integer NOT NULL DEFAULT 1,
    created_by bigint,
    created_by_name text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    submitted_at timestamptz,
    decided_at timestamptz,
    decided_by_name text,
    approved_version integer,
    UNIQUE (document_id, number)
  )`.execute(db);
  await sql`CREATE UNIQUE INDEX adjustments_one_open ON adjustments (document_id)
    WHERE state IN ('draft', 'submitted', 'returned')`.execute(db);
  // Targets in force on a date: the approved ones of a document by effective date.
  await sql`CREATE INDEX adjustments_in_force ON adjustments (document_id, effective_date) WHERE state = 'approved'`.execute(db);
  // The reviewers' queue: submitted requests, oldest first.
  await sql`CREATE INDEX adjustments_queue ON adjustments (state, id)`.execute(db);
}
