/**
 * The figures as reads computed them before the aggregates (issue 14): grouped at read time over
 * documents × units × the derived rows. Tests hold the aggregates to them.
 */
import { sql, type Kysely } from 'kysely';
import type { IsoDate } from '../../core/actuals/calendar.ts';
import { Decimal } from '../../core/model/decimal.ts';
import type { ListScope } from '../listing.ts';
import type { Database } from '../schema.ts';

/** Equal amounts compare equal whatever their trailing zeros. */
export const amount = (s: string) => new Decimal(s).toString();

const scopeCondition = (scope: ListScope, f: { bureauId?: number; unitId?: number }) => {
  const under = (root: number) => sql`u.bureau_id in (select descendant_id from bureau_tree where ancestor_id = ${root})`;
  const c = [sql`true`];
  if ('bureauId' in scope) c.push(under(scope.bureauId));
  if ('unitId' in scope) c.push(sql`d.unit_id = ${scope.unitId}`);
  if ('publishedOnly' in scope) c.push(sql`d.status = 'published'`);
  if (f.bureauId !== undefined) c.push(under(f.bureauId));
  if (f.unitId !== undefined) c.push(sql`d.unit_id = ${f.unitId}`);
  return sql.join(c, sql` and `);
};

/** The warning list's projects in its order, and the counts per light. */
export async function referenceWarnings(
  db: Kysely<Database>,
  scope: ListScope,
  f: { year: number; date: IsoDate; bureauId?: number; unitId?: number },
) {
  const { rows } = await sql<{ project_id: number; light: 'green' | 'yellow' | 'red' }>`
    select pm.project_id, pm.light
    from project_monitoring pm join documents d on d.id = pm.document_id join units u on u.id = d.unit_id
    where d.status in ('approved', 'published') and d.year = ${f.year}
      and daterange(pm.valid_from, pm.valid_to) @> ${f.date}::date and ${scopeCondition(scope, f)}
    order by pm.light_rank desc, pm.shortfall desc nulls last, u.code, pm.position, pm.project_id`.execute(db);
  const lightCounts = { green: 0, yellow: 0, red: 0 };
  for (const r of rows) lightCounts[r.light]++;
  return { projectIds: rows.map((r) => r.project_id), lightCounts };
}

export async function referenceGroups(db: Kysely<Database>, bureauId: number, year: number, date: IsoDate) {
  const r = await sql<{ kind: string; id: number; budget: string; spent: string; planned_amount: string } & Record<string, number>>`
    select
      case when g.id is null then 'unit' else 'bureau' end as kind,
      coalesce(g.id, u.id) as id, coalesce(g.code, u.code) as code,
      coalesce(sum(pm.budget), 0)::text as budget,
      coalesce(sum(pm.spent) filter (where pm.budget is not null), 0)::text as spent,
      coalesce(sum(pm.budget * pm.planned / 100), 0)::text as planned_amount,
      count(*) filter (where pm.light = 'green')::int as green,
      count(*) filter (where pm.light = 'yellow')::int as yellow,
      count(*) filter (where pm.light = 'red')::int as red,
      count(*) filter (where pm.unreported_indicators > 0)::int as unreported
    from project_monitoring pm
      join documents d on d.id = pm.document_id
      join units u on u.id = d.unit_id
      left join lateral (
        select c.id, c.code from bureau_tree t join bureaus c on c.id = t.ancestor_id
        where t.descendant_id = u.bureau_id and c.parent_id = ${bureauId}
      ) g on true
    where d.year = ${year} and d.status in ('approved', 'published')
      and daterange(pm.valid_from, pm.valid_to) @> ${date}::date
      and u.bureau_id in (select descendant_id from bureau_tree where ancestor_id = ${bureauId})
    group by 1, 2, 3
    order by 1, 3`.execute(db);
  return r.rows.map((x) => ({
    kind: x.kind,
    id: Number(x.id),
    budget: amount(x.budget),
    spent: amount(x.spent),
    plannedAmount: amount(x.planned_amount),
    lights: { green: x.green, yellow: x.yellow, red: x.red },
    unreported: x.unreported,
  }));
}

