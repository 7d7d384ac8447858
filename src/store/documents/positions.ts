/** The 0-based positions that order a document's projects and a project's indicator rows. */
import type { Trx } from '../schema.ts';

/** Closes the gaps a deletion leaves in positions, keeping the order. */
export async function renumber(trx: Trx, table: 'projects' | 'indicators', parent: 'document_id' | 'project_id', parentId: number) {
  const rows = (await trx
    .selectFrom(table as 'projects')
    .select(['id', 'position'])
    .where(parent as 'document_id', '=', parentId)
    .orderBy('position')
    .execute()) as Array<{ id: number; position: number }>;
  await setPositions(
    trx,
    table,
    rows.map((r) => r.id),
    rows,
  );
}

export async function setPositions(
  trx: Trx,
  table: 'projects' | 'indicators',
  orderedIds: readonly number[],
  current: ReadonlyArray<{ id: number; position: number }>,
) {
  const now = new Map(current.map((r) => [r.id, r.position]));
  for (const [position, id] of orderedIds.entries()) {
    if (now.get(id) === position) continue;
    await trx
      .updateTable(table as 'indicators')
      .set({ position })
      .where('id', '=', id)
      .execute();
  }
}
