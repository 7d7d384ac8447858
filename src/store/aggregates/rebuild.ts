/**
 * Building the aggregates of documents written without them — by the bulk loader, or behind the
 * store's back — in the caller's transaction (or one per document): a monitored document gets its
 * derived rows and aggregates one by one (its monitoring is the core's to compute); documents not
 * monitored and without aggregates yet (a load) are summed set-wise, a few statements for all of
 * them. For many documents outside a load, queuing them (`enqueueDocuments` in ./queue.ts) lets the
 * servers' workers share the work instead.
 */
import { sql } from 'kysely';
import { refreshDocument } from '../actuals/derived.ts';
import { MONITORED } from '../actuals/monitored.ts';
import type { Db, Trx } from '../schema.ts';
import { COUNT_COLUMNS } from './document.ts';

export async function rebuildAggregates(db: Db, documentIds: readonly number[]): Promise<void> {
  if (documentIds.length === 0) return;
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => rebuildAggregates(trx, documentIds));
    return;
  }
  const trx = db as Trx;
  const { rows } = await sql<{ id: number; fresh: boolean }>`
    select d.id, d.status not in (${sql.join(MONITORED)})
      and not exists (select 1 from document_aggregates a where a.document_id = d.id) as fresh
    from documents d where d.id = any(${documentIds}::bigint[]) order by d.id`.execute(trx);
  const fresh = rows.filter((r) => r.fresh).map((r) => r.id);
  if (fresh.length > 0) await addFresh(trx, fresh);
  for (const r of rows) if (!r.fresh) await refreshDocument(trx, r.id);
}

/** Documents not monitored, without aggregates: their rows, and their sums added to their bureaus' rollups. */
async function addFresh(trx: Trx, ids: readonly number[]): Promise<void> {
  const columns = sql.join(COUNT_COLUMNS.map((c) => sql.ref(c)));
  // Not monitored: no evaluation, so every count after with_errors is 0.
  const counted = sql`
    select d.id as document_id, d.unit_id, u.bureau_id, d.year, d.status, d.project_count as projects, d.budget_total,
      (d.error_count > 0)::int as with_errors,
      ${sql.join(COUNT_COLUMNS.slice(3).map((c) => sql`0 as ${sql.ref(c)}`))}
    from documents d join units u on u.id = d.unit_id where d.id = any(${ids}::bigint[])`;
  await sql`
    insert into document_aggregates (document_id, unit_id, bureau_id, year, status, ${columns}, rule_counts)
    select c.*, coalesce((
      select jsonb_agg(jsonb_build_object('rule_id', r.rule_id, 'severity', r.severity, 'findings', r.findings) order by r.rule_id, r.severity)
      from document_rule_counts r where r.document_id = c.document_id), '[]'::jsonb)
    from (${counted}) c`.execute(trx);
  // In key order, as every writer takes these rows.
  await sql`
    insert into bureau_year_totals (bureau_id, year, status, documents, ${columns})
    select bureau_id, year, status, count(*), ${sql.join(COUNT_COLUMNS.map((c) => sql`sum(${sql.ref(c)})`))}
    from document_aggregates where document_id = any(${ids}::bigint[])
    group by bureau_id, year, status order by bureau_id, year, status
    on conflict (bureau_id, year, status) do update set
      ${sql.join(['documents', ...COUNT_COLUMNS].map((c) => sql`${sql.ref(c)} = bureau_year_totals.${sql.ref(c)} + excluded.${sql.ref(c)}`))}`.execute(
    trx,
  );
  await sql`
    insert into bureau_rule_counts (bureau_id, year, rule_id, severity, findings, documents)
    select a.bureau_id, a.year, r.rule_id, r.severity, sum(r.findings), count(*)
    from document_aggregates a join document_rule_counts r on r.document_id = a.document_id
    where a.document_id = any(${ids}::bigint[])
    group by a.bureau_id, a.year, r.rule_id, r.severity order by 1, 2, 3, 4
    on conflict (bureau_id, year, rule_id, severity) do update set
      findings = bureau_rule_counts.findings + excluded.findings, documents = bureau_rule_counts.documents + excluded.documents`.execute(
    trx,
  );
}
