/**
 * A document's aggregates, brought up to date in the transaction that changed what they sum (its
 * content and counts, its status, its unit's bureau, its derived monitoring and evaluation rows):
 * its own row in `document_aggregates` and `document_monitoring`, and the difference between what
 * it added before and what it adds now applied to its bureau's rollups. Applying differences keeps
 * a write cheap (a few rows, whatever the size of the province), and keeps reads from grouping.
 *
 * Concurrency: every rollup row a document touches is reached after the `bureau_year_totals` rows of
 * its keys (locked in key order), so a bureau's spans are split and summed by one writer at a time
 * and two writers never wait on each other in opposite orders.
 */
import { sql, type Insertable } from 'kysely';
import { MONITORED } from '../actuals/monitored.ts';
import { refreshLibrary } from '../library/refresh.ts';
import type { AggregateCounts, DocumentAggregatesTable, DocumentStatus, MonitoringSums, RuleCount, Trx } from '../schema.ts';

/** The columns a rollup sums; `budget_total` is NUMERIC, the others integers. */
export const COUNT_COLUMNS = [
  'projects',
  'budget_total',
  'with_errors',
  'evaluated',
  'grade_excellent',
  'grade_good',
  'grade_fair',
  'grade_poor',
  'band_0',
  'band_1',
  'band_2',
  'band_3',
  'band_4',
] as const satisfies readonly (keyof AggregateCounts)[];

const MONITORING_COLUMNS = [
  'budget',
  'spent',
  'planned_amount',
  'green',
  'yellow',
  'red',
  'unreported',
] as const satisfies readonly (keyof MonitoringSums)[];

const NUMERIC_COLUMNS = new Set<string>(['budget_total', 'budget', 'spent', 'planned_amount']);

interface Key {
  bureauId: number;
  year: number;
  status: DocumentStatus;
}
interface Aggregate extends Key, AggregateCounts {
  unitId: number;
  ruleCounts: RuleCount[];
}
interface Span extends MonitoringSums {
  valid_from: string;
  valid_to: string;
}

const keyOf = (k: Key) => `${k.bureauId}|${k.year}|${k.status}`;
const sameKey = (a: Key, b: Key) => keyOf(a) === keyOf(b);
const compareKeys = (a: Key, b: Key) => a.bureauId - b.bureauId || a.year - b.year || a.status.localeCompare(b.status);

/**
 * Each document's row of `document_aggregates` (but its rule counts), from its row and its derived
 * rows, for the documents `ids` (an array parameter): here for one, in ./rebuild.ts for a load.
 */
export const aggregateRows = (ids: readonly number[]) => sql`
  select d.id as document_id, d.unit_id, u.bureau_id, d.year, d.status,
    d.project_count as projects, d.budget_total, (d.error_count > 0)::int as with_errors,
    count(pe.project_id)::int as evaluated,
    count(*) filter (where pe.grade = '优')::int as grade_excellent,
    count(*) filter (where pe.grade = '良')::int as grade_good,
    count(*) filter (where pe.grade = '中')::int as grade_fair,
    count(*) filter (where pe.grade = '差')::int as grade_poor,
    ${sql.join(
      [0, 1, 2, 3, 4].map(
        (b) => sql`count(*) filter (where width_bucket(pe.total, array[60, 70, 80, 90]::numeric[]) = ${b})::int as ${sql.ref(`band_${b}`)}`,
      ),
    )}
  from documents d
    join units u on u.id = d.unit_id
    left join project_evaluation pe on pe.document_id = d.id
  where d.id = any(${ids}::bigint[])
  group by d.id, u.bureau_id`;

/** What the document adds up to now, from its row and its derived rows; undefined if it is gone. */
async function currentAggregate(trx: Trx, documentId: number): Promise<Aggregate | undefined> {
  const { rows } = await sql<
    AggregateCounts & { unit_id: number; bureau_id: number; year: number; status: DocumentStatus }
  >`${aggregateRows([documentId])}`.execute(trx);
  const row = rows[0];
  if (!row) return undefined;
  const ruleCounts = await trx
    .selectFrom('document_rule_counts')
    .select(['rule_id', 'severity', 'findings'])
    .where('document_id', '=', documentId)
    .orderBy('rule_id')
    .orderBy('severity')
    .execute();
  return { ...row, unitId: row.unit_id, bureauId: row.bureau_id, ruleCounts };
}

