/**
 * Lists across units for reviewers, units and the public: documents and projects filtered by year,
 * status, bureau (with its sub-bureaus), unit, finding severity and project-name text, a page at a
 * time by cursor (./keyset.ts) with a capped count; the status counts and budget sum of a filtered
 * set apart (`documentSummary`, read once per filter, not per page). Budget totals per bureau are
 * read from the aggregates (./aggregates/totals.ts).
 */
import { sql, type Expression, type ExpressionBuilder, type Kysely, type SqlBool } from 'kysely';
import type { Severity } from '../core/review/finding.ts';
import { exactSum } from './amounts.ts';
import { documentSummaryOf, SUMMARY_COLUMNS, type DocumentSummary } from './documents/summary.ts';
import { firstPageTotal, keysetQuery, pageOf, type KeysetOrder, type Page, type PageRequest, type SortKey, type Total } from './keyset.ts';
import { escapeLike } from './organisation.ts';
import type { Database, DocumentStatus } from './schema.ts';

export { MAX_PAGE } from './keyset.ts';

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
}

/**
 * The orders the documents list offers: by unit code, each unit's years newest first (the default);
 * newest year first (what `limit=1` reads as "the latest year"); by last change, newest or oldest first.
 */
export const DOCUMENT_SORTS = ['unit', '-year', '-updated', 'updated'] as const;
export type DocumentSort = (typeof DOCUMENT_SORTS)[number];

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

const key = (column: string, type: SortKey['type'], direction: SortKey['direction'] = 'asc'): SortKey => ({ column, direction, type });

/**
 * Unit code first, then year: the page walks the units' code index and looks each unit's documents
 * up by (unit_id, year), starting at the cursor's unit. (Year first would sort a whole year's
 * documents by a code that lives in another table.)
 */
const byUnit = (name: string, ...rest: SortKey[]): KeysetOrder => ({
  name,
  keys: [key('u.code', 'text'), key('d.year', 'int', 'desc'), ...rest],
});

const DOCUMENT_ORDERS: Record<DocumentSort, KeysetOrder> = {
  unit: byUnit('unit', key('d.id', 'int')),
  '-year': { name: '-year', keys: [key('d.year', 'int', 'desc'), key('d.id', 'int', 'desc')] },
  '-updated': { name: '-updated', keys: [key('d.updated_at', 'timestamp', 'desc'), key('d.id', 'int', 'desc')] },
  updated: { name: 'updated', keys: [key('d.updated_at', 'timestamp'), key('d.id', 'int')] },
};

const PROJECTS_BY_UNIT = byUnit('unit-project', key('p.position', 'int'), key('p.id', 'int'));

export interface DocumentListItem extends DocumentSummary {
  bureauName: string;
}

export interface DocumentList extends Page<DocumentListItem> {
  total: Total | null;
}

function documentsIn(db: Kysely<Database>, scope: ListScope, f: ListFilter) {
  return db
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
}

export async function listDocuments(
  db: Kysely<Database>,
  scope: ListScope,
  f: ListFilter,
  page: PageRequest & { sort?: DocumentSort },
): Promise<DocumentList> {
  const base = documentsIn(db, scope, f);
  const order = DOCUMENT_ORDERS[page.sort ?? 'unit'];
  const [rows, total] = await Promise.all([
    keysetQuery(
      base.innerJoin('bureaus as b', 'b.id', 'u.bureau_id').select([...SUMMARY_COLUMNS, 'b.name as bureau_name']),
      order,
      page,
    ).execute(),
    firstPageTotal(db, page, base),
  ]);
  return { ...pageOf(order, page, rows, (r) => ({ ...documentSummaryOf(r), bureauName: r.bureau_name })), total };
}

export interface DocumentSetSummary {
  /** Exact: the whole filtered set is grouped. */
  total: number;
  budgetTotal: string;
  statusCounts: Partial<Record<DocumentStatus, number>>;
}

/** The filtered set's count, status counts and exact budget sum: one grouping of the whole set, so per filter, never per page. */
export async function documentSummary(db: Kysely<Database>, scope: ListScope, f: ListFilter): Promise<DocumentSetSummary> {
  const counts = await documentsIn(db, scope, f)
    .select(['d.status', (eb) => eb.fn.countAll<number>().as('n'), sql<string>`coalesce(sum(d.budget_total), 0)`.as('budget')])
    .groupBy('d.status')
    .execute();
  const statusCounts: Partial<Record<DocumentStatus, number>> = {};
  let total = 0;
  for (const c of counts) {
    statusCounts[c.status] = c.n;
    total += c.n;
  }
  return { total, budgetTotal: exactSum(counts.map((c) => c.budget)), statusCounts };
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

/** Projects across documents: the text search over project names lands here. Ordered by unit, then the project's place in its document. */
export async function listProjects(
  db: Kysely<Database>,
  scope: ListScope,
  f: ListFilter,
  page: PageRequest,
): Promise<Page<ProjectListItem> & { total: Total | null }> {
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
  const order = PROJECTS_BY_UNIT;
  const [rows, total] = await Promise.all([
    keysetQuery(
      base.select([
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
      ]),
      order,
      page,
    ).execute(),
    firstPageTotal(db, page, base),
  ]);
  return {
    ...pageOf(order, page, rows, (r) => ({
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
    total,
  };
}
