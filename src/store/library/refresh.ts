/**
 * Keeps the history tables of migration 0016 in step with the documents, in the transaction that
 * changed a document's content or status (called from refreshAggregates and rebuildAggregates, which
 * every such write calls): a document counts in history while approved or published. What it adds
 * is recorded per document (`library_document_values`), so that leaving — returned, or a new
 * version — takes away exactly what it added, and the sums over all documents are changed by
 * differences, a few rows per family, whatever the size of the province.
 */
import { sql } from 'kysely';
import { fieldOfUnit } from '../../core/library/fields.ts';
import { pairsOf } from '../../core/library/suggest.ts';
import { MONITORED } from '../actuals/monitored.ts';
import type { Db, Trx } from '../schema.ts';

/** The statuses whose documents are history: approved and published (as monitoring's). */
export const IN_HISTORY = MONITORED;

const ids = (list: readonly number[]) => sql`${list}::bigint[]`;

/** A document's values once per scope they count in: every one in 'all', a published one in 'published' too. */
const SCOPED = sql`library_document_values v
  cross join lateral (select 'all'::text as scope union all select 'published' where v.published) s`;

/**
 * Brings the documents' share of the history tables up to date with their rows as they are now in
 * `trx`. Documents whose version and status were already taken in (or that are drafts, never taken
 * in) cost one lookup together.
 */
export async function refreshLibrary(trx: Trx, documentIds: readonly number[]): Promise<void> {
  if (documentIds.length === 0) return;
  const { rows: changed } = await sql<{ id: number; stored: boolean; member: boolean }>`
    select d.id, l.document_id is not null as stored, d.status in (${sql.join(IN_HISTORY)}) as member
    from documents d left join library_documents l on l.document_id = d.id
    where d.id = any(${ids(documentIds)})
      and (case when l.document_id is null then d.status in (${sql.join(IN_HISTORY)})
           else (l.version, l.status) is distinct from (d.version, d.status) end)
    order by d.id`.execute(trx);
  if (changed.length === 0) return;
  const leaving = changed.filter((c) => c.stored).map((c) => c.id);
  const entering = changed.filter((c) => c.member).map((c) => c.id);
  if (leaving.length > 0) {
    await applyValues(trx, leaving, -1);
    await trx
      .deleteFrom('library_documents')
      .where(sql<boolean>`document_id = any(${ids(leaving)})`)
      .execute();
  }
  if (entering.length > 0) await enter(trx, entering);
}

/** Every approved and published document taken in anew (the migration, the benchmark's generated history). */
export async function rebuildLibrary(db: Db): Promise<void> {
  for (const table of ['library_family_values', 'library_family_units', 'library_families', 'library_documents'] as const)
    await db.deleteFrom(table).execute();
  const documents = await db
    .selectFrom('documents')
    .select('id')
    .where('status', 'in', [...IN_HISTORY])
    .orderBy('id')
    .execute();
  const all = documents.map((d) => d.id);
  const inTransaction = (work: (trx: Trx) => Promise<void>) => (db.isTransaction ? work(db as Trx) : db.transaction().execute(work));
  // A few thousand documents at a time: a province's history is millions of rows. The sums are
  // made once at the end, from all documents' values, rather than by differences per batch.
  for (let i = 0; i < all.length; i += 2000) {
    const batch = all.slice(i, i + 2000);
    await inTransaction((trx) => enter(trx, batch, false));
  }
  await inTransaction(async (trx) => {
    await sql`
      insert into library_family_values (scope, family_key, value, operator, grade, uses)
      select s.scope, v.family_key, v.value, v.operator, v.grade, sum(v.uses)::int
      from ${SCOPED} group by 1, 2, 3, 4, 5`.execute(trx);
    await sql`
      insert into library_family_units (scope, family_key, unit_id, uses)
      select s.scope, v.family_key, v.unit_id, sum(v.uses)::int
      from ${SCOPED} where v.value <> '' group by 1, 2, 3`.execute(trx);
    await sql`
      insert into library_families (scope, family_key, uses, units)
      select v.scope, v.family_key, sum(v.uses)::int, coalesce(min(u.units), 0)
      from library_family_values v
        left join (select scope, family_key, count(*)::int as units from library_family_units group by 1, 2) u
          on u.scope = v.scope and u.family_key = v.family_key
      group by 1, 2`.execute(trx);
  });
}

/**
 * Takes the documents (approved or published, none taken in) in: their values (added to the sums
 * unless `sums` is false), projects and name pairs.
 */