/** The monitored document's projects summed into spans between the dates any of them changes on. */
async function currentSpans(trx: Trx, documentId: number, year: number): Promise<Span[]> {
  const { rows } = await sql<Span>`
    with bounds as (select distinct valid_from from project_monitoring where document_id = ${documentId}),
      spans as (
        select valid_from, coalesce(lead(valid_from) over (order by valid_from), make_date(${year + 1}, 1, 1)) as valid_to from bounds
      )
    select s.valid_from, s.valid_to,
      coalesce(sum(pm.budget), 0) as budget,
      coalesce(sum(pm.spent) filter (where pm.budget is not null), 0) as spent,
      coalesce(sum(pm.budget * pm.planned / 100), 0) as planned_amount,
      count(*) filter (where pm.light = 'green')::int as green,
      count(*) filter (where pm.light = 'yellow')::int as yellow,
      count(*) filter (where pm.light = 'red')::int as red,
      count(*) filter (where pm.unreported_indicators > 0)::int as unreported
    from spans s
      join project_monitoring pm on pm.document_id = ${documentId} and pm.valid_from <= s.valid_from and pm.valid_to > s.valid_from
    group by s.valid_from, s.valid_to
    order by s.valid_from`.execute(trx);
  return rows;
}

/** Adds `after` and takes away `before` (either may be absent) in the bureau's year totals of `key`. */
async function applyTotals(trx: Trx, key: Key, before: Aggregate | undefined, after: Aggregate | undefined) {
  const value = (c: (typeof COUNT_COLUMNS)[number]) =>
    NUMERIC_COLUMNS.has(c)
      ? sql`(${after?.[c] ?? '0'}::numeric - ${before?.[c] ?? '0'}::numeric)`
      : sql`${Number(after?.[c] ?? 0) - Number(before?.[c] ?? 0)}::int`;
  const columns = ['documents', ...COUNT_COLUMNS];
  await sql`
    insert into bureau_year_totals (bureau_id, year, status, ${sql.join(columns.map((c) => sql.ref(c)))})
    values (${key.bureauId}, ${key.year}, ${key.status}, ${(after ? 1 : 0) - (before ? 1 : 0)}::int, ${sql.join(COUNT_COLUMNS.map(value))})
    on conflict (bureau_id, year, status) do update set
      ${sql.join(columns.map((c) => sql`${sql.ref(c)} = bureau_year_totals.${sql.ref(c)} + excluded.${sql.ref(c)}`))}`.execute(trx);
}

/** The rule counts' differences per (bureau, year, rule, severity), in key order. */
async function applyRuleCounts(trx: Trx, before: Aggregate | undefined, after: Aggregate | undefined) {
  const deltas = new Map<string, { bureauId: number; year: number; rule: RuleCount; documents: number }>();
  const add = (a: Aggregate | undefined, sign: 1 | -1) => {
    for (const r of a?.ruleCounts ?? []) {
      const k = `${String(a!.bureauId).padStart(20, '0')}|${a!.year}|${r.rule_id}|${r.severity}`;
      const d = deltas.get(k) ?? { bureauId: a!.bureauId, year: a!.year, rule: { ...r, findings: 0 }, documents: 0 };
      d.rule.findings += sign * r.findings;
      d.documents += sign;
      deltas.set(k, d);
    }
  };
  add(before, -1);
  add(after, 1);
  const rows = [...deltas.entries()]
    .filter(([, d]) => d.rule.findings !== 0 || d.documents !== 0)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, d]) => ({
      bureau_id: d.bureauId,
      year: d.year,
      rule_id: d.rule.rule_id,
      severity: d.rule.severity,
      findings: d.rule.findings,
      documents: d.documents,
    }));
  if (rows.length === 0) return;
  await trx
    .insertInto('bureau_rule_counts')
    .values(rows)
    .onConflict((oc) =>
      oc.columns(['bureau_id', 'year', 'rule_id', 'severity']).doUpdateSet((eb) => ({
        findings: eb('bureau_rule_counts.findings', '+', eb.ref('excluded.findings')),
        documents: eb('bureau_rule_counts.documents', '+', eb.ref('excluded.documents')),
      })),
    )
    .execute();
}

const spanColumns = sql`valid_from date, valid_to date, budget numeric, spent numeric, planned_amount numeric,
  green int, yellow int, red int, unreported int`;

/**
 * Adds the spans `after` and takes away `before` in the bureau's monitoring of `key`: first the
 * bureau's spans are split at every date either changes on (a new row copies the state it splits),
 * then each row between gets the difference — only rows whose sums change are written.
 */
