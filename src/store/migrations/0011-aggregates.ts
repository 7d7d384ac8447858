/**
 * Aggregates maintained on write, so that province-wide views read a few thousand rows instead of
 * grouping documents × units × derived rows in every read (issue 14):
 *
 * - `document_aggregates`, one row per document: what it adds to its bureau's figures (budget,
 *   counts, grades, score bands, findings per rule), with the keys the rollups are grouped by;
 * - `document_monitoring`: a monitored document's projects summed into spans of equal state;
 * - rollups per bureau (the unit's own bureau; a subtree is summed through bureau_tree):
 *   `bureau_year_totals` per year and status, `bureau_rule_counts` per year and rule, and
 *   `bureau_monitoring` per year and status as spans from `valid_from` to the next row's;
 * - `bureau_units`: units per bureau, kept by a trigger on units;
 * - `derived_work`: the durable queue of rebuilds too wide for the writing transaction (a bureau's
 *   settings), claimed with a lease so a crashed worker's items are taken again.
 *
 * project_monitoring gains the keys and the sort columns of the warning list (keyset-paged by an
 * index), and loses its GiST index: every monitored project spans every date, so it never narrowed.
 * What was stored before is rebuilt by the worker: every document is queued here (those whose
 * finding counts awaited a recount with `review`, replacing documents.review_stale).
 */
import { sql, type Kysely } from 'kysely';

