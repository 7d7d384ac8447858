/**
 * History beside every row: the same indicator of the same unit in the previous years (上年, 前年),
 * with its target and actual. Rows are matched within the same project (by code, or by name where
 * the code changed between years), even when reworded a little: by the similarity of their
 * normalised wording, never across units of measure, each past row to at most one row, the most
 * alike pairs first.
 */
import type { Indicator, Project, TargetDocument } from '../model/document.ts';
import type { HistoryEntry } from '../review/context.ts';
import { parseTargetValue } from '../target-value/parse.ts';
import { measureUnitOf, unitsCompatible } from './measure.ts';
import { labelOf, unitKey, type Observation } from './observation.ts';
import { targetReader } from './target-reader.ts';
import { normaliseWording, wordingSimilarity } from './wording.ts';

/**
 * How alike two wordings must be to be one indicator. Tested on real rewordings (./history.test.ts):
 * the 怀来县司法局 2020 table and its corrected copy (samples/) reword rows as 购买装备业务们部门覆盖率 →
 * 业务部门装备配备覆盖率 (0.48), 满意度 → 服务对象满意度 (0.50), 对矫正对象定位全覆盖 → 社区矫正对象
 * 定位覆盖率 (0.63). Rows of the same projects that are other measures score up to 0.76
 * (社区矫正人员信息核查率 / 核查社区矫正人员信息人数): the unit of measure tells those apart, and the
 * pairs left in one unit stay below the threshold.
 */
export const SAME_INDICATOR = 0.45;

export interface PastValue {
  year: number;
  /** The past row's name as written that year. */
  label: string;
  target: string;
  actual: string | null;
  similarity: number;
}

export interface RowHistory {
  previousYear: PastValue | null;
  yearBeforeLast: PastValue | null;
}

interface Candidate {
  o: Observation;
  wording: string;
  unit: string | null;
}

/** A year's past rows of a unit by project code and by normalised project name. */
interface YearIndex {
  byCode: Map<string, Candidate[]>;
  byName: Map<string, Candidate[]>;
}

/** The past rows of one unit, indexed for matching a document's projects against them. */
export class UnitHistory {
  private readonly years = new Map<number, YearIndex>();

  /** `past`: observations of any units and years; only the unit's are kept. */
  constructor(
    readonly unit: string,
    past: Iterable<Observation>,
  ) {
    const read = targetReader();
    for (const o of past) {
      if (o.project === null || o.year === null || unitKey(o.unit) !== unit) continue;
      let year = this.years.get(o.year);
      if (year === undefined) {
        year = { byCode: new Map(), byName: new Map() };
        this.years.set(o.year, year);
      }
      const label = labelOf(o.indicator);
      const c = { o, wording: normaliseWording(label), unit: measureUnitOf(o.indicator, read(o.indicator.target), label) };
      push(year.byCode, o.project.code.trim(), c);
      push(year.byName, normaliseWording(o.project.name), c);
    }
  }

  /** The project's rows that year: the same code's, else the same name's. */
  private rowsOf(project: Project, year: number): Candidate[] {
    const index = this.years.get(year);
    if (index === undefined) return [];
    return index.byCode.get(project.code.trim()) ?? index.byName.get(normaliseWording(project.name)) ?? [];
  }

  /** Each row of the project with its match in the given year, or null. */
  match(project: Project, year: number): Array<PastValue | null> {
    return assign(project.indicators, this.rowsOf(project, year), year);
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function assign(rows: readonly Indicator[], past: readonly Candidate[], year: number): Array<PastValue | null> {
  const result: Array<PastValue | null> = rows.map(() => null);
  if (past.length === 0) return result;
  const pairs: Array<{ row: number; past: number; similarity: number }> = [];
  rows.forEach((indicator, r) => {
    const label = labelOf(indicator);
    const wording = normaliseWording(label);
    const unit = measureUnitOf(indicator, parseTargetValue(indicator.target), label);
    past.forEach((c, p) => {
      if (!unitsCompatible(unit, c.unit)) return;
      const similarity = wordingSimilarity(wording, c.wording);
      if (similarity >= SAME_INDICATOR) pairs.push({ row: r, past: p, similarity });
    });
  });
  // Most alike first; on a tie, the earlier rows, so that repeated rows pair in table order.
  pairs.sort((a, b) => b.similarity - a.similarity || a.row - b.row || a.past - b.past);
  const taken = new Set<number>();
  for (const pair of pairs) {
    if (result[pair.row] !== null || taken.has(pair.past)) continue;
    taken.add(pair.past);
    const o = past[pair.past]!.o;
    result[pair.row] = { year, label: labelOf(o.indicator), target: o.indicator.target, actual: o.actual, similarity: pair.similarity };
  }
  return result;
}

/** 上年 and 前年 of every row of every project, by project code. */
export function historyOf(document: TargetDocument, past: Iterable<Observation>): Map<string, RowHistory[]> {
  const out = new Map<string, RowHistory[]>();
  if (document.year === null) return out;
  const history = new UnitHistory(unitKey(document.unit), past);
  for (const project of document.projects) {
    const previous = history.match(project, document.year - 1);
    const before = history.match(project, document.year - 2);
    out.set(
      project.code,
      previous.map((p, i) => ({ previousYear: p, yearBeforeLast: before[i] ?? null })),
    );
  }
  return out;
}

/** Last year's actuals as the review reads them (the below-history rule), keyed by this year's wording. */
export function reviewHistory(document: TargetDocument, histories: ReadonlyMap<string, readonly RowHistory[]>): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  for (const project of document.projects) {
    const rows = histories.get(project.code) ?? [];
    project.indicators.forEach((indicator, i) => {
      const last = rows[i]?.previousYear;
      if (last?.actual) out.push({ projectCode: project.code, description: labelOf(indicator), actual: last.actual, year: last.year });
    });
  }
  return out;
}

/**
 * The document with its 上年 / 前年 columns filled from matched history, for the forms and exports
 * that print them: the year's actual where one was recorded, else its target (the columns are
 * "上年指标值或实际值"). What a unit wrote in those cells itself is kept.
 */
export function withHistoryColumns(document: TargetDocument, histories: ReadonlyMap<string, readonly RowHistory[]>): TargetDocument {
  const value = (past: PastValue | null | undefined) => (past ? (past.actual ?? past.target) : null);
  return {
    ...document,
    projects: document.projects.map((project) => {
      const rows = histories.get(project.code) ?? [];
      return {
        ...project,
        indicators: project.indicators.map((indicator, i) => ({
          ...indicator,
          previousYear: indicator.previousYear || value(rows[i]?.previousYear),
          yearBeforeLast: indicator.yearBeforeLast || value(rows[i]?.yearBeforeLast),
        })),
      };
    }),
  };
}
