/**
 * Suggestions for a project: the indicator families that projects like it use (by the words of its
 * name, its 分类, its field), ranked by how many peers use a family and how close their projects
 * are, and the families its own last-year copy used first. Each comes with the typical target and
 * who uses it; an approved library entry of the same measure rides along, and entries of the field
 * that no peer uses yet follow the families.
 */
import type { Indicator } from '../model/document.ts';
import { parseTargetValue } from '../target-value/parse.ts';
import type { LibraryEntry } from './entry.ts';
import { isOffered } from './entry.ts';
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
}

/** A project name's character pairs after normalising, for comparing with the query's words. */
function pairsOf(name: string): Set<string> {
  const s = normaliseWording(name);
  const pairs = new Set<string>();
  if (s.length === 1) pairs.add(s);
  for (let i = 0; i + 1 < s.length; i++) pairs.add(s.slice(i, i + 2));
  return pairs;
}

/**
 * How close a project is to the query, 0 to 2: the share of the query's name the project's name
 * holds (a search, not a comparison of equals: 法律援助 is wholly in 法律援助中心业务经费), plus a
 * half for the same 分类 and a half for the same field. Closer than a half counts as a peer.
 */
const PEER = 0.5;

export function suggest(families: readonly Family[], query: SuggestQuery): Suggestion[] {
  const wanted = pairsOf(query.name);
  const category = query.category?.trim() || null;
  const field = query.field ?? null;
  const closeness = new Map<string, number>();
  const closenessOf = (use: FamilyUse): number => {
    const p = use.project;
    if (p === null) return 0;
    const memo = `${unitKey(use.unit)}\u0000${p.code}\u0000${p.name}`;
    let c = closeness.get(memo);
    if (c === undefined) {
      const have = pairsOf(p.name);
      let shared = 0;
      for (const pair of wanted) if (have.has(pair)) shared++;
      c = wanted.size === 0 ? 0 : shared / wanted.size;
      if (category !== null && p.category?.trim() === category) c += 0.5;
      if (field !== null && fieldOfUnit(use.unit.name) === field) c += 0.5;
      closeness.set(memo, c);
    }
    return c;
  };
  const lastYear = new Set<string>();
  for (const row of query.lastYear ?? []) {
    const key = familyKey(row, parseTargetValue(row.target));
    if (key !== null) lastYear.add(key);
  }
  const offered = (query.library ?? []).filter(isOffered).filter((e) => field === null || e.field === field || e.field === 'common');
  const entryOf = new Map<string, LibraryEntry>();
  for (const e of offered) {
    const key = familyKey(entryRow(e), parseTargetValue(e.target ?? ''));
    if (key !== null && !entryOf.has(key)) entryOf.set(key, e);
  }

  const out: Suggestion[] = [];
  const used = new Set<LibraryEntry>();
  for (const family of families) {
    const best = new Map<string, number>();
    const users: Array<{ use: FamilyUse; c: number }> = [];
    for (const use of family.uses) {
      const c = closenessOf(use);
      if (c < PEER) continue;
      users.push({ use, c });
      const unit = unitKey(use.unit);
      best.set(unit, Math.max(best.get(unit) ?? 0, c));
    }
    const fromLastYear = lastYear.has(family.key);
    if (users.length === 0 && !fromLastYear) continue;
    const entry = entryOf.get(family.key) ?? null;
    if (entry !== null) used.add(entry);
    users.sort((a, b) => b.c - a.c);
    let score = 0;
    for (const c of best.values()) score += c;
    out.push({
      family,
      entry,
      label: family.label,
      level1: family.level1,
      level2: family.level2,
      unit: family.unit,
      typical: family.typical ?? entry?.target ?? null,
      users: users.map((u) => u.use),
      peers: best.size,
      fromLastYear,
      score,
    });
  }
  out.sort((a, b) => Number(b.fromLastYear) - Number(a.fromLastYear) || b.score - a.score || b.peers - a.peers);
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
    });
  }
  return out.slice(0, query.limit ?? 20);
}

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
    origin: '指标库',
  };
}
