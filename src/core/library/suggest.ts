/**
 * Suggestions for a project: the indicator families that projects like it use (by the words of its
 * name, its 分类, its field), ranked by how many peers use a family and how close their projects
 * are, and the families its own last-year copy used first. Each comes with the typical target and
 * who uses it; an approved library entry of the same measure rides along, and entries of the field
 * that no peer uses yet follow the families.
 */
import type { Indicator } from '../model/document.ts';
import { parseTargetValue } from '../target-value/parse.ts';
import { isOffered, type LibraryEntry } from './entry.ts';
import type { Family, FamilyUse } from './families.ts';
import { familyKey } from './family-key.ts';
import { fieldOfUnit, type Field } from './fields.ts';
import { unitKey } from './observation.ts';
import { normaliseWording } from './wording.ts';

export interface SuggestQuery {
  /** The project's name, or words of it ("法律援助"). */
  name: string;
  /** 项目分类, compared as written. */
  category?: string | null;
  field?: Field | null;
  /** The project's rows of last year (its copy): their families come first. */
  lastYear?: readonly Indicator[];
  /** The library the bureau offers; approved entries only are suggested. */
  library?: readonly LibraryEntry[];
  /** How many suggestions at most. Default 20. */
  limit?: number;
}

export interface Suggestion {
  /** The family peers use; null for a library entry no peer uses yet. */
  family: Family | null;
  /** The approved library entry of the same measure, where there is one. */
  entry: LibraryEntry | null;
  label: string;
  level1: string;
  level2: string;
  unit: string;
  /** The typical target of peers, else the entry's suggested target. */
  typical: string | null;
  /** The uses by projects close to the query, closest first. */
  users: FamilyUse[];
  /** How many distinct units among them. */
  peers: number;
  /** The rows of last year's copy were in this family. */
  fromLastYear: boolean;
  /** The rank's measure: the sum, over the units using it, of their closest project's closeness. */
  score: number;
  /** The family's place among all families (most used first), which breaks ties. */
  order: number;
}

/**
 * A project name's distinct character pairs after normalising, for comparing with the query's words
 * (the store indexes approved and published projects by them).
 */
export function pairsOf(name: string): Set<string> {
  const s = normaliseWording(name);
  const pairs = new Set<string>();
  if (s.length === 1) pairs.add(s);
  for (let i = 0; i + 1 < s.length; i++) pairs.add(s.slice(i, i + 2));
  return pairs;
}

/**
 * How close a project is to the query, 0 to 2: the share of the query's name the project's name
 * holds (a search, not a comparison of equals: 法律援助 is wholly in 法律援助中心业务经费), plus a
 * half for the same 分类 and a half for the same field. A half or closer counts as a peer.
 */
const PEER = 0.5;

interface IndexedUse {
  family: number;
  use: FamilyUse;
}

/**
 * The families with their projects indexed by the words of their names, their 分类 and their field:
 * a query then reads only the projects that share something with it, not every row of a province's
 * history. Built once per set of families, asked many times.
 */
