/**
 * Bureau-wide reads, from the aggregates maintained on write (../aggregates/document.ts) and the
 * derived rows (./derived.ts), never grouping documents × units: projects by warning light on a
 * date (keyset-paged by an index), and the figures of a bureau's dashboard — execution and lights
 * per unit or sub-bureau, the grade and score distribution, the review rules that fire most. Names
 * are joined last, to the rows already picked; sums are exact NUMERIC.
 */
import { sql, type Expression, type Kysely, type RawBuilder, type ExpressionBuilder, type SqlBool } from 'kysely';
import type { IsoDate } from '../../core/actuals/calendar.ts';
import type { Grade } from '../../core/evaluation/settings.ts';
import { LIGHT_ORDER, type Light } from '../../core/monitoring/settings.ts';
import type { Severity } from '../../core/review/finding.ts';
import { decodeCursor, encodeCursor, type KeysetOrder } from '../keyset.ts';
import type { ListScope } from '../listing.ts';
import { MAX_PAGE } from '../listing.ts';
import type { Database, DocumentStatus, ProjectMonitoringTable } from '../schema.ts';
import { MONITORED } from './monitored.ts';

export interface WarningFilter {
  year: number;
  date: IsoDate;
  bureauId?: number;
  unitId?: number;
  light?: Light[];
  limit: number;
  /** The previous page's `nextCursor`; absent for the first page. */
  cursor?: string;
}

export interface WarningItem {
  projectId: number;
  documentId: number;
  unitId: number;
  unitCode: string;
  unitName: string;
  projectCode: string;
  projectName: string;
  light: Light;
  executionLight: Light;
  /** 全年预算数, spent by the date (万元), execution rate, planned percent, shortfall in points. */
  budget: string | null;
  spent: string;
  rate: string | null;
  planned: string;
  shortfall: string | null;
  /** Indicator rows with a light other than green (by 完成可能性 or by pace). */
  flaggedIndicators: number;
  /** Indicator rows with nothing recorded by the date (未填报). */
  unreportedIndicators: number;
  /** Mandatory explanations (cause, measure) still missing. */
  missingExplanations: number;
  /** Since when the project has been in this state. */
  since: IsoDate;
}