async function applyMonitoring(trx: Trx, key: Key, before: Span[], after: Span[]) {
  if (JSON.stringify(before) === JSON.stringify(after)) return;
  const yearEnd = `${key.year + 1}-01-01`;
  const dates = new Set([`${key.year}-01-01`]);
  for (const s of [...before, ...after]) {
    dates.add(s.valid_from);
    if (s.valid_to !== yearEnd) dates.add(s.valid_to);
  }
  const k = sql`m.bureau_id = ${key.bureauId} and m.year = ${key.year} and m.status = ${key.status}`;
  await sql`
    insert into bureau_monitoring (bureau_id, year, status, valid_from, ${sql.join(MONITORING_COLUMNS.map((c) => sql.ref(c)))})
    select ${key.bureauId}, ${key.year}, ${key.status}, b.d, ${sql.join(MONITORING_COLUMNS.map((c) => sql`coalesce(p.${sql.ref(c)}, 0)`))}
    from unnest(${[...dates]}::date[]) as b(d)
      left join lateral (
        select * from bureau_monitoring m where ${k} and m.valid_from < b.d order by m.valid_from desc limit 1
      ) p on true
    on conflict do nothing`.execute(trx);
  await sql`
    update bureau_monitoring m set ${sql.join(MONITORING_COLUMNS.map((c) => sql`${sql.ref(c)} = m.${sql.ref(c)} + x.${sql.ref(c)}`))}
    from (
      select r.valid_from, ${sql.join(MONITORING_COLUMNS.map((c) => sql`coalesce(n.${sql.ref(c)}, 0) - coalesce(o.${sql.ref(c)}, 0) as ${sql.ref(c)}`))}
      from bureau_monitoring r
        left join jsonb_to_recordset(${JSON.stringify(after)}::jsonb) as n(${spanColumns})
          on r.valid_from >= n.valid_from and r.valid_from < n.valid_to
        left join jsonb_to_recordset(${JSON.stringify(before)}::jsonb) as o(${spanColumns})
          on r.valid_from >= o.valid_from and r.valid_from < o.valid_to
      where r.bureau_id = ${key.bureauId} and r.year = ${key.year} and r.status = ${key.status}
    ) x
    where ${k} and m.valid_from = x.valid_from
      and (${sql.join(
        MONITORING_COLUMNS.map((c) => sql`x.${sql.ref(c)} <> 0`),
        sql` or `,
      )})`.execute(trx);
}

/**
 * Brings the document's aggregates and its share of its bureau's rollups up to date with its row
 * and derived rows as they are now in `trx`. Call it in the transaction that changed them.
 */
export async function refreshAggregates(trx: Trx, documentId: number): Promise<void> {
  // History and suggestions (../library) are kept by the same writes.
  await refreshLibrary(trx, [documentId]);
  const stored = await trx
    .selectFrom('document_aggregates')
    .selectAll()
    .where('document_id', '=', documentId)
    .forUpdate()
    .executeTakeFirst();
  const before: Aggregate | undefined = stored && {
    ...stored,
    unitId: stored.unit_id,
    bureauId: stored.bureau_id,
    ruleCounts: stored.rule_counts,
  };
  const after = await currentAggregate(trx, documentId);
  const beforeSpans: Span[] = stored
    ? await trx
        .selectFrom('document_monitoring')
        .select(['valid_from', 'valid_to', ...MONITORING_COLUMNS])
        .where('document_id', '=', documentId)
        .orderBy('valid_from')
        .execute()
    : [];
  const afterSpans = after && MONITORED.includes(after.status) ? await currentSpans(trx, documentId, after.year) : [];

  const keys = [before, after].filter((a): a is Aggregate => a !== undefined).sort(compareKeys);
  for (const [i, key] of keys.entries()) {
    if (i > 0 && sameKey(key, keys[i - 1]!)) continue;
    await applyTotals(trx, key, before && sameKey(before, key) ? before : undefined, after && sameKey(after, key) ? after : undefined);
  }
  await applyRuleCounts(trx, before, after);
  if (before && after && sameKey(before, after)) await applyMonitoring(trx, after, beforeSpans, afterSpans);
  else {
    if (before && beforeSpans.length > 0) await applyMonitoring(trx, before, beforeSpans, []);
    if (after && afterSpans.length > 0) await applyMonitoring(trx, after, [], afterSpans);
  }

  if (!after) return;
  const row: Insertable<DocumentAggregatesTable> = {
    document_id: documentId,
    unit_id: after.unitId,
    bureau_id: after.bureauId,
    year: after.year,
    status: after.status,
    ...(Object.fromEntries(COUNT_COLUMNS.map((c) => [c, after[c]])) as unknown as AggregateCounts),
    rule_counts: JSON.stringify(after.ruleCounts),
  };
  await trx
    .insertInto('document_aggregates')
    .values(row)
    .onConflict((oc) => oc.column('document_id').doUpdateSet(row))
    .execute();
  await trx.deleteFrom('document_monitoring').where('document_id', '=', documentId).execute();
  if (afterSpans.length > 0)
    await trx
      .insertInto('document_monitoring')
      .values(
        afterSpans.map((s) => ({
          ...s,
          document_id: documentId,
          unit_id: after.unitId,
          bureau_id: after.bureauId,
          year: after.year,
          status: after.status,
        })),
      )
      .execute();
}
