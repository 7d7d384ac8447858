/**
 * Which project and indicator row a recorded actual belongs to, as the document stands now.
 *
 * A record keeps the ids of the project and row it was recorded against — as tokens, not foreign
 * keys, so they outlive the rows — and what the row was then (project code, 1-based index,
 * description, target). Editing the targets of a returned document can replace the rows: re-importing
 * the document replaces its projects, the editor's autosave rewrites a project's rows, a row or a
 * project may be deleted. So records resolve, document by document:
 *   1. by id, when their project (row) still exists — the row's index is wherever it is now;
 *   2. else a project by its code (when exactly one project has it); the records of a former row,
 *      together, to one row of that project that holds no records of its own: the only one with
 *      the same description and target, else the only one with the same description, else the one
 *      with that description at the recorded index (rows with the same description do occur);
 *   3. else they are **orphans**: kept, listed with what they were recorded against, not counted in
 *      monitoring or evaluation, reported as a finding; the unit deletes them or records anew.
 * A deleted row's actuals thus come back if a row like it is added again. `reanchor` writes the
 * resolutions back, so "one value per row and date" holds for re-anchored records too.
 */
import type { Trx } from '../schema.ts';

export interface LiveIndicator {
  id: number;
  description: string;
  target: string;
}
export interface LiveProject {
  id: number;
  code: string;
  indicators: readonly LiveIndicator[];
}

/** The anchor columns every actuals table has (spending has no indicator). */
export interface AnchorColumns {
  project_id: number;
  project_code: string;
  indicator_id?: number | null;
  indicator_index?: number | null;
  indicator_description?: string;
  indicator_target?: string;
}

export type Resolution =
  | {
      orphaned: false;
      project: LiveProject /** 1-based, null for a project-level record */;
      index: number | null;
      indicatorId: number | null;
    }
  | { orphaned: true; project: LiveProject | null };

const same = (a: string | undefined, b: string) => (a ?? '').trim() === b.trim();

/** Resolves the records of one document (all of them: a former row's records move together). */
export function anchorResolver(projects: readonly LiveProject[], rows: readonly AnchorColumns[]): (row: AnchorColumns) => Resolution {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const byCode = new Map<string, LiveProject | null>();
  for (const p of projects) byCode.set(p.code, byCode.has(p.code) ? null : p);
  const projectOf = (row: AnchorColumns) => byId.get(row.project_id) ?? byCode.get(row.project_code) ?? null;

  // Former rows (tokens no longer among a project's rows), each matched to at most one free row.
  const moved = new Map<string, number>();
  const formerRows = new Map<LiveProject, Map<number, AnchorColumns>>();
  const held = new Map<LiveProject, Set<number>>();
  for (const row of rows) {
    const project = projectOf(row);
    if (project === null || row.indicator_id == null) continue;
    if (project.indicators.some((i) => i.id === row.indicator_id))
      held.get(project)?.add(row.indicator_id) ?? held.set(project, new Set([row.indicator_id]));
    else if (!formerRows.get(project)?.has(row.indicator_id))
      (formerRows.get(project) ?? formerRows.set(project, new Map()).get(project)!).set(row.indicator_id, row);
  }
  for (const [project, former] of formerRows) {
    const free = new Set(project.indicators.map((_, k) => k).filter((k) => !held.get(project)?.has(project.indicators[k]!.id)));
    const take = (token: number, k: number | undefined) => {
      if (k === undefined) return false;
      moved.set(`${project.id}:${token}`, k);
      free.delete(k);
      return true;
    };
    const groups = [...former].sort((a, b) => (a[1].indicator_index ?? 0) - (b[1].indicator_index ?? 0));
    const pass = (choose: (row: AnchorColumns, candidates: number[]) => number | undefined) => {
      for (const [token, row] of groups) {
        if (moved.has(`${project.id}:${token}`)) continue;
        const candidates = [...free].filter((k) => same(row.indicator_description, project.indicators[k]!.description));
        take(token, choose(row, candidates));
      }
    };
    const only = (xs: number[]) => (xs.length === 1 ? xs[0] : undefined);
    pass((row, c) => only(c.filter((k) => same(row.indicator_target, project.indicators[k]!.target))));
    pass((_, c) => only(c));
    pass((row, c) => c.find((k) => k === (row.indicator_index ?? 0) - 1));
  }

  return (row) => {
    const project = projectOf(row);
    if (project === null) return { orphaned: true, project: null };
    if (row.indicator_id == null) return { orphaned: false, project, index: null, indicatorId: null };
    const live = project.indicators.findIndex((i) => i.id === row.indicator_id);
    const k = live >= 0 ? live : moved.get(`${project.id}:${row.indicator_id}`);
    if (k === undefined) return { orphaned: true, project };
    return { orphaned: false, project, index: k + 1, indicatorId: project.indicators[k]!.id };
  };
}

type Table = 'actual_spending' | 'actual_values' | 'monitoring_notes' | 'evaluation_notes';
const TABLES: readonly Table[] = ['actual_spending', 'actual_values', 'monitoring_notes', 'evaluation_notes'];

/** The columns that make a record unique once anchored (see the unique indexes of migration 0002). */
function keyOf(table: Table, r: { projectId: number; indicatorId: number | null; date: string | null }): string {
  const target = r.indicatorId === null ? `p${r.projectId}` : `i${r.indicatorId}`;
  return table === 'evaluation_notes' ? target : `${target}@${r.date}`;
}

/**
 * Writes every record of a document up to date with its resolution: re-anchors what moved, refreshes
 * the "as recorded" code, index, description and target, and leaves orphans (and a record whose new
 * place another record already holds) as they are. Runs in the caller's transaction, under the
 * document's actuals lock.
 */
export async function reanchor(trx: Trx, documentId: number, projects: readonly LiveProject[]): Promise<void> {
  const all = await Promise.all(
    TABLES.map(
      async (table): Promise<Array<AnchorColumns & { id: number; date?: string }>> =>
        trx.selectFrom(table).selectAll().where('document_id', '=', documentId).orderBy('id').execute(),
    ),
  );
  const resolve = anchorResolver(projects, all.flat());
  for (const [t, table] of TABLES.entries()) {
    const resolved = all[t]!.map((row) => ({ row, r: resolve(row) }));
    const inPlace = (row: AnchorColumns, r: Resolution) =>
      !r.orphaned && row.project_id === r.project.id && (row.indicator_id ?? null) === r.indicatorId;
    const taken = new Set<string>();
    for (const { row, r } of resolved)
      if (!r.orphaned && inPlace(row, r))
        taken.add(keyOf(table, { projectId: r.project.id, indicatorId: r.indicatorId, date: row.date ?? null }));
    for (const { row, r } of resolved) {
      if (r.orphaned) continue;
      if (!inPlace(row, r)) {
        const key = keyOf(table, { projectId: r.project.id, indicatorId: r.indicatorId, date: row.date ?? null });
        if (taken.has(key)) continue;
        taken.add(key);
      }
      const indicator = r.index === null ? null : r.project.indicators[r.index - 1]!;
      const now: Record<string, unknown> = { project_id: r.project.id, project_code: r.project.code };
      if (indicator)
        Object.assign(now, {
          indicator_id: indicator.id,
          indicator_index: r.index,
          indicator_description: indicator.description,
          indicator_target: indicator.target,
        });
      const stored = new Map(Object.entries(row));
      const set = Object.fromEntries(Object.entries(now).filter(([k, v]) => stored.get(k) !== v));
      if (Object.keys(set).length > 0) await trx.updateTable(table).set(set).where('id', '=', row.id).execute();
    }
  }
}
