/**
 * 绩效目标批复 (issue 16): a bureau's numbered notice issuing approved targets with the budget, and the
 * documents it covers, each at the version the bureau approved. A notice is drafted, issued (then
 * fixed: the covered content is kept as it was issued), and may be withdrawn with a reason.
 * `approval_notice_documents.state` mirrors its notice's state so that one partial unique index keeps a
 * document version in at most one issued notice, and a unit's list reads its own rows by an index.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE approval_notices (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      bureau_id bigint NOT NULL REFERENCES bureaus (id),
      year integer NOT NULL,
      number text NOT NULL,
      title text NOT NULL,
      notice_date date NOT NULL,
      body text NOT NULL DEFAULT '',
      state text NOT NULL CHECK (state IN ('draft', 'issued', 'withdrawn')),
      withdrawn_reason text,
      issued_at timestamptz,
      issued_by_name text,
      withdrawn_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CHECK (state <> 'withdrawn' OR withdrawn_reason IS NOT NULL)
    )`,
    // 文号 are numbered per bureau and year (怀财绩〔2020〕3号).
    sql`CREATE UNIQUE INDEX approval_notices_number ON approval_notices (bureau_id, year, number)`,
    // A bureau's notices, newest first.
    sql`CREATE INDEX approval_notices_bureau ON approval_notices (bureau_id, id)`,
    sql`CREATE TABLE approval_notice_documents (
      notice_id bigint NOT NULL REFERENCES approval_notices (id) ON DELETE CASCADE,
      document_id bigint NOT NULL REFERENCES documents (id),
      document_version integer NOT NULL,
      unit_id bigint NOT NULL REFERENCES units (id),
      state text NOT NULL CHECK (state IN ('draft', 'issued', 'withdrawn')),
      content jsonb,
      added_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (notice_id, document_id)
    )`,
    sql`CREATE UNIQUE INDEX approval_notice_documents_issued ON approval_notice_documents (document_id, document_version) WHERE state = 'issued'`,
    sql`CREATE INDEX approval_notice_documents_document ON approval_notice_documents (document_id, state)`,
    // What was issued to a unit, newest notice first.
    sql`CREATE INDEX approval_notice_documents_unit ON approval_notice_documents (unit_id, notice_id) WHERE state <> 'draft'`,
  ])
    await statement.execute(db);
}
