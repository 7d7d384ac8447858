/** Fine-grained edits of a draft's indicator rows: add (at a 0-based position, default last), update, delete, reorder. */
import type { Kysely } from 'kysely';
import type { Indicator } from '../../core/model/document.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import { refreshReview } from '../review/refresh.ts';
import type { Database, Trx } from '../schema.ts';
import { indicatorOf, indicatorRow } from './content.ts';
import { setPositions, renumber } from './positions.ts';
import { beginEdit, editContent } from './version.ts';

export async function addIndicator(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  projectId: number,
  expected: number,
  indicator: Indicator,
  position?: number,
): Promise<{ version: number; indicatorId: number }> {
  return editContent(db, actor, documentId, expected, async (trx) => {
    const rows = await indicatorPositions(trx, documentId, projectId);
    const at = position === undefined ? rows.length : Math.max(0, Math.min(position, rows.length));
    await trx
      .updateTable('indicators')
      .set((eb) => ({ position: eb('position', '+', 1) }))
      .where('project_id', '=', projectId)
      .where('position', '>=', at)
      .execute();
    const { id } = await trx
      .insertInto('indicators')
      .values(indicatorRow(projectId, at, indicator))
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('projects')
      .set({ indicator_count: rows.length + 1, updated_at: new Date() })
      .where('id', '=', projectId)
      .execute();
    return {
      indicatorId: id,
      audit: { action: 'create', entity: 'indicator', entityId: id, after: { projectId, position: at, ...indicator } },
    };
  });
}

async function indicatorPositions(trx: Trx, documentId: number, projectId: number) {
  const owner = await trx.selectFrom('projects').select('document_id').where('id', '=', projectId).executeTakeFirst();
  if (owner?.document_id !== documentId) throw new NotFoundError('project', projectId);
  return trx.selectFrom('indicators').select(['id', 'position']).where('project_id', '=', projectId).orderBy('position').execute();
}

export async function updateIndicator(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  projectId: number,
  indicatorId: number,
  expected: number,
  indicator: Indicator,
): Promise<number> {
  const edited = await editContent(db, actor, documentId, expected, async (trx) => {
    const before = await existingIndicator(trx, projectId, indicatorId);
    const { project_id: _p, position: _pos, ...changes } = indicatorRow(projectId, before.position, indicator);
    await trx.updateTable('indicators').set(changes).where('id', '=', indicatorId).execute();
    await trx.updateTable('projects').set({ updated_at: new Date() }).where('id', '=', projectId).execute();
    return { audit: { action: 'update', entity: 'indicator', entityId: indicatorId, before: indicatorOf(before), after: indicator } };
  });
  return edited.version;
}

async function existingIndicator(trx: Trx, projectId: number, indicatorId: number) {
  const row = await trx
    .selectFrom('indicators')
    .selectAll()
    .where('id', '=', indicatorId)
    .where('project_id', '=', projectId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('indicator', indicatorId);
  return row;
}

export async function deleteIndicator(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  projectId: number,
  indicatorId: number,
  expected: number,
): Promise<number> {
  const edited = await editContent(db, actor, documentId, expected, async (trx) => {
    const before = await existingIndicator(trx, projectId, indicatorId);
    await trx.deleteFrom('indicators').where('id', '=', indicatorId).execute();
    await renumber(trx, 'indicators', 'project_id', projectId);
    await trx
      .updateTable('projects')
      .set((eb) => ({ indicator_count: eb('indicator_count', '-', 1), updated_at: new Date() }))
      .where('id', '=', projectId)
      .execute();
    return {
      audit: {
        action: 'delete',
        entity: 'indicator',
        entityId: indicatorId,
        before: { projectId, position: before.position, ...indicatorOf(before) },
      },
    };
  });
  return edited.version;
}

/** Puts a project's indicator rows in the given order; `ids` must name each row exactly once. */
export async function reorderIndicators(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  projectId: number,
  expected: number,
  ids: readonly number[],
): Promise<number | 'mismatch'> {
  return db.transaction().execute(async (trx) => {
    const rows = await indicatorPositions(trx, documentId, projectId);
    const known = new Set(rows.map((r) => r.id));
    if (ids.length !== rows.length || new Set(ids).size !== ids.length || !ids.every((id) => known.has(id))) return 'mismatch';
    const version = await beginEdit(trx, actor, documentId, expected, 'edit');
    // Move every row out of the way first so no intermediate state repeats a position.
    await trx
      .updateTable('indicators')
      .set((eb) => ({ position: eb('position', '+', rows.length) }))
      .where('project_id', '=', projectId)
      .execute();
    await setPositions(trx, 'indicators', ids, []);
    await refreshReview(trx, documentId);
    await recordAudit(trx, actor, {
      action: 'reorder',
      entity: 'project',
      entityId: projectId,
      documentId,
      before: rows.map((r) => r.id),
      after: ids,
    });
    return version;
  });
}
