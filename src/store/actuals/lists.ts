/**
 * Bureau-wide reads of the derived rows (./derived.ts): projects by warning light on a date, and
 * the figures of a bureau's dashboard — execution and lights per unit or sub-bureau, the grade and
 * score distribution, the review rules that fire most. Index queries; sums are exact NUMERIC.
 */
import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { IsoDate } from '../../core/actuals/calendar.ts';
import type { Grade } from '../../core/evaluation/settings.ts';
import { LIGHT_ORDER, type Light } from '../../core/monitoring/settings.ts';
import type { Severity } from '../../core/review/finding.ts';
import type { ListScope } from '../listing.ts';
import { MAX_PAGE } from '../listing.ts';
import type { Database } from '../schema.ts';
import { MONITORED } from './derived.ts';

export interface WarningFilter {
  year: number;
  date: IsoDate;
  bureauId?: number;
  unitId?: number;
  light?: Light[];
  limit: number;
  offset: number;
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
}

type Scope = ListScope;

/** The monitored documents of a year the caller may see, their units, and the projects' spans on the date. */
function spansOn(db: Kysely<Database>, scope: Scope, f: { year: number; date: IsoDate; bureauId?: number; unitId?: number }) {
  return db
    .selectFrom('project_monitoring as pm')
    .innerJoin('documents as d', 'd.id', 'pm.document_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .where((eb) => {
      const under = (root: number) =>
        eb('u.bureau_id', 'in', eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', root));
      const c: Expression<SqlBool>[] = [
        eb('d.status', 'in', [...MONITORED]),
        eb('d.year', '=', f.year),
        sql<SqlBool>`daterange(pm.valid_from, pm.valid_to) @> ${f.date}::date`,
      ];
      if ('bureauId' in scope) c.push(under(scope.bureauId));
      if ('unitId' in scope) c.push(eb('d.unit_id', '=', scope.unitId));
      if ('publishedOnly' in scope) c.push(eb('d.status', '=', 'published'));
      if (f.bureauId !== undefined) c.push(under(f.bureauId));
      if (f.unitId !== undefined) c.push(eb('d.unit_id', '=', f.unitId));
      return eb.and(c);
    });
}

export async function warningList(db: Kysely<Database>, scope: Scope, f: WarningFilter): Promise<WarningList> {
  const base = spansOn(db, scope, f);
  const filtered = f.light && f.light.length > 0 ? base.where('pm.light', 'in', f.light) : base;
  const [rows, counts] = await Promise.all([
    filtered
      .select([
        'pm.project_id',
        'pm.document_id',
        'd.unit_id',
        'u.code as unit_code',
        'u.name as unit_name',
        'pm.project_code',
        'pm.project_name',
        'pm.light',
        'pm.execution_light',
        'pm.budget',
        'pm.spent',
        'pm.rate',
        'pm.planned',
        'pm.shortfall',
        'pm.flagged_indicators',
        'pm.unreported_indicators',
        'pm.missing_explanations',
        'pm.valid_from',
      ])
      .orderBy('pm.light_rank', 'desc')
      .orderBy(sql`pm.shortfall desc nulls last`)
      .orderBy('u.code')
      .orderBy('pm.position')
      .limit(Math.min(f.limit, MAX_PAGE))
      .offset(f.offset)
      .execute(),
    base
      .select(['pm.light', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('pm.light')
      .execute(),
  ]);
  const lightCounts: Record<Light, number> = { green: 0, yellow: 0, red: 0 };
  for (const c of counts) lightCounts[c.light] = Number(c.n);
  const lights: readonly Light[] = f.light && f.light.length > 0 ? f.light : LIGHT_ORDER;
  return {
    items: rows.map((r) => ({
      projectId: r.project_id,
      documentId: r.document_id,
      unitId: r.unit_id,
      unitCode: r.unit_code,
      unitName: r.unit_name,
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
  };
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

/** Execution and lights on a date per sub-bureau and per unit directly under the bureau, in code order. */
export async function groupFigures(store: Kysely<Database>, bureauId: number, year: number, date: IsoDate): Promise<GroupFigures[]> {
  const r = await sql<Omit<GroupFigures, 'plannedAmount' | 'lights'> & { planned_amount: string } & Record<Light, number>>`
    select
      case when g.id is null then 'unit' else 'bureau' end as kind,
      coalesce(g.id, u.id) as id, coalesce(g.code, u.code) as code, coalesce(g.name, u.name) as name,
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
        select c.id, c.code, c.name from bureau_tree t join bureaus c on c.id = t.ancestor_id
        where t.descendant_id = u.bureau_id and c.parent_id = ${bureauId}
      ) g on true
    where d.year = ${year} and d.status in ('approved', 'published')
      and daterange(pm.valid_from, pm.valid_to) @> ${date}::date
      and u.bureau_id in (select descendant_id from bureau_tree where ancestor_id = ${bureauId})
    group by 1, 2, 3, 4
    order by 1, 3`.execute(store);
  return r.rows.map((x) => ({
    kind: x.kind,
    id: Number(x.id),
    code: x.code,
    name: x.name,
    budget: x.budget,
    spent: x.spent,
    plannedAmount: x.planned_amount,
    lights: { green: x.green, yellow: x.yellow, red: x.red },
    unreported: x.unreported,
  }));
}

export interface ScoreFigures {
  /** Projects per grade (by each bureau's grade bounds). */
  grades: Record<Grade, number>;
  /** Projects per score band: [0,60), [60,70), [70,80), [80,90), [90,100]. */
  bands: number[];
}

export const SCORE_BANDS = [0, 60, 70, 80, 90] as const;

/** The year-end self-evaluation of the monitored projects under a bureau (the settings' evaluation date). */
export async function scoreFigures(store: Kysely<Database>, bureauId: number, year: number): Promise<ScoreFigures> {
  const r = await sql<{ grade: Grade; band: number; n: number }>`
    select pe.grade, width_bucket(pe.total, array[60, 70, 80, 90]::numeric[]) as band, count(*)::int as n
    from project_evaluation pe
      join documents d on d.id = pe.document_id
      join units u on u.id = d.unit_id
    where d.year = ${year} and d.status in ('approved', 'published')
      and u.bureau_id in (select descendant_id from bureau_tree where ancestor_id = ${bureauId})
    group by 1, 2`.execute(store);
  const grades = { 优: 0, 良: 0, 中: 0, 差: 0 };
  const bands = SCORE_BANDS.map(() => 0);
  for (const x of r.rows) {
    grades[x.grade] += x.n;
    bands[x.band]! += x.n;
  }
  return { grades, bands };
}

export interface RuleFrequency {
  ruleId: string;
  severity: Severity;
  findings: number;
  documents: number;
}

/** The review rules that fire most in a year's documents under a bureau (every status). */
export async function frequentFindings(store: Kysely<Database>, bureauId: number, year: number, limit: number): Promise<RuleFrequency[]> {
  const rows = await store
    .selectFrom('document_rule_counts as rc')
    .innerJoin('documents as d', 'd.id', 'rc.document_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .where('d.year', '=', year)
    .where('u.bureau_id', 'in', (eb) => eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', bureauId))
    .select([
      'rc.rule_id',
      'rc.severity',
      sql<string>`sum(rc.findings)`.as('findings'),
      sql<string>`count(distinct rc.document_id)`.as('documents'),
    ])
    .groupBy(['rc.rule_id', 'rc.severity'])
    .orderBy(sql`sum(rc.findings)`, 'desc')
    .orderBy('rc.rule_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ ruleId: r.rule_id, severity: r.severity, findings: Number(r.findings), documents: Number(r.documents) }));
}
