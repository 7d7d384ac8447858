/**
 * Monitoring tells an indicator with nothing recorded (未填报) from one on track, so lists and
 * dashboards count those rows per project; and a self-evaluation row marked 不适用 carries the
 * unit's reason. Notes written before have no reason: the self-evaluation then refuses the 不适用
 * (the row is scored) and says so, until the unit gives one. Every document's derived rows are
 * recomputed under the new rules on its next read.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE project_monitoring ADD COLUMN unreported_indicators integer NOT NULL DEFAULT 0`.execute(db);
  await sql`ALTER TABLE evaluation_notes ADD COLUMN not_applicable_reason text NOT NULL DEFAULT ''`.execute(db);
  await sql`UPDATE document_actuals_state SET derived_stale = true`.execute(db);
}
