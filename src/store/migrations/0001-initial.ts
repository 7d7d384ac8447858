/**
 * The first schema: bureaus, units, accounts, documents with their department goals, projects
 * and indicators as rows (queryable, not a JSON blob), review comments, the audit log, and the
 * cached finding counts that list filters use. The same SQL runs on PGlite and PostgreSQL.
 *
 * Identifiers are bigint identities: whole-project saves (the editor's autosave) delete and
 * re-insert indicator rows, so ids are consumed quickly at province scale.
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  // Chinese substring search (项目名称 LIKE '%援助%') needs a trigram index; PGlite bundles pg_trgm.
  sql`CREATE EXTENSION IF NOT EXISTS pg_trgm`,

  sql`CREATE TABLE bureaus (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    parent_id bigint REFERENCES bureaus (id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  sql`CREATE INDEX bureaus_parent ON bureaus (parent_id)`,
  // Every (ancestor, descendant) pair including (b, b): "units under this bureau and its sub-bureaus"
  // is one indexed join, however deep the tree.
  sql`CREATE TABLE bureau_tree (
    ancestor_id bigint NOT NULL REFERENCES bureaus (id),
    descendant_id bigint NOT NULL REFERENCES bureaus (id),
    depth integer NOT NULL,
    PRIMARY KEY (ancestor_id, descendant_id)
  )`,
  sql`CREATE INDEX bureau_tree_descendant ON bureau_tree (descendant_id)`,

  sql`CREATE TABLE units (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    code text NOT NULL UNIQUE,
    name text NOT NULL,
    bureau_id bigint NOT NULL REFERENCES bureaus (id),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,
  sql`CREATE INDEX units_bureau ON units (bureau_id)`,

  sql`CREATE TABLE users (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    username text NOT NULL UNIQUE,
    display_name text NOT NULL,
    password_hash text NOT NULL,
    role text NOT NULL CHECK (role IN ('unit', 'reviewer', 'admin')),
    unit_id bigint REFERENCES units (id),
    bureau_id bigint REFERENCES bureaus (id),
    disabled boolean NOT NULL DEFAULT false,
    created_at timestamptz NOT NULL DEFAULT now(),
    password_changed_at timestamptz NOT NULL DEFAULT now(),
    CHECK (role <> 'unit' OR (unit_id IS NOT NULL AND bureau_id IS NULL)),
    CHECK (role <> 'reviewer' OR (bureau_id IS NOT NULL AND unit_id IS NULL))
  )`,
  sql`CREATE INDEX users_unit ON users (unit_id)`,
  sql`CREATE INDEX users_bureau ON users (bureau_id)`,

  // The cookie carries a random token; only its SHA-256 is stored, so a leaked table opens no session.
  sql`CREATE TABLE sessions (
    token_hash text PRIMARY KEY,
    user_id bigint NOT NULL REFERENCES users (id),
    created_at timestamptz NOT NULL DEFAULT now(),
    last_seen_at timestamptz NOT NULL DEFAULT now(),
    expires_at timestamptz NOT NULL
  )`,
  sql`CREATE INDEX sessions_user ON sessions (user_id)`,
  sql`CREATE INDEX sessions_expires ON sessions (expires_at)`,

  sql`CREATE TABLE budget_years (
    year integer PRIMARY KEY CHECK (year BETWEEN 1990 AND 2100),
    created_at timestamptz NOT NULL DEFAULT now()
  )`,

  sql`CREATE TABLE documents (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    unit_id bigint NOT NULL REFERENCES units (id),
    year integer NOT NULL REFERENCES budget_years (year),
    status text NOT NULL CHECK (status IN ('draft', 'submitted', 'returned', 'approved', 'published')),
    version integer NOT NULL DEFAULT 1,
    unit_code_as_written text,
    unit_name_as_written text NOT NULL,
    has_department boolean NOT NULL DEFAULT false,
    overall_goal text NOT NULL DEFAULT '',
    copied_from_id bigint REFERENCES documents (id),
    project_count integer NOT NULL DEFAULT 0,
    budget_total numeric NOT NULL DEFAULT 0,
    error_count integer NOT NULL DEFAULT 0,
    warning_count integer NOT NULL DEFAULT 0,
    info_count integer NOT NULL DEFAULT 0,
    created_at timestamptz NOT NULL DEFAULT now(),
    updated_at timestamptz NOT NULL DEFAULT now(),
    submitted_at timestamptz,
    approved_at timestamptz,
    published_at timestamptz,
    UNIQUE (unit_id, year)
  )`,
  sql`CREATE INDEX documents_year_status ON documents (year, status, unit_id)`,
  sql`CREATE INDEX documents_status_unit ON documents (status, unit_id)`,
  sql`CREATE INDEX documents_errors ON documents (year, unit_id) WHERE error_count > 0`,
  sql`CREATE INDEX documents_warnings ON documents (year, unit_id) WHERE warning_count > 0`,

  // 分项绩效目标 and 工作保障措施 with their nested items (（一）（二）).
  sql`CREATE TABLE department_items (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    section text NOT NULL CHECK (section IN ('subGoals', 'safeguards')),
    parent_id bigint REFERENCES department_items (id) ON DELETE CASCADE,
    position integer NOT NULL,
    label text NOT NULL,
    text text NOT NULL
  )`,
  sql`CREATE INDEX department_items_document ON department_items (document_id, section, position)`,
  sql`CREATE INDEX department_items_parent ON department_items (parent_id)`,

  sql`CREATE TABLE projects (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    position integer NOT NULL,
    code text NOT NULL,
    name text NOT NULL,
    unit_code_as_written text,
    unit_name_as_written text NOT NULL,
    amount_unit text NOT NULL CHECK (amount_unit IN ('万元', '元')),
    budget_total numeric,
    budget_fiscal numeric,
    budget_other numeric,
    use_of_funds text NOT NULL,
    department text,
    attribute text CHECK (attribute IN ('新增', '延续')),
    period text,
    indicator_count integer NOT NULL DEFAULT 0,
    error_count integer NOT NULL DEFAULT 0,
    warning_count integer NOT NULL DEFAULT 0,
    info_count integer NOT NULL DEFAULT 0,
    updated_at timestamptz NOT NULL DEFAULT now()
  )`,
  sql`CREATE INDEX projects_document ON projects (document_id, position)`,
  sql`CREATE INDEX projects_code ON projects (code)`,
  sql`CREATE INDEX projects_name_trgm ON projects USING gin (name gin_trgm_ops)`,

  sql`CREATE TABLE fund_sources (
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    position integer NOT NULL,
    name text NOT NULL,
    amount numeric,
    PRIMARY KEY (project_id, position)
  )`,
  sql`CREATE TABLE spending_checkpoints (
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    position integer NOT NULL,
    checkpoint text NOT NULL,
    percent numeric,
    PRIMARY KEY (project_id, position)
  )`,
  sql`CREATE TABLE goals (
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    position integer NOT NULL,
    term text NOT NULL CHECK (term IN ('annual', 'longTerm')),
    text text NOT NULL,
    PRIMARY KEY (project_id, position)
  )`,
  // The row as written, plus what the framework and the target-value grammar read from it,
  // so that "all 满意度 rows with a qualitative target" is a query, not a scan of JSON.
  sql`CREATE TABLE indicators (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    project_id bigint NOT NULL REFERENCES projects (id) ON DELETE CASCADE,
    position integer NOT NULL,
    term text NOT NULL CHECK (term IN ('annual', 'longTerm')),
    level1 text NOT NULL,
    level2 text NOT NULL,
    level3 text NOT NULL,
    description text NOT NULL,
    target text NOT NULL,
    basis text NOT NULL,
    remark text NOT NULL,
    level1_kind text,
    level2_kind text,
    target_kind text NOT NULL,
    target_operator text,
    target_value numeric,
    target_unit text
  )`,
  sql`CREATE INDEX indicators_project ON indicators (project_id, position)`,
  sql`CREATE INDEX indicators_kinds ON indicators (level1_kind, level2_kind, target_kind)`,

  sql`CREATE TABLE comments (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    project_id bigint REFERENCES projects (id) ON DELETE SET NULL,
    project_code text,
    indicator_index integer,
    field text,
    author_id bigint NOT NULL REFERENCES users (id),
    body text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now(),
    resolved_at timestamptz,
    resolved_by bigint REFERENCES users (id)
  )`,
  sql`CREATE INDEX comments_document ON comments (document_id, id)`,

  // Append-only: no code path updates or deletes a row, and the triggers below refuse it anyway.
  sql`CREATE TABLE audit_log (
    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    at timestamptz NOT NULL DEFAULT now(),
    actor_id bigint REFERENCES users (id),
    actor_name text NOT NULL,
    action text NOT NULL,
    entity text NOT NULL,
    entity_id text NOT NULL,
    document_id bigint,
    before jsonb,
    after jsonb
  )`,
  sql`CREATE INDEX audit_log_document ON audit_log (document_id, id)`,
  sql`CREATE INDEX audit_log_actor ON audit_log (actor_id, id)`,
  sql`CREATE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'audit_log is append-only';
    END
  $$`,
  sql`CREATE TRIGGER audit_log_no_update BEFORE UPDATE OR DELETE ON audit_log
    FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()`,
  sql`CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
    FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
