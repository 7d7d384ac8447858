/**
 * 事前绩效评估: one assessment per project of a draft (src/core/ex-ante/assessment.ts), as the unit
 * fills it in. Kept beside the project (deleted with it) with its own version, so that saving it
 * does not move the document's version under the editor's autosave; `state` is what the review
 * reads (complete / rejected / incomplete) without parsing the content.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE TABLE ex_ante_assessments (
    project_id bigint PRIMARY KEY REFERENCES projects (id) ON DELETE CASCADE,
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    content jsonb NOT NULL,
    state text NOT NULL CHECK (state IN ('complete', 'rejected', 'incomplete')),
    version integer NOT NULL DEFAULT 1,
    updated_at timestamptz NOT NULL DEFAULT now(),
    updated_by_name text NOT NULL
  )`.execute(db);
  await sql`CREATE INDEX ex_ante_assessments_document ON ex_ante_assessments (document_id)`.execute(db);
}
