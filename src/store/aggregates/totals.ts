/**
 * A bureau's totals for a year (documents by status, projects, budget, documents with errors), and
 * each direct sub-bureau's: summed from the bureaus' year totals (./document.ts keeps them on
 * write) and the units per bureau (a trigger keeps them), a row per bureau and status, so a
 * province's totals read a few thousand rows.
 */
import { sql, type Kysely } from 'kysely';
import type { ListScope } from '../listing.ts';
import type { Database, DocumentStatus } from '../schema.ts';

export interface BureauTotals {
  bureauId: number;
  bureauName: string;
  units: number;
  documents: number;
  projects: number;
  /** 万元, exact. */
  budgetTotal: string;
  statusCounts: Partial<Record<DocumentStatus, number>>;
  documentsWithErrors: number;
}

const STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;

/**
 * The year totals a caller counts under bureau `g`: published documents, and besides them all of
 * those in the caller's scope (every status) — a unit's own, a reviewer's bureau subtree, all for
 * admins. A unit's own unpublished documents are read from their own aggregates.
 */
function countedUnder(scope: ListScope, year: number) {
  const rollups = (condition: ReturnType<typeof sql>) => sql`
    select y.status, y.documents, y.projects, y.budget_total, y.with_errors
    from bureau_tree t join bureau_year_totals y on y.bureau_id = t.descendant_id and y.year = ${year}
    where t.ancestor_id = g.id ${condition}`;
  if ('all' in scope) return rollups(sql``);
  if ('bureauId' in scope)
    return rollups(
      sql`and (y.status = 'published' or y.bureau_id in (select descendant_id from bureau_tree where ancestor_id = ${scope.bureauId}))`,
    );
  const published = rollups(sql`and y.status = 'published'`);
  if ('publishedOnly' in scope) return published;
  return sql`${published}
    union all
    select a.status, 1, a.projects, a.budget_total, a.with_errors from document_aggregates a
    where a.unit_id = ${scope.unitId} and a.year = ${year} and a.status <> 'published'
      and a.bureau_id in (select descendant_id from bureau_tree where ancestor_id = g.id)`;
}

/**
 * Totals for a year: the bureau itself (everything under it), then each direct sub-bureau
 * (everything under that), in code order; over the documents `scope` may count.
 */
export async function bureauTotals(db: Kysely<Database>, bureauId: number, year: number, scope: ListScope): Promise<BureauTotals[]> {
  const r = await sql<
    {
      bureau_id: number;
      bureau_name: string;
      units: number;
      documents: number;
      projects: number;
      budget_total: string;
      with_errors: number;
    } & Record<DocumentStatus, number>
  >`
    select g.id as bureau_id, g.name as bureau_name,
      (select coalesce(sum(n.units), 0) from bureau_tree t join bureau_units n on n.bureau_id = t.descendant_id
        where t.ancestor_id = g.id)::int as units,
      coalesce(sum(y.documents), 0)::int as documents,
      coalesce(sum(y.projects), 0)::int as projects,
      coalesce(sum(y.budget_total), 0)::text as budget_total,
      coalesce(sum(y.with_errors), 0)::int as with_errors,
      ${sql.join(STATUSES.map((s) => sql`coalesce(sum(y.documents) filter (where y.status = ${s}), 0)::int as ${sql.ref(s)}`))}
    from bureau_tree c
      join bureaus g on g.id = c.descendant_id
      left join lateral (${countedUnder(scope, year)}) y on true
    where c.ancestor_id = ${bureauId} and c.depth <= 1
    group by g.id, g.name, g.code, c.depth
    order by c.depth, g.code`.execute(db);
  return r.rows.map((x) => ({
    bureauId: x.bureau_id,
    bureauName: x.bureau_name,
    units: x.units,
    documents: x.documents,
    projects: x.projects,
    budgetTotal: x.budget_total,
    documentsWithErrors: x.with_errors,
    statusCounts: Object.fromEntries(STATUSES.map((s) => [s, x[s]]).filter(([, n]) => n !== 0)),
  }));
}
