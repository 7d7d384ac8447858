/**
 * Building the aggregates of documents written without them — by the bulk loader, or behind the
 * store's back — in the caller's transaction: documents without aggregates yet (a load) are summed
 * set-wise, a few statements for all of them; a monitored document's derived rows and monitoring
 * are the core's to compute, one document at a time, here or (`queueMonitored`) by the workers.
 */
import { sql } from 'kysely';
import { refreshDocument } from '../actuals/derived.ts';
import { MONITORED } from '../actuals/monitored.ts';
import type { Db, Trx } from '../schema.ts';
import { refreshLibrary } from '../library/refresh.ts';
import { aggregateRows, COUNT_COLUMNS } from './document.ts';
import { enqueueDocuments } from './queue.ts';

export interface RebuildOptions {
  /**
   * Queue the monitored documents for the background worker instead of computing their monitoring
   * here (a load of many approved documents returns at once; `pending` counts them meanwhile).
   */
  queueMonitored?: boolean;
}

export async function rebuildAggregates(db: Db, documentIds: readonly number[], options: RebuildOptions = {}): Promise<void> {
  if (documentIds.length === 0) return;
  if (!db.isTransaction) {
    await db.transaction().execute((trx) => rebuildAggregates(trx, documentIds, options));
    return;
  }
  const trx = db as Trx;
  const { rows } = await sql<{ id: number; fresh: boolean; monitored: boolean }>`
    select d.id, not exists (select 1 from document_aggregates a where a.document_id = d.id) as fresh,
      d.status in (${sql.join(MONITORED)}) as monitored
    from documents d where d.id = any(${documentIds}::bigint[]) order by d.id`.execute(trx);
  const fresh = rows.filter((r) => r.fresh).map((r) => r.id);
  if (fresh.length > 0) await addFresh(trx, fresh);
  await refreshLibrary(trx, fresh);
  // What was written behind the store's back over aggregates already there: each one's whole rebuild.
  for (const r of rows) if (!r.fresh && !r.monitored) await refreshDocument(trx, r.id);
  const monitored = rows.filter((r) => r.monitored).map((r) => r.id);
  if (options.queueMonitored) await enqueueDocuments(trx, monitored, false);
  else for (const id of monitored) await refreshDocument(trx, id);
}

/**
 * Documents without aggregates: their rows, and their sums added to their bureaus' rollups. Their
 * monitoring (none yet for a load) is added by the refresh of each monitored one, as a difference.
 */
async function addFresh(trx: Trx, ids: readonly number[]): Promise<void> {
  const columns = sql.join(COUNT_COLUMNS.map((c) => sql.ref(c)));
  await sql`
    insert into document_aggregates (document_id, unit_id, bureau_id, year, status, ${columns}, rule_counts)
    select c.document_id, c.unit_id, c.bureau_id, c.year, c.status, ${sql.join(COUNT_COLUMNS.map((x) => sql`c.${sql.ref(x)}`))},
      coalesce((
        select jsonb_agg(jsonb_build_object('rule_id', r.rule_id, 'severity', r.severity, 'findings', r.findings) order by r.rule_id, r.severity)
        from document_rule_counts r where r.document_id = c.document_id), '[]'::jsonb)
    from (${aggregateRows(ids)}) c`.execute(trx);
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
