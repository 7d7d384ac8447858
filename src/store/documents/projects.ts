/** Editing a draft's projects: add one (at a position), replace one whole (the editor's autosave), delete one. */
import type { Kysely } from 'kysely';
import type { Project } from '../../core/model/document.ts';
import type { Actor } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import type { Database, Trx } from '../schema.ts';
import { deleteProjectParts, insertProjectParts, insertProjects, projectColumns, toModelProject, type StoredProject } from './content.ts';
import { renumber } from './positions.ts';
import { readProject } from './read.ts';
import { editContent } from './version.ts';

/** Appends a project (or inserts it at a 0-based position); returns the new version and the project's id. */
export async function addProject(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  expected: number,
  project: Project,
  position?: number,
): Promise<{ version: number; projectId: number }> {
  return editContent(db, actor, documentId, expected, async (trx) => {
    const { n } = await trx
      .selectFrom('projects')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('document_id', '=', documentId)
      .executeTakeFirstOrThrow();
    const at = position === undefined ? n : Math.max(0, Math.min(position, n));
    await trx
      .updateTable('projects')
      .set((eb) => ({ position: eb('position', '+', 1) }))
      .where('document_id', '=', documentId)
      .where('position', '>=', at)
      .execute();
    const [projectId] = await insertProjects(trx, documentId, [project], at);
    return { projectId: projectId!, audit: { action: 'create', entity: 'project', entityId: projectId!, after: project } };
  });
}

/** The editor's autosave: the whole project replaced at once. */
export async function replaceProject(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  projectId: number,
  expected: number,
  project: Project,
): Promise<number> {
  const edited = await editContent(db, actor, documentId, expected, async (trx) => {
    const before = await existingProject(trx, documentId, projectId);
    await deleteProjectParts(trx, projectId);
    await trx
      .updateTable('projects')
      .set({ ...projectColumns(project), updated_at: new Date() })
      .where('id', '=', projectId)
      .execute();
    await insertProjectParts(trx, [project], [projectId]);
    return { audit: { action: 'update', entity: 'project', entityId: projectId, before: toModelProject(before), after: project } };
  });
  return edited.version;
}

export async function deleteProject(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  projectId: number,
  expected: number,
): Promise<number> {
  const edited = await editContent(db, actor, documentId, expected, async (trx) => {
    const before = await existingProject(trx, documentId, projectId);
    await trx.deleteFrom('projects').where('id', '=', projectId).execute();
    await renumber(trx, 'projects', 'document_id', documentId);
    return { audit: { action: 'delete', entity: 'project', entityId: projectId, before: toModelProject(before) } };
  });
  return edited.version;
}

async function existingProject(trx: Trx, documentId: number, projectId: number): Promise<StoredProject> {
  const project = await readProject(trx, documentId, projectId);
  if (!project) throw new NotFoundError('project', projectId);
  return project;
}
