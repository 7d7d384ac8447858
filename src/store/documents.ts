/**
 * Documents (one unit × one budget year) and every edit of their content. Each edit runs in one
 * transaction that first moves the document from the version the writer saw to the next one
 * (a conditional UPDATE, which also locks the row): a writer based on a stale version gets
 * StaleVersionError and changes nothing, so no update is ever lost.
 */
import type { Kysely, Transaction } from 'kysely';
import type { DepartmentGoals, Indicator, Project, TargetDocument } from '../core/model/document.ts';
import type { Finding } from '../core/review/finding.ts';
import { recordAudit, type Actor, type AuditEntry } from './audit.ts';
import {
  deleteProjectParts,
  indicatorOf,
  indicatorRow,
  insertProjectParts,
  insertProjects,
  readDepartment,
  readProjects,
  toModelDocument,
  toModelProject,
  writeDepartment,
  type StoredProject,
} from './document-content.ts';
import { documentSummaryOf, SUMMARY_COLUMNS, type DocumentSummary } from './document-summary.ts';
import { ConflictError, InvalidStateError, NotFoundError, StaleVersionError } from './errors.ts';
import { reviewStored, storeReviewCounts } from './review-counts.ts';
import type { Database, DocumentStatus } from './schema.ts';

type Trx = Transaction<Database>;

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

export const EDITABLE: readonly DocumentStatus[] = ['draft', 'returned'];

