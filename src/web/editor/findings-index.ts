/**
 * Where each review finding belongs on the form: the document's own part, a project's field, or a
 * cell of one indicator row. Findings name their project by code; the first project with that code
 * takes them (a duplicate code is itself a finding on the later project).
 */
import type { Finding, Severity } from '../../core/review/finding.ts';

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

export class FindingIndex {
  readonly document: Finding[] = [];
  readonly #byProject = new Map<string, Finding[]>();

  constructor(readonly all: readonly Finding[]) {
    for (const f of all) {
      if (f.projectCode === null) this.document.push(f);
      else {
        const list = this.#byProject.get(f.projectCode) ?? [];
        list.push(f);
        this.#byProject.set(f.projectCode, list);
      }
    }
  }

  /** All findings of a project. */
  project(code: string): Finding[] {
    return this.#byProject.get(code) ?? [];
  }

  /**
   * Findings at a place: a project field ("useOfFunds", "budget" covers "budget.total" …), or with a
   * row, that row's cell ("indicators.target"); "indicators" with a row gives everything on the row.
   */
  at(code: string | null, field: string, row: number | null = null): Finding[] {
    const pool = code === null ? this.document : this.project(code);
    return pool.filter(
      (f) =>
        f.indicatorIndex === row &&
        (f.field === field ||
          f.field.startsWith(field + '.') ||
          (row !== null && field === 'indicators' && f.field.startsWith('indicators'))),
    );
  }
}

/** The worst severity among findings, or null when there are none. */
export function worst(findings: readonly Finding[]): Severity | null {
  let w: Severity | null = null;
  for (const f of findings) if (w === null || SEVERITY_ORDER[f.severity] < SEVERITY_ORDER[w]) w = f.severity;
  return w;
}

export const bySeverity = (a: Finding, b: Finding) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity];