export async function referenceScores(db: Kysely<Database>, bureauId: number, year: number) {
  const r = await sql<{ grade: '优' | '良' | '中' | '差'; band: number; n: number }>`
    select pe.grade, width_bucket(pe.total, array[60, 70, 80, 90]::numeric[]) as band, count(*)::int as n
    from project_evaluation pe join documents d on d.id = pe.document_id join units u on u.id = d.unit_id
    where d.year = ${year} and d.status in ('approved', 'published')
      and u.bureau_id in (select descendant_id from bureau_tree where ancestor_id = ${bureauId})
    group by 1, 2`.execute(db);
  const grades = { 优: 0, 良: 0, 中: 0, 差: 0 };
  const bands = [0, 0, 0, 0, 0];
  for (const x of r.rows) {
    grades[x.grade] += x.n;
    bands[x.band]! += x.n;
  }
  return { grades, bands };
}

export async function referenceFindings(db: Kysely<Database>, bureauId: number, year: number) {
  const r = await sql<{ rule_id: string; severity: string; findings: string; documents: string }>`
    select rc.rule_id, rc.severity, sum(rc.findings) as findings, count(distinct rc.document_id) as documents
    from document_rule_counts rc join documents d on d.id = rc.document_id join units u on u.id = d.unit_id
    where d.year = ${year} and u.bureau_id in (select descendant_id from bureau_tree where ancestor_id = ${bureauId})
    group by rc.rule_id, rc.severity
    order by sum(rc.findings) desc, rc.rule_id`.execute(db);
  return r.rows.map((x) => ({ ruleId: x.rule_id, severity: x.severity, findings: Number(x.findings), documents: Number(x.documents) }));
}

export async function referenceTotals(db: Kysely<Database>, bureauId: number, year: number, scope: ListScope) {
  const counted =
    'all' in scope
      ? sql``
      : 'publishedOnly' in scope
        ? sql`and d.status = 'published'`
        : 'unitId' in scope
          ? sql`and (d.status = 'published' or d.unit_id = ${scope.unitId})`
          : sql`and (d.status = 'published' or u.bureau_id in (select descendant_id from bureau_tree where ancestor_id = ${scope.bureauId}))`;
  const r = await sql<Record<string, number> & { budget_total: string; bureau_id: number }>`
    select g.id as bureau_id,
      count(distinct u.id)::int as units,
      count(d.id)::int as documents,
      coalesce(sum(d.project_count), 0)::int as projects,
      coalesce(sum(d.budget_total), 0)::text as budget_total,
      count(d.id) filter (where d.error_count > 0)::int as with_errors,
      count(d.id) filter (where d.status = 'draft')::int as draft,
      count(d.id) filter (where d.status = 'submitted')::int as submitted,
      count(d.id) filter (where d.status = 'returned')::int as returned,
      count(d.id) filter (where d.status = 'approved')::int as approved,
      count(d.id) filter (where d.status = 'published')::int as published
    from bureau_tree c
      join bureaus g on g.id = c.descendant_id
      join bureau_tree t on t.ancestor_id = c.descendant_id
      left join units u on u.bureau_id = t.descendant_id
      left join documents d on d.unit_id = u.id and d.year = ${year} ${counted}
    where c.ancestor_id = ${bureauId} and c.depth <= 1
    group by g.id, g.name, g.code, c.depth
    order by c.depth, g.code`.execute(db);
  return r.rows.map((x) => ({
    bureauId: x.bureau_id,
    units: x.units,
    documents: x.documents,
    projects: x.projects,
    budgetTotal: amount(x.budget_total),
    documentsWithErrors: x.with_errors,
    statusCounts: Object.fromEntries(
      (['draft', 'submitted', 'returned', 'approved', 'published'] as const).map((s) => [s, x[s]]).filter(([, n]) => n !== 0),
    ),
  }));
}
