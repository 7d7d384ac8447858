/**
 * A document whose finding counts were computed under review settings that have since changed
 * is marked, and recounted in the background: a province's recount takes minutes, too long for
 * the request that changed the settings. The partial index keeps finding the marked ones cheap.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`ALTER TABLE documents ADD COLUMN review_stale boolean NOT NULL DEFAULT false`.execute(db);
  await sql`CREATE INDEX documents_review_stale ON documents (id) WHERE review_stale`.execute(db);
}
