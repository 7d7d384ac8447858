/**
 * Suggestions for a project from the store: the approved and published projects like it, read
 * through the inverted index of their names' character pairs (a bounded number, newest first) and
 * by 分类 and field; their rows grouped and ranked by the core (core/library/suggest.ts), families
 * ranked, and the suggested ones' typical target and spread taken, over all approved and published uses.
 *
 * Bounded reads: a project shares at least half of the query's pairs to be a peer by name alone,
 * so it holds at least one of the query's rarest ⌊w/2⌋+1 pairs (w the query's pairs) — only those
 * pairs' projects are read, newest first, at most CANDIDATES in all, and BY_CATEGORY more of the
 * same 分类 and field. At a county's scale that is every peer (bench/suggestions.test.ts checks the
 * result equals the core's over every row); at a province's, the closest and newest peers.
 */
import { typicalTarget } from '../../core/library/distribution.ts';
import type { LibraryEntry } from '../../core/library/entry.ts';
import { type Family, groupFamilies } from '../../core/library/families.ts';
import { fieldOfUnit, type Field } from '../../core/library/fields.ts';
import type { Observation } from '../../core/library/observation.ts';
import { indexForSuggestions, pairsOf, suggest, type Suggestion } from '../../core/library/suggest.ts';
import type { Indicator } from '../../core/model/document.ts';
import { sql } from 'kysely';
import { indicatorOf } from '../documents/content.ts';
import type { Db } from '../schema.ts';
import { familySummaries } from './peers.ts';

/** How many projects a query reads by the pairs of its name, and how many more by 分类 and field. */
const CANDIDATES = 200;
const BY_CATEGORY = 60;
/** Pairs more common than this are counted no further when finding the rarest. */
const RARITY_CAP = 1000;

export interface SuggestionQuery {
  name: string;
  category?: string | null;
  field?: Field | null;
  /** The project's rows of last year: their families come first. */
  lastYear?: readonly Indicator[];
  /** The library the bureau offers (its approved entries are suggested). */
  library: readonly LibraryEntry[];
  limit?: number;
}

export interface SuggestionResult {
  suggestions: Suggestion[];
  /** How many families and rows the candidates held. */
  families: number;
  rows: number;
}

/** The approved and published projects a query reads: by its rarest name pairs, and by 分类 and field. */
async function candidates(db: Db, q: SuggestionQuery): Promise<number[]> {
  const pairs = [...pairsOf(q.name)];
  const ids = new Set<number>();
  if (pairs.length > 0) {
    const { rows: rarity } = await sql<{ pair: string; n: number }>`
      select q.pair, (select count(*) from (select 1 from library_project_pairs p where p.pair = q.pair limit ${RARITY_CAP}) x)::int as n
      from unnest(${pairs}::text[]) as q(pair)`.execute(db);
    const needed = Math.ceil(pairs.length / 2);
    const rarest = rarity
      .filter((r) => r.n > 0)
      .sort((a, b) => a.n - b.n || (a.pair < b.pair ? -1 : 1))
      .slice(0, pairs.length - needed + 1)
      .map((r) => r.pair);
    if (rarest.length > 0) {
      const { rows } = await sql<{ project_id: number }>`
        select x.project_id from unnest(${rarest}::text[]) as q(pair)
          cross join lateral (
            select p.project_id from library_project_pairs p where p.pair = q.pair
            order by p.year desc, p.project_id desc limit ${Math.ceil(CANDIDATES / rarest.length)}
          ) x`.execute(db);
      for (const r of rows) ids.add(Number(r.project_id));
    }
  }
  const category = q.category?.trim() || null;
  const field = q.field ?? null;
  if (category !== null || field !== null) {
    let query = db.selectFrom('library_projects').select('project_id');
    if (field !== null) query = query.where('field', '=', field);
    if (category !== null) query = query.where('category', '=', category);
    const rows = await query.orderBy('year', 'desc').orderBy('project_id', 'desc').limit(BY_CATEGORY).execute();
    for (const r of rows) ids.add(Number(r.project_id));
  }
  return [...ids];
}

/**
 * The candidates' rows as the core observes them: the projects with their units, then the rows'
 * columns a family and a suggested row read (a few thousand rows, read by the projects' index).
 */
