/**
 * 绩效评价 by a department or the finance bureau, often commissioned from a third party (issue 17,
 * docs/evaluations.md). A third-party institution signs in as an `evaluator` account: it belongs to
 * the bureau that made it (bureau_id) and names its organisation, and sees only the evaluations it is
 * assigned (evaluation_assignees). Findings have their own rows and ids, kept for good once the
 * evaluation is accepted, so rectification items can point at one. The report file is kept as base64
 * text: the backup writes rows as JSON lines, where bytea has no faithful form.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`ALTER TABLE users ADD COLUMN organisation text`,
    sql`ALTER TABLE users DROP CONSTRAINT users_role_check`,
    sql`ALTER TABLE users ADD CONSTRAINT users_role_check CHECK (role IN ('unit', 'reviewer', 'admin', 'evaluator'))`,
    sql`ALTER TABLE users ADD CONSTRAINT users_evaluator_scope
      CHECK (role <> 'evaluator' OR (bureau_id IS NOT NULL AND unit_id IS NULL AND organisation IS NOT NULL))`,
    sql`CREATE TABLE evaluations (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      bureau_id bigint NOT NULL REFERENCES bureaus (id),
      year integer NOT NULL,
      kind text NOT NULL CHECK (kind IN ('department', 'finance')),
      title text NOT NULL,
      evaluating_body text NOT NULL,
      document_id bigint REFERENCES documents (id),
      unit_id bigint REFERENCES units (id),
      project_code text,
      project_name text,
      policy_name text,
      state text NOT NULL CHECK (state IN ('planned', 'inProgress', 'submitted', 'accepted')),
      score numeric(5, 2) CHECK (score >= 0 AND score <= 100),
      grade text CHECK (grade IN ('优', '良', '中', '差')),
      summary text NOT NULL DEFAULT '',
      return_comment text,
      created_by_name text NOT NULL,
      accepted_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CHECK ((document_id IS NOT NULL AND unit_id IS NOT NULL AND project_code IS NOT NULL AND project_name IS NOT NULL AND policy_name IS NULL)
        OR (document_id IS NULL AND unit_id IS NULL AND project_code IS NULL AND project_name IS NULL AND policy_name IS NOT NULL)),
      CHECK ((score IS NULL) = (grade IS NULL)),
      CHECK (state NOT IN ('submitted', 'accepted') OR score IS NOT NULL)
    )`,
    // The lists, newest first: a bureau's by year, a unit's accepted ones, what reads a document's evaluations.
    sql`CREATE INDEX evaluations_bureau_year ON evaluations (bureau_id, year, id)`,
    sql`CREATE INDEX evaluations_unit ON evaluations (unit_id, state, id)`,
    sql`CREATE INDEX evaluations_document ON evaluations (document_id)`,
    sql`CREATE TABLE evaluation_assignees (
      evaluation_id bigint NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
      user_id bigint NOT NULL REFERENCES users (id),
      PRIMARY KEY (evaluation_id, user_id)
    )`,
    // An evaluator's list: its assignments, newest evaluation first.
    sql`CREATE INDEX evaluation_assignees_user ON evaluation_assignees (user_id, evaluation_id)`,
    sql`CREATE TABLE evaluation_findings (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      evaluation_id bigint NOT NULL REFERENCES evaluations (id) ON DELETE CASCADE,
      text text NOT NULL,
      severity text NOT NULL CHECK (severity IN ('major', 'moderate', 'minor')),
      concerns text,
      created_at timestamptz NOT NULL DEFAULT now()
    )`,
    sql`CREATE INDEX evaluation_findings_evaluation ON evaluation_findings (evaluation_id, id)`,
    sql`CREATE TABLE evaluation_reports (
      evaluation_id bigint PRIMARY KEY REFERENCES evaluations (id) ON DELETE CASCADE,
      file_name text NOT NULL,
      content_type text NOT NULL,
      size integer NOT NULL,
      content_base64 text NOT NULL,
      uploaded_by_name text NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now()
    )`,
  ])
    await statement.execute(db);
}