export async function documentMeta(db: Kysely<Database> | Trx, id: number): Promise<DocumentMeta | undefined> {
  const r = await db
    .selectFrom('documents as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select([...SUMMARY_COLUMNS, 'd.copied_from_id', 'd.created_at', 'd.approved_at'])
    .where('d.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  return { ...documentSummaryOf(r), copiedFromId: r.copied_from_id, createdAt: r.created_at, approvedAt: r.approved_at };
}

export async function readDocument(db: Kysely<Database> | Trx, id: number): Promise<StoredDocument | undefined> {
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

/** The entities whose writes move a document's version (comments and actuals leave it). */
const VERSIONED_ENTITIES = ['document', 'department', 'project', 'indicator'];

async function lastWriter(trx: Trx, documentId: number): Promise<{ id: number | null; name: string } | null> {
  const row = await trx
    .selectFrom('audit_log')
    .select(['actor_id', 'actor_name'])
    .where('document_id', '=', documentId)
    .where('entity', 'in', VERSIONED_ENTITIES)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? { id: row.actor_id, name: row.actor_name } : null;
}

/**
 * Moves the document from `expected` to the next version, locking its row for the rest of the
 * transaction. Throws NotFoundError, StaleVersionError, or InvalidStateError when `allowed`
 * does not include its status.
 */
export async function claimVersion(
  trx: Trx,
  documentId: number,
  expected: number,
  allowed: readonly DocumentStatus[],
  action: string,
): Promise<{ version: number; status: DocumentStatus }> {
  const row = await trx
    .updateTable('documents')
    .set((eb) => ({ version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', documentId)
    .where('version', '=', expected)
    .returning(['version', 'status'])
    .executeTakeFirst();
  if (!row) {
    const current = await trx.selectFrom('documents').select('version').where('id', '=', documentId).executeTakeFirst();
    if (!current) throw new NotFoundError('document', documentId);
    throw new StaleVersionError(documentId, current.version, expected, await lastWriter(trx, documentId));
  }
  if (!allowed.includes(row.status)) throw new InvalidStateError(documentId, row.status, action);
  return row;
}

/**
 * Starts an edit of the content: claims the version, requires a draft or a returned document, and
 * turns a returned document back into a draft (the unit is now fixing it), recording that.
 */
async function beginEdit(trx: Trx, actor: Actor, documentId: number, expected: number, action: string): Promise<number> {
  const { version, status } = await claimVersion(trx, documentId, expected, EDITABLE, action);
  if (status === 'returned') {
    await trx.updateTable('documents').set({ status: 'draft' }).where('id', '=', documentId).execute();
    await recordAudit(trx, actor, {
      action: 'reopen',
      entity: 'document',
      entityId: documentId,
      documentId,
      before: { status: 'returned' },
      after: { status: 'draft' },
    });
  }
  return version;
}

/** Re-reviews the whole document (after an edit, or a change of review settings) and stores the counts; returns the findings. */
export async function refreshReview(trx: Trx, documentId: number): Promise<Finding[]> {
  const doc = (await readDocument(trx, documentId))!;
  const model = modelOf(doc);
  return storeReviewCounts(trx, documentId, model, doc.projects.map((p) => p.id), await reviewStored(trx, documentId, model));
}

/**
 * One edit of a draft's content, in one transaction: beginEdit, then `change`, then the document
 * re-reviewed and the change's audit entry recorded. Returns the new version with whatever else
 * `change` returns beside its audit entry.
 */
async function editContent<R extends object>(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  expected: number,
  change: (trx: Trx) => Promise<R & { audit: Omit<AuditEntry, 'documentId'> }>,
): Promise<Omit<R, 'audit'> & { version: number }> {
  return db.transaction().execute(async (trx) => {
    const version = await beginEdit(trx, actor, documentId, expected, 'edit');
    const { audit, ...rest } = await change(trx);
    await refreshReview(trx, documentId);
    await recordAudit(trx, actor, { ...audit, documentId });
    return { version, ...rest };
  });
}

async function ensureYear(trx: Trx, year: number): Promise<void> {
  await trx.insertInto('budget_years').values({ year }).onConflict((oc) => oc.column('year').doNothing()).execute();
}

/** An import's audit entry names the project codes of a document up to this many projects. */
const SUMMARY_CODES = 200;

const summaryOf = (doc: TargetDocument) => ({
  unit: doc.unit,
  year: doc.year,
  projects: doc.projects.length,
  indicators: doc.projects.reduce((n, p) => n + p.indicators.length, 0),
  projectCodes: doc.projects.length <= SUMMARY_CODES ? doc.projects.map((p) => p.code) : undefined,
});

/** summaryOf the stored content, read by the database (counts and codes) rather than by loading the document. */
async function storedSummary(trx: Trx, documentId: number): Promise<ReturnType<typeof summaryOf>> {
  const doc = await trx
    .selectFrom('documents')
    .select(['unit_code_as_written', 'unit_name_as_written', 'year'])
    .where('id', '=', documentId)
    .executeTakeFirstOrThrow();
  const { projects, indicators } = await trx
    .selectFrom('projects')
    .select((eb) => [eb.fn.countAll<number>().as('projects'), eb.fn.coalesce(eb.fn.sum<number>('indicator_count'), eb.lit(0)).as('indicators')])
    .where('document_id', '=', documentId)
    .executeTakeFirstOrThrow();
  const codes =
    projects <= SUMMARY_CODES
      ? (await trx.selectFrom('projects').select('code').where('document_id', '=', documentId).orderBy('position').execute()).map((r) => r.code)
      : undefined;
  return {
    unit: { code: doc.unit_code_as_written, name: doc.unit_name_as_written },
    year: doc.year,
    projects,
    indicators: Number(indicators),
    projectCodes: codes,
  };
}

export interface CreatedDocument {
  id: number;
  version: number;
}

/**
 * Creates a unit's document for a year, with content (an import, a copy) or empty, as a draft.
 * All of it commits or none of it does.
 */
export async function createDocument(
  db: Kysely<Database>,
  actor: Actor,
  input: NewDocument,
): Promise<CreatedDocument> {
  return db.transaction().execute((trx) => createDocumentIn(trx, actor, input));
}

export interface NewDocument {
  unitId: number;
  year: number;
  content: TargetDocument | null;
  copiedFromId?: number;
  action?: string;
}

export async function createDocumentIn(trx: Trx, actor: Actor, input: NewDocument): Promise<CreatedDocument> {
  const unit = await trx.selectFrom('units').select(['code', 'name']).where('id', '=', input.unitId).executeTakeFirst();
  if (!unit) throw new NotFoundError('unit', input.unitId);
  await ensureYear(trx, input.year);
  const exists = await trx
    .selectFrom('documents')
    .select('id')
    .where('unit_id', '=', input.unitId)
    .where('year', '=', input.year)
    .executeTakeFirst();
  if (exists) throw new ConflictError('document', `${unit.code}/${input.year}`);
  const content: TargetDocument = input.content ?? {
    unit: { code: unit.code, name: unit.name },
    year: input.year,
    department: null,
    projects: [],
  };
  const { id } = await trx
    .insertInto('documents')
    .values({
      unit_id: input.unitId,
      year: input.year,
      status: 'draft',
      unit_code_as_written: content.unit.code,
      unit_name_as_written: content.unit.name,
      copied_from_id: input.copiedFromId ?? null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await writeContent(trx, id, { ...content, year: input.year });
  await recordAudit(trx, actor, {
    action: input.action ?? 'create',
    entity: 'document',
    entityId: id,
    documentId: id,
    after: { ...summaryOf(content), status: 'draft', year: input.year, unitId: input.unitId, copiedFromId: input.copiedFromId ?? null },
  });
  return { id, version: 1 };
}

/** Reviews first, so each project row is inserted with its finding counts (nothing updated after). */
async function writeContent(trx: Trx, documentId: number, content: TargetDocument): Promise<void> {
  await writeDepartment(trx, documentId, content.department);
  const counts = await reviewStored(trx, documentId, content);
  const ids = await insertProjects(trx, documentId, content.projects, 0, counts.perProject);
  await storeReviewCounts(trx, documentId, content, ids, counts);
}

/** Replaces a draft's whole content (importing a file over it). */
export async function replaceContent(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  expected: number,
  content: TargetDocument,
): Promise<number> {
  return db.transaction().execute((trx) => replaceContentIn(trx, actor, documentId, expected, content));
}

export async function replaceContentIn(trx: Trx, actor: Actor, documentId: number, expected: number, content: TargetDocument): Promise<number> {
  const version = await beginEdit(trx, actor, documentId, expected, 'import');
  const before = await storedSummary(trx, documentId);
  await trx.deleteFrom('projects').where('document_id', '=', documentId).execute();
  await trx
    .updateTable('documents')
    .set({ unit_code_as_written: content.unit.code, unit_name_as_written: content.unit.name })
    .where('id', '=', documentId)
    .execute();
  await writeContent(trx, documentId, content);
  await recordAudit(trx, actor, {
    action: 'import',
    entity: 'document',
    entityId: documentId,
    documentId,
    before,
    after: summaryOf(content),
  });
  return version;
}

/** The document a unit has for a year, if any. */
export async function documentOf(db: Kysely<Database> | Trx, unitId: number, year: number): Promise<number | undefined> {
  const r = await db.selectFrom('documents').select('id').where('unit_id', '=', unitId).where('year', '=', year).executeTakeFirst();
  return r?.id;
}

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

/** Where a project lives: its document, for authorization and version checks. */
export async function projectDocument(db: Kysely<Database> | Trx, projectId: number): Promise<number | undefined> {
  const r = await db.selectFrom('projects').select('document_id').where('id', '=', projectId).executeTakeFirst();
  return r?.document_id;
}

export async function indicatorProject(db: Kysely<Database> | Trx, indicatorId: number): Promise<number | undefined> {
  const r = await db.selectFrom('indicators').select('project_id').where('id', '=', indicatorId).executeTakeFirst();
  return r?.project_id;
}

export async function readProject(db: Kysely<Database> | Trx, documentId: number, projectId: number): Promise<StoredProject | undefined> {
  const [p] = await readProjects(db, documentId, [projectId]);
  return p;
}

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
      .set({
        code: project.code,
        name: project.name,
        unit_code_as_written: project.unit.code,
        unit_name_as_written: project.unit.name,
        amount_unit: project.amountUnit,
        budget_total: project.budget.total,
        budget_fiscal: project.budget.fiscal,
        budget_other: project.budget.other,
        use_of_funds: project.useOfFunds,
        department: project.department,
        attribute: project.attribute,
        period: project.period,
        indicator_count: project.indicators.length,
        updated_at: new Date(),
      })
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

/** Closes the gaps a deletion leaves in positions, keeping the order. */
async function renumber(trx: Trx, table: 'projects' | 'indicators', parent: 'document_id' | 'project_id', parentId: number) {
  const rows = (await trx
    .selectFrom(table as 'projects')
    .select(['id', 'position'])
    .where(parent as 'document_id', '=', parentId)
    .orderBy('position')
    .execute()) as Array<{ id: number; position: number }>;
  await setPositions(trx, table, rows.map((r) => r.id), rows);
}

async function setPositions(
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

/** Fine-grained indicator edits: add (at a 0-based position, default last), update, delete, reorder. */
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
    const { id } = await trx.insertInto('indicators').values(indicatorRow(projectId, at, indicator)).returning('id').executeTakeFirstOrThrow();
    await trx.updateTable('projects').set({ indicator_count: rows.length + 1, updated_at: new Date() }).where('id', '=', projectId).execute();
    return { indicatorId: id, audit: { action: 'create', entity: 'indicator', entityId: id, after: { projectId, position: at, ...indicator } } };
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
  const row = await trx.selectFrom('indicators').selectAll().where('id', '=', indicatorId).where('project_id', '=', projectId).executeTakeFirst();
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
    return { audit: { action: 'delete', entity: 'indicator', entityId: indicatorId, before: { projectId, position: before.position, ...indicatorOf(before) } } };
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
    await trx.updateTable('indicators').set((eb) => ({ position: eb('position', '+', rows.length) })).where('project_id', '=', projectId).execute();
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

/** Starts next year's draft from this document's content (copied, then edited). */
export async function copyToNextYear(db: Kysely<Database>, actor: Actor, documentId: number): Promise<CreatedDocument> {
  const source = await readDocument(db, documentId);
  if (!source) throw new NotFoundError('document', documentId);
  const year = source.meta.year + 1;
  return createDocument(db, actor, {
    unitId: source.meta.unitId,
    year,
    content: { ...modelOf(source), year },
    copiedFromId: documentId,
    action: 'copy',
  });
}
