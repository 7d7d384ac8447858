/**
 * Which project and indicator row a recorded actual belongs to, as the document stands now.
 *
 * A record keeps the ids it was recorded against and what they were then (project code, the row's
 * 1-based index and description). Editing the targets of a returned document can break the ids:
 * re-importing the document replaces its projects, the editor's autosave rewrites a project's rows,
 * a row or a project may be deleted. So a record resolves, in order:
 *   1. by id, when its project (row) still exists — the row's index is wherever it is now;
 *   2. else its project by code (when exactly one project has it), its row by description (when
 *      exactly one row has it; if several do, the one at the recorded index);
 *   3. else it is an **orphan**: kept, listed with what it was recorded against, not counted in
 *      monitoring or evaluation, reported as a finding; the unit deletes it or records it anew.
 * A deleted row's actuals thus come back if a row with the same description is added again.
 * `reanchor` writes resolutions back (new ids, current code, index and description), so the
 * uniqueness of "one value per row and date" holds for re-anchored records too.
 */
import type { Trx } from './schema.ts';

export interface LiveIndicator {
  id: number;
  description: string;
}
export interface LiveProject {
  id: number;
  code: string;
  indicators: readonly LiveIndicator[];
}

/** The anchor columns every actuals table has (spending has no indicator: index always null). */
export interface AnchorColumns {
  project_id: number | null;
  project_code: string;
  indicator_id?: number | null;
  indicator_index?: number | null;
  indicator_description?: string;
}

export type Resolution =
  | { orphaned: false; project: LiveProject; /** 1-based, null for a project-level record */ index: number | null; indicatorId: number | null }
  | { orphaned: true; project: LiveProject | null };

const same = (a: string, b: string) => a.trim() === b.trim();

export function anchorResolver(projects: readonly LiveProject[]): (row: AnchorColumns) => Resolution {
  const byId = new Map(projects.map((p) => [p.id, p]));
  const byCode = new Map<string, LiveProject | null>();
  for (const p of projects) byCode.set(p.code, byCode.has(p.code) ? null : p);
  return (row) => {
    const project = (row.project_id === null ? undefined : byId.get(row.project_id)) ?? byCode.get(row.project_code) ?? null;
    if (project === null) return { orphaned: true, project: null };
    const recordedIndex = row.indicator_index ?? null;
    if (recordedIndex === null) return { orphaned: false, project, index: null, indicatorId: null };
    let i = row.indicator_id == null ? -1 : project.indicators.findIndex((x) => x.id === row.indicator_id);
    if (i < 0) {
      const candidates = project.indicators.flatMap((x, k) => (same(x.description, row.indicator_description ?? '') ? [k] : []));
      i = candidates.length === 1 ? candidates[0]! : candidates.includes(recordedIndex - 1) ? recordedIndex - 1 : -1;
    }
    if (i < 0) return { orphaned: true, project };
    return { orphaned: false, project, index: i + 1, indicatorId: project.indicators[i]!.id };
  };
}

type Table = 'actual_spending' | 'actual_values' | 'monitoring_notes' | 'evaluation_notes';
const INDICATOR_TABLES: readonly Table[] = ['actual_values', 'monitoring_notes', 'evaluation_notes'];

/** The columns that make a record unique once anchored (see the unique indexes of migration 0002). */
function keyOf(table: Table, r: { projectId: number; indicatorId: number | null; date: string | null }): string {
  const target = r.indicatorId === null ? `p${r.projectId}` : `i${r.indicatorId}`;
  return table === 'evaluation_notes' ? target : `${target}@${r.date}`;
}

/**
 * Brings every record of a document up to date with its resolution: re-anchors what resolves by
 * code or description, refreshes the "as recorded" code, index and description of anchored records,
 * and leaves orphans (and records whose new place is already taken by another record) as they are.
 * Runs inside the caller's transaction, after it locked the document's actuals.
 */
export async function reanchor(trx: Trx, documentId: number, projects: readonly LiveProject[]): Promise<void> {
  const resolve = anchorResolver(projects);
  for (const table of ['actual_spending', ...INDICATOR_TABLES] as const) {
    const hasIndicator = table !== 'actual_spending';
    const hasDate = table !== 'evaluation_notes';
    const rows = (await trx
      .selectFrom(table as 'actual_values')
      .select(['id', 'project_id', 'project_code', ...(hasIndicator ? (['indicator_id', 'indicator_index', 'indicator_description'] as const) : [])])
      .$if(hasDate, (q) => q.select('date'))
      .where('document_id', '=', documentId)
      .orderBy('id')
      .execute()) as Array<AnchorColumns & { id: number; date?: string }>;
    const taken = new Set<string>();
    const moves: Array<{ id: number; set: Record<string, unknown> }> = [];
    const resolved = rows.map((row) => ({ row, r: resolve(row) }));
    // Records already anchored by id keep their place; re-anchored ones may not take a place in use.
    for (const { row, r } of resolved)
      if (!r.orphaned && row.project_id === r.project.id && (row.indicator_index == null || row.indicator_id === r.indicatorId))
        taken.add(keyOf(table, { projectId: r.project.id, indicatorId: r.indicatorId, date: row.date ?? null }));
    for (const { row, r } of resolved) {
      if (r.orphaned) continue;
      const byId = row.project_id === r.project.id && (row.indicator_index == null || row.indicator_id === r.indicatorId);
      if (!byId) {
        const key = keyOf(table, { projectId: r.project.id, indicatorId: r.indicatorId, date: row.date ?? null });
        if (taken.has(key)) continue;
        taken.add(key);
      }
      const indicator = r.index === null ? null : r.project.indicators[r.index - 1]!;
      const set: Record<string, unknown> = {};
      if (row.project_id !== r.project.id) set.project_id = r.project.id;
      if (row.project_code !== r.project.code) set.project_code = r.project.code;
      if (hasIndicator && indicator) {
        if (row.indicator_id !== indicator.id) set.indicator_id = indicator.id;
        if (row.indicator_index !== r.index) set.indicator_index = r.index;
        if (row.indicator_description !== indicator.description) set.indicator_description = indicator.description;
      }
      if (Object.keys(set).length > 0) moves.push({ id: row.id, set });
    }
    for (const m of moves) await trx.updateTable(table as 'actual_values').set(m.set).where('id', '=', m.id).execute();
  }
}
