/**
 * Lists across units for reviewers, units and the public: documents and projects filtered by year,
 * status, bureau (with its sub-bureaus), unit, finding severity and project-name text, paginated
 * with a total (budget totals per bureau are read from the aggregates: ./aggregates/totals.ts).
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Severity } from '../core/review/finding.ts';
import { exactSum } from './amounts.ts';
import { documentSummaryOf, SUMMARY_COLUMNS, type DocumentSummary } from './documents/summary.ts';
import { escapeLike } from './organisation.ts';
import type { Database, DocumentStatus } from './schema.ts';

export type SeverityFilter = Severity | 'clean';

/** Who is asking: which documents they may see at all. */
export type ListScope = { all: true } | { bureauId: number } | { unitId: number } | { publishedOnly: true };

export interface ListFilter {
  year?: number;
  status?: DocumentStatus[];
  bureauId?: number;
  unitId?: number;
  severity?: SeverityFilter;
  /** Text in a project's name (Chinese substring; served by a trigram index). */
  q?: string;
  limit: number;
  offset: number;
}

/** No page is larger than this, whatever the request says. */
export const MAX_PAGE = 200;

type Eb = ExpressionBuilder<Database & { d: Database['documents']; u: Database['units'] }, 'd' | 'u'>;

function documentConditions(eb: Eb, scope: ListScope, f: ListFilter): Expression<SqlBool>[] {
  const underBureau = (root: number) =>
    eb('u.bureau_id', 'in', eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', root));
  const c: Expression<SqlBool>[] = [];
  if ('bureauId' in scope) c.push(underBureau(scope.bureauId));
  if ('unitId' in scope) c.push(eb('d.unit_id', '=', scope.unitId));
  if ('publishedOnly' in scope) c.push(eb('d.status', '=', 'published'));
  if (f.year !== undefined) c.push(eb('d.year', '=', f.year));
  if (f.status && f.status.length > 0) c.push(eb('d.status', 'in', f.status));
  if (f.bureauId !== undefined) c.push(underBureau(f.bureauId));
  if (f.unitId !== undefined) c.push(eb('d.unit_id', '=', f.unitId));
  if (f.severity === 'error') c.push(eb('d.error_count', '>', 0));
  if (f.severity === 'warning') c.push(eb('d.warning_count', '>', 0));
  if (f.severity === 'info') c.push(eb('d.info_count', '>', 0));
  if (f.severity === 'clean') c.push(eb.and([eb('d.error_count', '=', 0), eb('d.warning_count', '=', 0)]));
  return c;
}

const nameLike = (q: string) => `%${escapeLike(q)}%`;

export interface DocumentListItem extends DocumentSummary {
  bureauName: string;
}

export interface DocumentList {
  items: DocumentListItem[];
  total: number;
  /** Over the whole filtered set, not only this page. */
  budgetTotal: string;
  statusCounts: Partial<Record<DocumentStatus, number>>;
}

export async function listDocuments(db: Kysely<Database>, scope: ListScope, f: ListFilter): Promise<DocumentList> {
  const base = db
    .selectFrom('documents as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .where((eb) => {
      const c = documentConditions(eb as unknown as Eb, scope, f);
      if (f.q)
        c.push(
          eb.exists(
            eb
              .selectFrom('projects as p')
              .select(sql.lit(1).as('one'))
              .whereRef('p.document_id', '=', 'd.id')
              .where('p.name', 'like', nameLike(f.q)),
          ),
        );
      return eb.and(c);
    });
  const [rows, counts] = await Promise.all([
    base
      .innerJoin('bureaus as b', 'b.id', 'u.bureau_id')
      .select([...SUMMARY_COLUMNS, 'b.name as bureau_name'])
      .orderBy('d.year', 'desc')
      .orderBy('u.code')
      .limit(Math.min(f.limit, MAX_PAGE))
      .offset(f.offset)
      .execute(),
    base
      .select(['d.status', (eb) => eb.fn.countAll<number>().as('n'), sql<string>`coalesce(sum(d.budget_total), 0)`.as('budget')])
      .groupBy('d.status')
      .execute(),
  ]);
  const statusCounts: Partial<Record<DocumentStatus, number>> = {};
  let total = 0;
  const budget: string[] = [];
  for (const c of counts) {
    statusCounts[c.status] = c.n;
    total += c.n;
    budget.push(c.budget);
  }
  return {
    items: rows.map((r) => ({ ...documentSummaryOf(r), bureauName: r.bureau_name })),
    total,
    budgetTotal: exactSum(budget),
    statusCounts,
  };
}

export interface ProjectListItem {
  id: number;
  documentId: number;
  code: string;
  name: string;
  unitId: number;
  unitCode: string;
  unitName: string;
  year: number;
  status: DocumentStatus;
  amountUnit: string;
  budgetTotal: string | null;
  indicatorCount: number;
  findingCounts: { error: number; warning: number; info: number };
}

/** Projects across documents: the text search over project names lands here. */
export async function listProjects(
  db: Kysely<Database>,
  scope: ListScope,
  f: ListFilter,
): Promise<{ items: ProjectListItem[]; total: number }> {
  const base = db
    .selectFrom('projects as p')
    .innerJoin('documents as d', 'd.id', 'p.document_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .where((eb) => {
      const c = documentConditions(eb as unknown as Eb, scope, { ...f, severity: undefined });
      if (f.q) c.push(eb('p.name', 'like', nameLike(f.q)));
      if (f.severity === 'error') c.push(eb('p.error_count', '>', 0));
      if (f.severity === 'warning') c.push(eb('p.warning_count', '>', 0));
      if (f.severity === 'info') c.push(eb('p.info_count', '>', 0));
      if (f.severity === 'clean') c.push(eb.and([eb('p.error_count', '=', 0), eb('p.warning_count', '=', 0)]));
      return eb.and(c);
    });
  const [rows, count] = await Promise.all([
    base
      .select([
        'p.id',
        'p.document_id',
        'p.code',
        'p.name',
        'd.unit_id',
        'u.code as unit_code',
        'u.name as unit_name',
        'd.year',
        'd.status',
        'p.amount_unit',
        'p.budget_total',
        'p.indicator_count',
        'p.error_count',
        'p.warning_count',
        'p.info_count',
      ])
      .orderBy('d.year', 'desc')
      .orderBy('u.code')
      .orderBy('p.position')
      .limit(Math.min(f.limit, MAX_PAGE))
      .offset(f.offset)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: r.id,
      documentId: r.document_id,
      code: r.code,
      name: r.name,
      unitId: r.unit_id,
      unitCode: r.unit_code,
      unitName: r.unit_name,
      year: r.year,
      status: r.status,
      amountUnit: r.amount_unit,
      budgetTotal: r.budget_total,
      indicatorCount: r.indicator_count,
      findingCounts: { error: r.error_count, warning: r.warning_count, info: r.info_count },
    })),
    total: count.n,
  };
}
