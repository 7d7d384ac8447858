/**
 * Indexes for the documents list's cursor orders (src/store/listing.ts), each the filter's equality
 * columns then the order's keys, so a page — the first or the thousandth — is a range scan from the
 * cursor that stops after one page: by last change (the queue's "longest waiting first") within a
 * year and status, a year, or a status; and newest year first. The default order (unit code, then
 * year) needs none: it walks units_code_key and looks documents up by documents_unit_id_year_key.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of [
    sql`CREATE INDEX documents_year_status_updated ON documents (year, status, updated_at, id)`,
    sql`CREATE INDEX documents_year_updated ON documents (year, updated_at, id)`,
    sql`CREATE INDEX documents_status_updated ON documents (status, updated_at, id)`,
    sql`CREATE INDEX documents_year_id ON documents (year, id)`,
  ])
    await statement.execute(db);
}
