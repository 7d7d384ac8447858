/**
 * The form profile (表样) a finance bureau picks for its units — the columns the editor shows, the
 * form the review and the exports follow — inherited down the bureau tree like the other settings:
 * null inherits, and with no pick up the tree a document follows the default profile of its year.
 * The id of a shipped profile (src/core/forms/profiles.ts), e.g. "hebei-2020".
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE bureau_settings ADD COLUMN form_profile text`.execute(db);
}