async function enter(trx: Trx, documentIds: readonly number[], sums = true): Promise<void> {
  await sql`
    insert into library_documents (document_id, unit_id, status, version)
    select id, unit_id, status, version from documents where id = any(${ids(documentIds)})`.execute(trx);
  await sql`
    insert into library_document_values (document_id, unit_id, published, family_key, value, operator, grade, uses)
    select d.id, d.unit_id, d.status = 'published', i.family_key,
      coalesce(i.target_value::text, ''), coalesce(i.target_operator, ''),
      case when i.target_kind = 'qualitative' then regexp_replace(i.target, '\\s', '', 'g') else '' end,
      count(*)::int
    from documents d
      join projects p on p.document_id = d.id
      join indicators i on i.project_id = p.id
    where d.id = any(${ids(documentIds)}) and i.family_key is not null
    group by 1, 2, 3, 4, 5, 6, 7`.execute(trx);
  if (sums) await applyValues(trx, documentIds, 1);

  const projects = await trx
    .selectFrom('projects as p')
    .innerJoin('documents as d', 'd.id', 'p.document_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['p.id', 'p.document_id', 'p.name', 'p.category', 'd.unit_id', 'd.year', 'd.status', 'u.name as unit_name'])
    .where(sql<boolean>`p.document_id = any(${ids(documentIds)})`)
    .orderBy('p.id')
    .execute();
  const CHUNK = 5000;
  for (let i = 0; i < projects.length; i += CHUNK) {
    const chunk = projects.slice(i, i + CHUNK);
    await sql`
      insert into library_projects (project_id, document_id, unit_id, year, status, name, category, field)
      select * from unnest(${chunk.map((p) => p.id)}::bigint[], ${chunk.map((p) => p.document_id)}::bigint[],
        ${chunk.map((p) => p.unit_id)}::bigint[], ${chunk.map((p) => p.year)}::int[], ${chunk.map((p) => p.status)}::text[],
        ${chunk.map((p) => p.name)}::text[], ${chunk.map((p) => p.category?.trim() || null)}::text[],
        ${chunk.map((p) => fieldOfUnit(p.unit_name))}::text[])`.execute(trx);
    const pairs = chunk.flatMap((p) => [...pairsOf(p.name)].map((pair) => [pair, p.year, p.id] as const));
    for (let k = 0; k < pairs.length; k += CHUNK * 4) {
      const part = pairs.slice(k, k + CHUNK * 4);
      await sql`
        insert into library_project_pairs (pair, year, project_id)
        select * from unnest(${part.map((x) => x[0])}::text[], ${part.map((x) => x[1])}::int[], ${part.map((x) => x[2])}::bigint[])`.execute(
        trx,
      );
    }
  }
}

/**
 * Adds (sign 1) or takes away (-1) the documents' recorded values in the sums: per family and value,
 * per family and unit (numeric targets only, as peer ranges count), and per family its rows and the
 * units that write a number — by differences: a unit's row appearing or emptying moves the count, so
 * a family that a whole province uses costs no more than a rare one. Rows are written in key order,
 * as every writer does, so concurrent writers never wait on each other in a circle.
 */
async function applyValues(trx: Trx, documentIds: readonly number[], sign: 1 | -1): Promise<void> {
  const scoped = sql`${SCOPED} where v.document_id = any(${ids(documentIds)})`;
  await sql`
    insert into library_family_values as f (scope, family_key, value, operator, grade, uses)
    select s.scope, v.family_key, v.value, v.operator, v.grade, ${sign} * sum(v.uses)::int
    from ${scoped}
    group by 1, 2, 3, 4, 5 order by 1, 2, 3, 4, 5
    on conflict (scope, family_key, value, operator, grade) do update set uses = f.uses + excluded.uses`.execute(trx);
  const { rows: entered } = await sql<{ scope: string; family_key: string; inserted: boolean }>`
    insert into library_family_units as f (scope, family_key, unit_id, uses)
    select s.scope, v.family_key, v.unit_id, ${sign} * sum(v.uses)::int
    from ${scoped} and v.value <> ''
    group by 1, 2, 3 order by 1, 2, 3
    on conflict (scope, family_key, unit_id) do update set uses = f.uses + excluded.uses
    returning f.scope, f.family_key, (f.xmax = 0) as inserted`.execute(trx);
  const units = new Map<string, number>();
  const slot = (r: { scope: string; family_key: string }) => `${r.scope}\u0001${r.family_key}`;
  for (const r of entered) if (r.inserted) units.set(slot(r), (units.get(slot(r)) ?? 0) + 1);
  // Only taking away empties a row: exactly the rows this touched.
  if (sign < 0) {
    await sql`delete from library_family_values f
      using (select distinct s.scope, v.family_key, v.value, v.operator, v.grade from ${scoped}) t
      where (f.scope, f.family_key, f.value, f.operator, f.grade) = (t.scope, t.family_key, t.value, t.operator, t.grade) and f.uses <= 0`.execute(
      trx,
    );
    const { rows: left } = await sql<{ scope: string; family_key: string }>`delete from library_family_units f
      using (select distinct s.scope, v.family_key, v.unit_id from ${scoped}) t
      where (f.scope, f.family_key, f.unit_id) = (t.scope, t.family_key, t.unit_id) and f.uses <= 0
      returning f.scope, f.family_key`.execute(trx);
    for (const r of left) units.set(slot(r), (units.get(slot(r)) ?? 0) - 1);
  }
  const { rows: families } = await sql<{ scope: string; family_key: string; uses: number }>`
    select s.scope, v.family_key, ${sign} * sum(v.uses)::int as uses from ${scoped} group by 1, 2 order by 1, 2`.execute(trx);
  if (families.length === 0) return;
  const column = <K extends keyof (typeof families)[number]>(k: K) => families.map((f) => f[k]);
  const t = sql`unnest(${column('scope')}::text[], ${column('family_key')}::text[]) as t(scope, family_key)`;
  await sql`
    insert into library_families as f (scope, family_key, uses, units)
    select * from unnest(${column('scope')}::text[], ${column('family_key')}::text[], ${column('uses')}::int[],
      ${families.map((f) => units.get(slot(f)) ?? 0)}::int[])
    on conflict (scope, family_key) do update set uses = f.uses + excluded.uses, units = f.units + excluded.units`.execute(trx);
  // A family no row is left in has no row, as a rebuild makes none.
  if (sign < 0)
    await sql`delete from library_families f using ${t} where (f.scope, f.family_key) = (t.scope, t.family_key) and f.uses <= 0`.execute(
      trx,
    );
}
