/**
 * A finance bureau's review settings (the core's ReviewSettings: disabled rules, severity
 * overrides, the 2021-form year, the project-code pattern) beside its monitoring and evaluation
 * settings, inherited down the bureau tree the same way (null inherits).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE bureau_settings ADD COLUMN review jsonb`.execute(db);
}