const statements = [
  sql`CREATE TABLE document_aggregates (
    document_id bigint PRIMARY KEY REFERENCES documents (id) ON DELETE CASCADE,
    unit_id bigint NOT NULL,
    bureau_id bigint NOT NULL,
    year integer NOT NULL,
    status text NOT NULL,
    projects integer NOT NULL,
    budget_total numeric NOT NULL,
    with_errors integer NOT NULL,
    evaluated integer NOT NULL,
    grade_excellent integer NOT NULL,
    grade_good integer NOT NULL,
    grade_fair integer NOT NULL,
    grade_poor integer NOT NULL,
    band_0 integer NOT NULL,
    band_1 integer NOT NULL,
    band_2 integer NOT NULL,
    band_3 integer NOT NULL,
    band_4 integer NOT NULL,
    rule_counts jsonb NOT NULL
  )`,
  sql`CREATE INDEX document_aggregates_unit ON document_aggregates (unit_id, year, status)`,

  sql`CREATE TABLE document_monitoring (
    document_id bigint NOT NULL REFERENCES documents (id) ON DELETE CASCADE,
    valid_from date NOT NULL,
    valid_to date NOT NULL CHECK (valid_to > valid_from),
    unit_id bigint NOT NULL,
    bureau_id bigint NOT NULL,
    year integer NOT NULL,
    status text NOT NULL,
    budget numeric NOT NULL,
    spent numeric NOT NULL,
    planned_amount numeric NOT NULL,
    green integer NOT NULL,
    yellow integer NOT NULL,
    red integer NOT NULL,
    unreported integer NOT NULL,
    PRIMARY KEY (document_id, valid_from)
  )`,
  // The units directly under a bureau, on a date (a bureau dashboard's unit bars).
  sql`CREATE INDEX document_monitoring_bureau ON document_monitoring (bureau_id, year, status, valid_from)`,
  sql`CREATE INDEX document_monitoring_unit ON document_monitoring (unit_id, year, status, valid_from)`,

  sql`CREATE TABLE bureau_year_totals (
    bureau_id bigint NOT NULL REFERENCES bureaus (id) ON DELETE CASCADE,
    year integer NOT NULL,
    status text NOT NULL,
    documents integer NOT NULL,
    projects integer NOT NULL,
    budget_total numeric NOT NULL,
    with_errors integer NOT NULL,
    evaluated integer NOT NULL,
    grade_excellent integer NOT NULL,
    grade_good integer NOT NULL,
    grade_fair integer NOT NULL,
    grade_poor integer NOT NULL,
    band_0 integer NOT NULL,
    band_1 integer NOT NULL,
    band_2 integer NOT NULL,
    band_3 integer NOT NULL,
    band_4 integer NOT NULL,
    PRIMARY KEY (bureau_id, year, status)
  )`,

  sql`CREATE TABLE bureau_rule_counts (
    bureau_id bigint NOT NULL REFERENCES bureaus (id) ON DELETE CASCADE,
    year integer NOT NULL,
    rule_id text NOT NULL,
    severity text NOT NULL,
    findings integer NOT NULL,
    documents integer NOT NULL,
    PRIMARY KEY (bureau_id, year, rule_id, severity)
  )`,

  sql`CREATE TABLE bureau_monitoring (
    bureau_id bigint NOT NULL REFERENCES bureaus (id) ON DELETE CASCADE,
    year integer NOT NULL,
    status text NOT NULL,
    valid_from date NOT NULL,
    budget numeric NOT NULL,
    spent numeric NOT NULL,
    planned_amount numeric NOT NULL,
    green integer NOT NULL,
    yellow integer NOT NULL,
    red integer NOT NULL,
    unreported integer NOT NULL,
    PRIMARY KEY (bureau_id, year, status, valid_from)
  )`,

  // Units per bureau, for totals: kept by a trigger, so every writer of units (the admin routes, a
  // bulk load, a restore) keeps it, set-wise per statement.
  sql`CREATE TABLE bureau_units (
    bureau_id bigint PRIMARY KEY REFERENCES bureaus (id) ON DELETE CASCADE,
    units integer NOT NULL
  )`,
  sql`INSERT INTO bureau_units (bureau_id, units) SELECT bureau_id, count(*) FROM units GROUP BY bureau_id`,
  sql`CREATE FUNCTION count_bureau_units() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF TG_OP IN ('INSERT', 'UPDATE') THEN
        INSERT INTO bureau_units (bureau_id, units)
          SELECT bureau_id, count(*) FROM new_units GROUP BY bureau_id ORDER BY bureau_id
          ON CONFLICT (bureau_id) DO UPDATE SET units = bureau_units.units + excluded.units;
      END IF;
      IF TG_OP IN ('UPDATE', 'DELETE') THEN
        UPDATE bureau_units b SET units = b.units - o.n
          FROM (SELECT bureau_id, count(*) AS n FROM old_units GROUP BY bureau_id) o WHERE b.bureau_id = o.bureau_id;
      END IF;
      RETURN NULL;
    END $$`,
  sql`CREATE TRIGGER bureau_units_insert AFTER INSERT ON units REFERENCING NEW TABLE AS new_units
    FOR EACH STATEMENT EXECUTE FUNCTION count_bureau_units()`,
  sql`CREATE TRIGGER bureau_units_update AFTER UPDATE ON units REFERENCING OLD TABLE AS old_units NEW TABLE AS new_units
    FOR EACH STATEMENT EXECUTE FUNCTION count_bureau_units()`,
  sql`CREATE TRIGGER bureau_units_delete AFTER DELETE ON units REFERENCING OLD TABLE AS old_units
    FOR EACH STATEMENT EXECUTE FUNCTION count_bureau_units()`,

  sql`CREATE TABLE derived_work (
    kind text NOT NULL CHECK (kind IN ('bureau', 'document')),
    target_id bigint NOT NULL,
    bureau_id bigint NOT NULL,
    review boolean NOT NULL,
    enqueued_at timestamptz NOT NULL DEFAULT clock_timestamp(),
    generation integer NOT NULL DEFAULT 1,
    claimed_by text,
    claimed_until timestamptz,
    PRIMARY KEY (kind, target_id)
  )`,
  sql`CREATE INDEX derived_work_order ON derived_work (enqueued_at)`,
  // What a list's scope still waits for (pending).
  sql`CREATE INDEX derived_work_bureau ON derived_work (bureau_id)`,

  sql`DROP INDEX project_monitoring_span`,
  sql`ALTER TABLE project_monitoring
    ADD COLUMN unit_id bigint, ADD COLUMN bureau_id bigint, ADD COLUMN year integer, ADD COLUMN status text,
    ADD COLUMN unit_code text, ADD COLUMN order_light smallint, ADD COLUMN order_shortfall numeric`,
  sql`UPDATE project_monitoring pm SET unit_id = d.unit_id, bureau_id = u.bureau_id, year = d.year, status = d.status,
      unit_code = u.code, order_light = -pm.light_rank, order_shortfall = coalesce(-pm.shortfall, 1000000)
    FROM documents d JOIN units u ON u.id = d.unit_id WHERE d.id = pm.document_id`,
  sql`ALTER TABLE project_monitoring
    ALTER COLUMN unit_id SET NOT NULL, ALTER COLUMN bureau_id SET NOT NULL, ALTER COLUMN year SET NOT NULL,
    ALTER COLUMN status SET NOT NULL, ALTER COLUMN unit_code SET NOT NULL, ALTER COLUMN order_light SET NOT NULL,
    ALTER COLUMN order_shortfall SET NOT NULL`,
  // The warning list in its order (red first, then by shortfall), for a year and for a bureau's or a unit's year.
  sql`CREATE INDEX project_monitoring_warnings ON project_monitoring (year, order_light, order_shortfall, unit_code, position, project_id)`,
  sql`CREATE INDEX project_monitoring_bureau_warnings ON project_monitoring (bureau_id, year, order_light, order_shortfall, unit_code, position, project_id)`,
  sql`CREATE INDEX project_monitoring_unit_warnings ON project_monitoring (unit_id, year, order_light, order_shortfall, unit_code, position, project_id)`,

  // Superseded by the queue.
  sql`ALTER TABLE document_actuals_state DROP COLUMN derived_version, DROP COLUMN derived_stale`,

  sql`INSERT INTO derived_work (kind, target_id, bureau_id, review)
    SELECT 'document', d.id, u.bureau_id, d.review_stale FROM documents d JOIN units u ON u.id = d.unit_id`,
  sql`ALTER TABLE documents DROP COLUMN review_stale`,
];

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await statement.execute(db);
}