export interface WarningList {
  items: WarningItem[];
  total: number;
  /** Over the whole filtered set, whatever the light filter. */
  lightCounts: Record<Light, number>;
  /** Give it back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

type Scope = ListScope;
type Place = { year: number; date: IsoDate; bureauId?: number; unitId?: number };

/** The bureaus whose subtrees a caller's scope and a filter both cover; undefined: no bureau limit. */
function bureauRoots(scope: Scope, f: Place): number[] {
  return [...('bureauId' in scope ? [scope.bureauId] : []), ...(f.bureauId !== undefined ? [f.bureauId] : [])];
}
/** The one unit a scope or filter is limited to, or undefined; null when they name two units (nothing). */
function unitOf(scope: Scope, f: Place): number | null | undefined {
  const units = [...('unitId' in scope ? [scope.unitId] : []), ...(f.unitId !== undefined ? [f.unitId] : [])];
  if (units.length === 2 && units[0] !== units[1]) return null;
  return units[0];
}
const statusesOf = (scope: Scope): readonly DocumentStatus[] => ('publishedOnly' in scope ? ['published'] : MONITORED);
const under = (column: RawBuilder<unknown>, root: number) =>
  sql<SqlBool>`${column} in (select descendant_id from bureau_tree where ancestor_id = ${root})`;

/** Up to this many bureaus, the warning list merges a page from each one's index. */
const MERGED_BUREAUS = 40;

/** The order of the warning list, and its cursor: red first, then by shortfall (none last), unit code, position. */
const WARNING_KEYS = ['order_light', 'order_shortfall', 'unit_code', 'position', 'project_id'] as const;
const WARNING_ORDER: KeysetOrder = {
  name: 'warnings',
  // All ascending, so that a page starts after the cursor's row by one row comparison on the index.
  keys: WARNING_KEYS.map((k) => ({
    column: `pm.${k}`,
    direction: 'asc' as const,
    type: k === 'order_shortfall' ? ('decimal' as const) : k === 'unit_code' ? ('text' as const) : ('int' as const),
  })),
};

/**
 * The projects the caller may see on the date, a page in the list's order: an index walk in that
 * order (for the year, or a bureau's or a unit's year) that stops after the page; names joined to
 * the page. The counts per light come from the aggregates.
 */
export async function warningList(db: Kysely<Database>, scope: Scope, f: WarningFilter): Promise<WarningList> {
  const limit = Math.min(f.limit, MAX_PAGE);
  const unit = unitOf(scope, f);
  const roots = bureauRoots(scope, f);
  const bureaus =
    roots.length === 0 || unit !== undefined
      ? undefined
      : (
          await db
            .selectFrom('bureaus')
            .select('id')
            .where((eb) => eb.and(roots.map((r) => under(sql`id`, r))))
            .execute()
        ).map((b) => b.id);
  const conditions = (eb: ExpressionBuilder<Database & { pm: ProjectMonitoringTable }, 'pm'>) => {
    const c: Expression<SqlBool>[] = [
      eb('pm.year', '=', f.year),
      eb('pm.status', 'in', [...statusesOf(scope)]),
      eb('pm.valid_from', '<=', f.date),
      eb('pm.valid_to', '>', f.date),
    ];
    if (unit !== undefined) c.push(eb('pm.unit_id', '=', unit ?? -1));
    // By the order's first key, so that one light is a range of the index, still in order.
    if (f.light && f.light.length > 0)
      c.push(
        eb(
          'pm.order_light',
          'in',
          f.light.map((l) => -LIGHT_ORDER.indexOf(l)),
        ),
      );
    if (f.cursor !== undefined)
      c.push(
        sql<SqlBool>`(${sql.join(WARNING_KEYS.map((k) => sql.ref(`pm.${k}`)))}) > (${sql.join(decodeCursor(WARNING_ORDER, f.cursor))})`,
      );
    return eb.and(c);
  };
  const inOrder = sql.join(WARNING_KEYS.map((k) => sql.ref(`pm.${k}`)));
  // Many bureaus (a province): the year's index walked in the list's order, keeping their rows.
  const walked = db
    .selectFrom('project_monitoring as pm')
    .selectAll('pm')
    .where(conditions)
    .$if(bureaus !== undefined, (q) => q.where('pm.bureau_id', '=', sql<number>`any(${bureaus}::bigint[])`))
    .orderBy(inOrder)
    .limit(limit);
  // A few (a county, a city): each one's index walked in that order for a page, the pages merged.
  const merged = db
    .selectFrom('bureaus as b')
    .where('b.id', 'in', bureaus && bureaus.length > 0 ? bureaus : [-1])
    .innerJoinLateral(
      (eb) =>
        eb
          .selectFrom('project_monitoring as pm')
          .selectAll('pm')
          .whereRef('pm.bureau_id', '=', 'b.id')
          .where(conditions)
          .orderBy(inOrder)
          .limit(limit)
          .as('pm'),
      (j) => j.onTrue(),
    )
    .selectAll('pm');
  const page = bureaus !== undefined && bureaus.length <= MERGED_BUREAUS ? merged : walked;
  const paged = db.selectFrom(page.as('pm')).selectAll('pm').orderBy(inOrder).limit(limit);
  const [rows, counts] = await Promise.all([paged.execute(), monitoringSums(db, scope, f)]);
  // The page's units' names, by their ids.
  const unitIds = [...new Set(rows.map((r) => r.unit_id))];
  const names = new Map(
    unitIds.length === 0
      ? []
      : (await db.selectFrom('units').select(['id', 'name']).where('id', 'in', unitIds).execute()).map((u) => [u.id, u.name]),
  );
  const lightCounts: Record<Light, number> = { green: counts.green, yellow: counts.yellow, red: counts.red };
  const lights: readonly Light[] = f.light && f.light.length > 0 ? f.light : LIGHT_ORDER;
  const last = rows.at(-1);
  return {
    items: rows.map((r) => ({
      projectId: r.project_id,
      documentId: r.document_id,
      unitId: r.unit_id,
      unitCode: r.unit_code,
      unitName: names.get(r.unit_id)!,
      projectCode: r.project_code,
      projectName: r.project_name,
      light: r.light,
      executionLight: r.execution_light,
      budget: r.budget,
      spent: r.spent,
      rate: r.rate,
      planned: r.planned,
      shortfall: r.shortfall,
      flaggedIndicators: r.flagged_indicators,
      unreportedIndicators: r.unreported_indicators,
      missingExplanations: r.missing_explanations,
      since: r.valid_from,
    })),
    total: lights.reduce((n: number, l) => n + lightCounts[l], 0),
    lightCounts,
    nextCursor:
      last && rows.length === limit
        ? encodeCursor(WARNING_ORDER, [last.order_light, last.order_shortfall, last.unit_code, last.position, last.project_id])
        : null,
  };
}

/** Monitoring summed over projects. */
interface Sums {
  budget: string;
  spent: string;
  plannedAmount: string;
  green: number;
  yellow: number;
  red: number;
  unreported: number;
}

const SUMS = sql`coalesce(sum(x.budget), 0)::text as budget, coalesce(sum(x.spent), 0)::text as spent,
  coalesce(sum(x.planned_amount), 0)::text as "plannedAmount",
  coalesce(sum(x.green), 0)::int as green, coalesce(sum(x.yellow), 0)::int as yellow,
  coalesce(sum(x.red), 0)::int as red, coalesce(sum(x.unreported), 0)::int as unreported`;

/** Each (bureau, status) of the bureaus `ids` selects: its monitoring on the date, one row each (`x`). */
const bureauStatesOn = (ids: RawBuilder<unknown>, year: number, date: IsoDate, statuses: readonly DocumentStatus[]) => sql`
  ${ids}
  cross join unnest(${[...statuses]}::text[]) as s(status)
  cross join lateral (
    select * from bureau_monitoring m
    where m.bureau_id = b.id and m.year = ${year} and m.status = s.status and m.valid_from <= ${date}::date
    order by m.valid_from desc limit 1
  ) x`;

/**
 * The monitoring of everything a scope and filter cover on the date, summed: from the bureaus'
 * rollups (a row per bureau and status), or, limited to a unit, from its documents' spans.
 */
async function monitoringSums(db: Kysely<Database>, scope: Scope, f: Place): Promise<Sums> {
  const unit = unitOf(scope, f);
  const roots = bureauRoots(scope, f);
  const statuses = statusesOf(scope);
  const query =
    unit !== undefined
      ? sql<Sums>`select ${SUMS} from document_monitoring x
          where x.unit_id = ${unit ?? -1} and x.year = ${f.year} and x.status in (${sql.join(statuses)})
            and x.valid_from <= ${f.date}::date and x.valid_to > ${f.date}::date
            ${sql.join(
              roots.map((r) => sql`and ${under(sql`x.bureau_id`, r)}`),
              sql` `,
            )}`
      : sql<Sums>`select ${SUMS} from ${bureauStatesOn(
          sql`(select id from bureaus ${
            roots.length > 0
              ? sql`where ${sql.join(
                  roots.map((r) => under(sql`id`, r)),
                  sql` and `,
                )}`
              : sql``
          }) as b`,
          f.year,
          f.date,
          statuses,
        )}`;
  return (await query.execute(db)).rows[0]!;
}

/** A bar of a bureau's dashboard: a sub-bureau (with everything under it) or a unit directly under the bureau. */
export interface GroupFigures {
  kind: 'bureau' | 'unit';
  id: number;
  code: string;
  name: string;
  /** Σ 全年预算数 and Σ spent of projects with a budget (万元); Σ budget × planned percent. */
  budget: string;
  spent: string;
  plannedAmount: string;
  lights: Record<Light, number>;
  /** Projects with at least one indicator row not reported (未填报), whatever their light. */
  unreported: number;
}

/**
 * Execution and lights on a date per sub-bureau and per unit directly under the bureau, in code
 * order: the sub-bureaus from the rollups of the bureaus under each (a row per bureau and status),
 * the units from their documents' spans; groups with no monitored project left out.
 */
export async function groupFigures(store: Kysely<Database>, bureauId: number, year: number, date: IsoDate): Promise<GroupFigures[]> {
  type Row = Sums & { id: number };
  const [bureaus, units] = await Promise.all([
    sql<Row>`
      select g.id, ${SUMS}
      from bureaus g
        join lateral ${bureauStatesOn(sql`(select descendant_id as id from bureau_tree where ancestor_id = g.id) as b`, year, date, MONITORED)} on true
      where g.parent_id = ${bureauId}
      group by g.id`.execute(store),
    sql<Row>`
      select x.unit_id as id, ${SUMS}
      from document_monitoring x
      where x.bureau_id = ${bureauId} and x.year = ${year} and x.status in (${sql.join(MONITORED)})
        and x.valid_from <= ${date}::date and x.valid_to > ${date}::date
      group by x.unit_id`.execute(store),
  ]);
  const named = async (kind: 'bureau' | 'unit', rows: Row[]) => {
    const present = rows.filter((r) => r.green + r.yellow + r.red > 0);
    if (present.length === 0) return [];
    const ids = present.map((r) => r.id);
    const names =
      kind === 'bureau'
        ? await store.selectFrom('bureaus').select(['id', 'code', 'name']).where('id', 'in', ids).execute()
        : await store.selectFrom('units').select(['id', 'code', 'name']).where('id', 'in', ids).execute();
    const byId = new Map(names.map((n) => [n.id, n]));
    return present
      .map((r): GroupFigures => {
        const n = byId.get(r.id)!;
        return {
          kind,
          id: r.id,
          code: n.code,
          name: n.name,
          budget: r.budget,
          spent: r.spent,
          plannedAmount: r.plannedAmount,
          lights: { green: r.green, yellow: r.yellow, red: r.red },
          unreported: r.unreported,
        };
      })
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  };
  return [...(await named('bureau', bureaus.rows)), ...(await named('unit', units.rows))];
}

export interface ScoreFigures {
  /** Projects per grade (by each bureau's grade bounds). */
  grades: Record<Grade, number>;
  /** Projects per score band: [0,60), [60,70), [70,80), [80,90), [90,100]. */
  bands: number[];
}

export const SCORE_BANDS = [0, 60, 70, 80, 90] as const;

/** The year-end self-evaluation of the monitored projects under a bureau, from the bureaus' year totals. */
export async function scoreFigures(store: Kysely<Database>, bureauId: number, year: number): Promise<ScoreFigures> {
  const r = await store
    .selectFrom('bureau_year_totals as y')
    .where('y.bureau_id', 'in', (eb) => eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', bureauId))
    .where('y.year', '=', year)
    .where('y.status', 'in', [...MONITORED])
    .select((eb) =>
      (['grade_excellent', 'grade_good', 'grade_fair', 'grade_poor', 'band_0', 'band_1', 'band_2', 'band_3', 'band_4'] as const).map((c) =>
        eb.fn.coalesce(eb.fn.sum<number>(`y.${c}`), sql<number>`0`).as(c),
      ),
    )
    .executeTakeFirstOrThrow();
  return {
    grades: { 优: Number(r.grade_excellent), 良: Number(r.grade_good), 中: Number(r.grade_fair), 差: Number(r.grade_poor) },
    bands: [r.band_0, r.band_1, r.band_2, r.band_3, r.band_4].map(Number),
  };
}

export interface RuleFrequency {
  ruleId: string;
  severity: Severity;
  findings: number;
  documents: number;
}

/** The review rules that fire most in a year's documents under a bureau (every status), from the bureaus' rule counts. */
export async function frequentFindings(store: Kysely<Database>, bureauId: number, year: number, limit: number): Promise<RuleFrequency[]> {
  const rows = await store
    .selectFrom('bureau_rule_counts as rc')
    .where('rc.bureau_id', 'in', (eb) => eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', bureauId))
    .where('rc.year', '=', year)
    .select(['rc.rule_id', 'rc.severity', sql<string>`sum(rc.findings)`.as('findings'), sql<string>`sum(rc.documents)`.as('documents')])
    .groupBy(['rc.rule_id', 'rc.severity'])
    .having(sql`sum(rc.findings)`, '>', 0)
    .orderBy(sql`sum(rc.findings)`, 'desc')
    .orderBy('rc.rule_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ruleId: r.rule_id, severity: r.severity, findings: Number(r.findings), documents: Number(r.documents) }));
}
