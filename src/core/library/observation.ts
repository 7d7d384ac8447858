/**
 * One indicator row as history holds it: whose it is (unit, year, project) and, where recorded,
 * what it achieved. Families, suggestions and history matching all read these; the database and
 * the command line make them from approved or published documents.
 */
import type { Indicator, TargetDocument, Unit } from '../model/document.ts';

export interface ObservedProject {
  code: string;
  name: string;
  category: string | null;
}

export interface Observation {
  unit: Unit;
  year: number | null;
  /** Null for a department-wide row (部门整体支出绩效目标表). */
  project: ObservedProject | null;
  indicator: Indicator;
  /** 1-based row within its table, as `jixiao check` numbers it. */
  row: number;
  /** The year's actual value (实际完成值) as written, where one was recorded. */
  actual: string | null;
  /** The row's family key where the caller keeps it (the store computes it on write); else computed here. */
  familyKey?: string | null;
}

/** Where the caller keeps actual values: by project code and 1-based row. */
export type ActualOf = (projectCode: string, row: number) => string | null;

/** Every indicator row of a document, the department-wide ones included. */
export function observationsOf(document: TargetDocument, actualOf: ActualOf = () => null): Observation[] {
  const { unit, year } = document;
  const out: Observation[] = [];
  document.department?.indicators?.forEach((indicator, i) => {
    out.push({ unit, year, project: null, indicator, row: i + 1, actual: null });
  });
  for (const p of document.projects) {
    const project = { code: p.code, name: p.name, category: p.category ?? null };
    p.indicators.forEach((indicator, i) => {
      out.push({ unit, year, project, indicator, row: i + 1, actual: actualOf(p.code, i + 1) });
    });
  }
  return out;
}

/** The indicator's name: the 三级 cell, or the description where 三级 is empty (as in the seed). */
export const labelOf = (indicator: Indicator): string => indicator.level3.trim() || indicator.description.trim();

/** A unit's identity across years: its code where it has one, else its name. */
export const unitKey = (unit: Unit): string => (unit.code?.trim() ? `#${unit.code.trim()}` : unit.name.trim());
