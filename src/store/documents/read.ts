/**
 * Reading documents (one unit × one budget year): the meta every list and check starts from, the
 * whole content as stored (with ids and cached finding counts) and as the core's model, and where
 * a project or an indicator row belongs.
 */
import type { DepartmentGoals, TargetDocument } from '../../core/model/document.ts';
import type { Db } from '../schema.ts';
import { readDepartment, readProjects, toModelDocument, type StoredProject } from './content.ts';
import { documentSummaryOf, SUMMARY_COLUMNS, type DocumentSummary } from './summary.ts';

export interface DocumentMeta extends DocumentSummary {
  copiedFromId: number | null;
  createdAt: Date;
  approvedAt: Date | null;
}

export interface StoredDocument {
  meta: DocumentMeta;
  /** The unit as the document writes it (may differ from the registered unit's name). */
  unit: { code: string | null; name: string };
  department: DepartmentGoals | null;
  projects: StoredProject[];
}

export async function documentMeta(db: Db, id: number): Promise<DocumentMeta | undefined> {
  const r = await db
    .selectFrom('documents as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select([...SUMMARY_COLUMNS, 'd.copied_from_id', 'd.created_at', 'd.approved_at'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return { ...documentSummaryOf(r), copiedFromId: r.copied_from_id, createdAt: r.created_at, approvedAt: r.approved_at };
}

export async function readDocument(db: Db, id: number): Promise<StoredDocument | undefined> {
  const meta = await documentMeta(db, id);
  if (!meta) return undefined;
  const written = await db
    .selectFrom('documents')
    .select(['unit_code_as_written', 'unit_name_as_written'])
    .where('id', '=', id)
    .executeTakeFirstOrThrow();
  const [department, projects] = await Promise.all([readDepartment(db, id), readProjects(db, id)]);
  return {
    meta,
    unit: { code: written.unit_code_as_written, name: written.unit_name_as_written },
    department,
    projects,
  };
}

export const modelOf = (d: StoredDocument): TargetDocument => toModelDocument(d.unit, d.meta.year, d.department, d.projects);

/** The document a unit has for a year, if any. */
export async function documentOf(db: Db, unitId: number, year: number): Promise<number | undefined> {
  const r = await db.selectFrom('documents').select('id').where('unit_id', '=', unitId).where('year', '=', year).executeTakeFirst();
  return r?.id;
}

/** Where a project lives: its document, for authorization and version checks. */
export async function projectDocument(db: Db, projectId: number): Promise<number | undefined> {
  const r = await db.selectFrom('projects').select('document_id').where('id', '=', projectId).executeTakeFirst();
  return r?.document_id;
}

export async function indicatorProject(db: Db, indicatorId: number): Promise<number | undefined> {
  const r = await db.selectFrom('indicators').select('project_id').where('id', '=', indicatorId).executeTakeFirst();
  return r?.project_id;
}

export async function readProject(db: Db, documentId: number, projectId: number): Promise<StoredProject | undefined> {
  const [p] = await readProjects(db, documentId, [projectId]);
  return p;
}
