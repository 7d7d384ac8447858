/**
 * 整改 (rectification, src/core/rectification/item.ts): items opened from findings, each about a
 * document (and a project, an indicator row), owned by the document's unit, with the finding's text
 * frozen, a deadline, the unit's response and the bureau's closure; and their evidence files.
 *
 * The source: `source_rule_id` for a review or self-evaluation finding; `source_evaluation_id` and
 * `source_finding_id` for an evaluation's finding (0022's tables). Only an accepted evaluation's
 * findings are rectified and those are never removed, yet were a finding removed the item would stay
 * (it is the unit's obligation) with its frozen text and no finding id. `unit_id`, `bureau_id` and `year` are
 * the document's, copied so that the dashboards count overdue items per bureau and per unit from an
 * index of the items alone (the partial indexes below hold only items the unit owes an answer to).
 * `carried_to_document_id`: the next year's draft the item was carried into by "copy to next year".
 *
 * Evidence files are stored in the database as base64 text (a backup line is text, and a file is
 * at most MAX_EVIDENCE_BYTES, src/formats/limits.ts).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE TABLE rectifications (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      source_kind text NOT NULL CHECK (source_kind IN ('review', 'selfEvaluation', 'evaluation')),
      source_rule_id text,
      source_evaluation_id bigint,
      source_finding_id bigint REFERENCES evaluation_findings (id) ON DELETE SET NULL,
      document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
      project_id bigint REFERENCES projects (id) ON DELETE SET NULL,
      project_code text,
      project_name text,
      indicator_index integer,
      field text NOT NULL DEFAULT '',
      unit_id bigint NOT NULL REFERENCES units (id),
      bureau_id bigint NOT NULL REFERENCES bureaus (id),
      year integer NOT NULL,
      severity text,
      finding text NOT NULL,
      suggestion text NOT NULL DEFAULT '',
      requirement text NOT NULL DEFAULT '',
      deadline date NOT NULL,
      state text NOT NULL CHECK (state IN ('open', 'responded', 'closed', 'reopened')),
      response text NOT NULL DEFAULT '',
      responded_at timestamptz,
      responded_by_name text,
      closing_note text NOT NULL DEFAULT '',
      closed_at timestamptz,
      closed_by_name text,
      carried_to_document_id bigint REFERENCES documents (id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      created_by_name text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      CHECK ((source_kind = 'evaluation') = (source_evaluation_id IS NOT NULL)),
      CHECK (source_kind = 'evaluation' OR source_finding_id IS NULL),
      CHECK ((source_kind = 'evaluation') <> (source_rule_id IS NOT NULL))
    )`,
    // Lists: a bureau's, a unit's, a document's items, newest first.
    sql`CREATE INDEX rectifications_bureau ON rectifications (bureau_id, id)`,
    sql`CREATE INDEX rectifications_unit ON rectifications (unit_id, id)`,
    sql`CREATE INDEX rectifications_document ON rectifications (document_id, id)`,
    // The results report's count of a project's items not yet closed.
    sql`CREATE INDEX rectifications_project_unclosed ON rectifications (project_id) WHERE state <> 'closed'`,
    sql`CREATE INDEX rectifications_carried ON rectifications (carried_to_document_id) WHERE carried_to_document_id IS NOT NULL`,
    // Overdue counts: items the unit owes an answer to, by deadline.
    sql`CREATE INDEX rectifications_awaiting_bureau ON rectifications (bureau_id, deadline) WHERE state IN ('open', 'reopened')`,
    sql`CREATE INDEX rectifications_awaiting_unit ON rectifications (unit_id, deadline) WHERE state IN ('open', 'reopened')`,
    sql`CREATE TABLE rectification_files (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      rectification_id bigint NOT NULL REFERENCES rectifications (id) ON DELETE CASCADE,
      file_name text NOT NULL,
      size integer NOT NULL,
      content_base64 text NOT NULL,
      uploaded_at timestamptz NOT NULL DEFAULT now(),
      uploaded_by_name text NOT NULL
    )`,
    sql`CREATE INDEX rectification_files_item ON rectification_files (rectification_id, id)`,
  ])
    await statement.execute(db);
}
