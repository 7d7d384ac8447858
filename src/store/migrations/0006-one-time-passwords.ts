/**
 * A password that somebody else chose (the demo's, an admin's new account or reset, `jixiao user`)
 * has been seen by more than its owner: the owner must replace it before doing anything else.
 * Accounts that exist already keep working as they did.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE users ADD COLUMN must_change_password boolean NOT NULL DEFAULT false`.execute(db);
}
