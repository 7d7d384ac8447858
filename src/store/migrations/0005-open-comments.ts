/**
 * The form shows a document's open (unresolved) comments at their fields, page by page: with this
 * partial index those pages and their count stay index reads however many comments were resolved.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`CREATE INDEX comments_open ON comments (document_id, id) WHERE resolved_at IS NULL`.execute(db);
}
