/** Editing a draft's 部门整体绩效目标 (department goals) as a whole. */
import type { Kysely } from 'kysely';
import type { DepartmentGoals } from '../../core/model/document.ts';
import type { Actor } from '../audit.ts';
import type { Database } from '../schema.ts';
import { readDepartment, writeDepartment } from './content.ts';
import { editContent } from './version.ts';

export async function updateDepartment(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  expected: number,
  department: DepartmentGoals | null,
): Promise<number> {
  const edited = await editContent(db, actor, documentId, expected, async (trx) => {
    const before = await readDepartment(trx, documentId);
    await writeDepartment(trx, documentId, department);
    return { audit: { action: 'update', entity: 'department', entityId: documentId, before, after: department } };
  });
  return edited.version;
}