export interface SuggestionIndex {
  families: readonly Family[];
  familyByKey: ReadonlyMap<string, number>;
  /** Per project (by position): its unit's key and its uses. */
  projects: ReadonlyArray<{ unit: string; uses: IndexedUse[] }>;
  byPair: ReadonlyMap<string, number[]>;
  byCategory: ReadonlyMap<string, number[]>;
  byField: ReadonlyMap<Field, number[]>;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

export function indexForSuggestions(families: readonly Family[]): SuggestionIndex {
  const ids = new Map<string, number>();
  const projects: Array<{ unit: string; uses: IndexedUse[] }> = [];
  const byPair = new Map<string, number[]>();
  const byCategory = new Map<string, number[]>();
  const byField = new Map<Field, number[]>();
  families.forEach((family, f) => {
    for (const use of family.uses) {
      const p = use.project;
      if (p === null) continue;
      const unit = unitKey(use.unit);
      const key = `${unit}\u0000${p.code}\u0000${p.name}`;
      let id = ids.get(key);
      if (id === undefined) {
        id = projects.length;
        ids.set(key, id);
        projects.push({ unit, uses: [] });
        for (const pair of pairsOf(p.name)) push(byPair, pair, id);
        const category = p.category?.trim();
        if (category) push(byCategory, category, id);
        const field = fieldOfUnit(use.unit.name);
        if (field !== null) push(byField, field, id);
      }
      projects[id]!.uses.push({ family: f, use });
    }
  });
  return { families, familyByKey: new Map(families.map((f, i) => [f.key, i])), projects, byPair, byCategory, byField };
}

export function suggest(index: SuggestionIndex, query: SuggestQuery): Suggestion[] {
  const wanted = pairsOf(query.name);
  const category = query.category?.trim() || null;
  const field = query.field ?? null;

  // What every project that shares anything with the query shares: pairs of its name, and halves
  // for the same 分类 and field. Counted in whole numbers, so that "a half or closer" is exact.
  const shared = new Map<number, { pairs: number; halves: number }>();
  const add = (ids: readonly number[] | undefined, pairs: number, halves: number) => {
    for (const id of ids ?? []) {
      const s = shared.get(id);
      if (s === undefined) shared.set(id, { pairs, halves });
      else {
        s.pairs += pairs;
        s.halves += halves;
      }
    }
  };
  for (const pair of wanted) add(index.byPair.get(pair), 1, 0);
  if (category !== null) add(index.byCategory.get(category), 0, 1);
  if (field !== null) add(index.byField.get(field), 0, 1);

  interface Gathered {
    users: Array<{ use: FamilyUse; c: number }>;
    best: Map<string, number>;
  }
  const gathered = new Map<number, Gathered>();
  for (const [id, s] of shared) {
    // pairs / wanted + halves / 2 ≥ 1/2
    if (2 * s.pairs + s.halves * wanted.size < wanted.size) continue;
    const c = (wanted.size === 0 ? 0 : s.pairs / wanted.size) + s.halves / 2;
    const project = index.projects[id]!;
    for (const { family, use } of project.uses) {
      let g = gathered.get(family);
      if (g === undefined) {
        g = { users: [], best: new Map() };
        gathered.set(family, g);
      }
      g.users.push({ use, c });
      g.best.set(project.unit, Math.max(g.best.get(project.unit) ?? 0, c));
    }
  }
  const lastYear = new Set<number>();
  for (const row of query.lastYear ?? []) {
    const f = index.familyByKey.get(familyKey(row, parseTargetValue(row.target)) ?? '');
    if (f !== undefined) {
      lastYear.add(f);
      if (!gathered.has(f)) gathered.set(f, { users: [], best: new Map() });
    }
  }

  const offered = (query.library ?? []).filter(isOffered).filter((e) => field === null || e.field === field || e.field === 'common');
  const entryOf = new Map<string, LibraryEntry>();
  for (const e of offered) {
    const key = familyKey(entryRow(e), parseTargetValue(e.target ?? ''));
    if (key !== null && !entryOf.has(key)) entryOf.set(key, e);
  }

  const out: Suggestion[] = [];
  const used = new Set<LibraryEntry>();
  for (const [f, g] of gathered) {
    const family = index.families[f]!;
    const entry = entryOf.get(family.key) ?? null;
    if (entry !== null) used.add(entry);
    // Closest first; among equals, in the family's own order (its uses as observed).
    g.users.sort((a, b) => b.c - a.c);
    let score = 0;
    for (const c of g.best.values()) score += c;
    out.push({
      family,
      entry,
      label: family.label,
      level1: family.level1,
      level2: family.level2,
      unit: family.unit,
      typical: family.typical ?? entry?.target ?? null,
      users: g.users.map((u) => u.use),
      peers: g.best.size,
      fromLastYear: lastYear.has(f),
      score,
      order: f,
    });
  }
  // Last year's first; then by closeness summed over peers, by peers, and the family's own rank.
  out.sort((a, b) => Number(b.fromLastYear) - Number(a.fromLastYear) || b.score - a.score || b.peers - a.peers || a.order - b.order);
  for (const entry of offered) {
    if (used.has(entry)) continue;
    out.push({
      family: null,
      entry,
      label: entry.level3,
      level1: entry.level1,
      level2: entry.level2,
      unit: entry.unit ?? '',
      typical: entry.target,
      users: [],
      peers: 0,
      fromLastYear: false,
      score: 0,
      order: index.families.length,
    });
  }
  return out.slice(0, query.limit ?? 20);
}

/** What a row added from a suggestion says in its 指标来源 column. */
export const LIBRARY_ORIGIN = '指标库';

/** A library entry as the indicator row it would add (指标来源 = library). */
export function entryRow(entry: LibraryEntry): Indicator {
  return {
    term: 'annual',
    level1: entry.level1,
    level2: entry.level2,
    level3: entry.level3,
    description: entry.description,
    target: entry.target ?? '',
    basis: '',
    remark: '',
    measureUnit: entry.unit,
    explanation: entry.explanation,
    origin: LIBRARY_ORIGIN,
  };
}

/**
 * The row a suggestion adds to a project (指标来源 = 指标库): the library entry's where there is one,
 * with peers' typical target where the entry suggests none; else the family's levels, name, unit and
 * typical target. The basis is left to the unit: peers' values are no basis of their own.
 */
export function suggestedRow(s: Suggestion): Indicator {
  if (s.entry !== null) {
    const row = entryRow(s.entry);
    return row.target === '' && s.typical !== null ? { ...row, target: s.typical } : row;
  }
  return {
    term: 'annual',
    level1: s.level1,
    level2: s.level2,
    level3: s.label,
    description: '',
    target: s.typical ?? '',
    basis: '',
    remark: '',
    ...(s.unit === '' ? {} : { measureUnit: s.unit }),
    origin: LIBRARY_ORIGIN,
  };
}