async function observationsOf(db: Db, projectIds: readonly number[]): Promise<Observation[]> {
  if (projectIds.length === 0) return [];
  const ids = sql`${projectIds}::bigint[]`;
  const [projects, rows] = await Promise.all([
    db
      .selectFrom('library_projects as lp')
      .innerJoin('projects as p', 'p.id', 'lp.project_id')
      .select(['lp.project_id', 'lp.unit_id', 'lp.year', 'lp.name', 'lp.category', 'p.code'])
      .where(sql<boolean>`lp.project_id = any(${ids})`)
      .execute(),
    db
      .selectFrom('indicators')
      .select(['project_id', 'position', 'term', 'level1', 'level2', 'level3', 'description', 'target', 'measure_unit', 'family_key'])
      .where(sql<boolean>`project_id = any(${ids})`)
      .orderBy('project_id')
      .orderBy('position')
      .execute(),
  ]);
  const units = new Map(
    (
      await db
        .selectFrom('units')
        .select(['id', 'code', 'name'])
        .where(sql<boolean>`id = any(${[...new Set(projects.map((p) => p.unit_id))]}::bigint[])`)
        .execute()
    ).map((u) => [u.id, { code: u.code, name: u.name }]),
  );
  const projectOf = new Map(projects.map((p) => [p.project_id, p]));
  return rows.flatMap((r) => {
    const p = projectOf.get(r.project_id);
    if (p === undefined) return [];
    return [
      {
        unit: units.get(p.unit_id)!,
        year: p.year,
        project: { code: p.code, name: p.name, category: p.category },
        indicator: {
          term: r.term,
          level1: r.level1,
          level2: r.level2,
          level3: r.level3,
          description: r.description,
          target: r.target,
          basis: '',
          remark: '',
          ...(r.measure_unit === null ? {} : { measureUnit: r.measure_unit }),
        },
        row: r.position + 1,
        actual: null,
        familyKey: r.family_key,
      },
    ];
  });
}

export async function suggestionsFor(db: Db, q: SuggestionQuery): Promise<SuggestionResult> {
  const observations = await observationsOf(db, await candidates(db, q));
  const local = groupFamilies(observations);
  // Ranked as groupFamilies ranks them over every approved and published row: most used first, then by key.
  const uses = new Map(
    local.length === 0
      ? []
      : (
          await db
            .selectFrom('library_families')
            .select(['family_key', 'uses'])
            .where('scope', '=', 'all')
            .where(sql<boolean>`family_key = any(${local.map((f) => f.key)}::text[])`)
            .execute()
        ).map((r) => [r.family_key, r.uses]),
  );
  const used = (f: Family) => uses.get(f.key) ?? f.uses.length;
  const families = [...local].sort((a, b) => used(b) - used(a) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  const found = suggest(indexForSuggestions(families), {
    name: q.name,
    category: q.category ?? null,
    field: q.field ?? null,
    lastYear: q.lastYear ?? [],
    library: q.library,
    limit: q.limit ?? 20,
  });
  // The typical target and spread of what is suggested, over every approved and published use of
  // the family — what a province writes for the measure, as `jixiao suggest --from` reads it from
  // every file — not over the candidates alone.
  const whole = await familySummaries(
    db,
    'all',
    found.flatMap((s) => (s.family === null ? [] : [s.family.key])),
    null,
  );
  const suggestions = found.map((s) => {
    const summary = s.family === null ? undefined : whole.get(s.family.key);
    if (s.family === null || summary === undefined) return s;
    const typical = typicalTarget(summary.targets, s.family.unit);
    return { ...s, family: { ...s.family, targets: summary.targets, typical }, typical: typical ?? s.entry?.target ?? null };
  });
  return { suggestions, families: families.length, rows: observations.length };
}

/**
 * The query of a stored project: its name and 分类, its unit's field, and its rows of last year — the
 * same project (by code, else by name) in the unit's document of the year before.
 */
export async function projectQuery(db: Db, projectId: number): Promise<Omit<SuggestionQuery, 'library' | 'limit'> | undefined> {
  const p = await db
    .selectFrom('projects as p')
    .innerJoin('documents as d', 'd.id', 'p.document_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['p.name', 'p.code', 'p.category', 'd.unit_id', 'd.year', 'u.name as unit_name'])
    .where('p.id', '=', projectId)
    .executeTakeFirst();
  if (!p) return undefined;
  const last = await db
    .selectFrom('projects as p')
    .innerJoin('documents as d', 'd.id', 'p.document_id')
    .select('p.id')
    .where('d.unit_id', '=', p.unit_id)
    .where('d.year', '=', p.year - 1)
    .where((eb) => eb.or([eb('p.code', '=', p.code), eb('p.name', '=', p.name)]))
    .orderBy(sql`p.code = ${p.code}`, 'desc')
    .limit(1)
    .executeTakeFirst();
  const lastYear = last
    ? (await db.selectFrom('indicators').selectAll().where('project_id', '=', last.id).orderBy('position').execute()).map(indicatorOf)
    : [];
  return { name: p.name, category: p.category, field: fieldOfUnit(p.unit_name), lastYear };
}
