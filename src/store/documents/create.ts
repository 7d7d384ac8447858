/**
 * A document's whole content written at once: a new document (empty, imported or copied from last
 * year's) and an import over a draft. All of it commits or none of it does; the audit entry names
 * what was written in numbers and project codes, not the content itself.
 */
import type { Kysely } from 'kysely';
import type { TargetDocument } from '../../core/model/document.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { ConflictError, NotFoundError } from '../errors.ts';
import { reviewStored, storeReviewCounts } from '../review/counts.ts';
import type { Database, Trx } from '../schema.ts';
import { insertProjects, writeDepartment } from './content.ts';
import { keepingProjectAttachments } from './project-attachments.ts';
import { refreshReview } from '../review/refresh.ts';
import { modelOf, readDocument } from './read.ts';
import { beginEdit } from './version.ts';
import { carryRectifications } from '../rectification/items.ts';

async function ensureYear(trx: Trx, year: number): Promise<void> {
  await trx
    .insertInto('budget_years')
    .values({ year })
    .onConflict((oc) => oc.column('year').doNothing())
    .execute();
}

/** An import's audit entry names the project codes of a document up to this many projects. */
const SUMMARY_CODES = 200;

export const summaryOf = (doc: TargetDocument) => ({
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
    .select((eb) => [
      eb.fn.countAll<number>().as('projects'),
      eb.fn.coalesce(eb.fn.sum<number>('indicator_count'), eb.lit(0)).as('indicators'),
    ])
    .where('document_id', '=', documentId)
    .executeTakeFirstOrThrow();
  const codes =
    projects <= SUMMARY_CODES
      ? (await trx.selectFrom('projects').select('code').where('document_id', '=', documentId).orderBy('position').execute()).map(
          (r) => r.code,
        )
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
export async function createDocument(db: Kysely<Database>, actor: Actor, input: NewDocument): Promise<CreatedDocument> {
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

/**
 * Puts `content` in place of the document's projects and department goals, whatever its status: the
 * caller has claimed the version and checked that the status allows it (an import over a draft, an
 * approved 目标调整 over approved targets).
 */
export async function overwriteContent(trx: Trx, documentId: number, content: TargetDocument): Promise<void> {
  const assessed = await keepingProjectAttachments(trx, documentId, async () => {
    await trx.deleteFrom('projects').where('document_id', '=', documentId).execute();
    await trx
      .updateTable('documents')
      .set({ unit_code_as_written: content.unit.code, unit_name_as_written: content.unit.name })
      .where('id', '=', documentId)
      .execute();
    await writeContent(trx, documentId, content);
  });
  // The review ran before the assessments were back: it would count them missing.
  if (assessed) await refreshReview(trx, documentId);
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

export async function replaceContentIn(
  trx: Trx,
  actor: Actor,
  documentId: number,
  expected: number,
  content: TargetDocument,
): Promise<number> {
  const version = await beginEdit(trx, actor, documentId, expected, 'import');
  const before = await storedSummary(trx, documentId);
  await overwriteContent(trx, documentId, content);
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

/**
 * Starts next year's draft from this document's content (copied, then edited), with its open 整改 items. A project 新增 this
 * year is carried on next year (延续): it is not new again, and needs no second 事前绩效评估.
 */
export async function copyToNextYear(db: Kysely<Database>, actor: Actor, documentId: number): Promise<CreatedDocument> {
  const source = await readDocument(db, documentId);
  if (!source) throw new NotFoundError('document', documentId);
  const year = source.meta.year + 1;
  const content = modelOf(source);
  // The draft carries the items of 整改 not yet closed (its editor shows them), in the same transaction.
  return db.transaction().execute(async (trx) => {
    const created = await createDocumentIn(trx, actor, {
      unitId: source.meta.unitId,
      year,
      content: {
        ...content,
        year,
        projects: content.projects.map((p) => (p.attribute === '新增' ? { ...p, attribute: '延续' as const } : p)),
      },
      copiedFromId: documentId,
      action: 'copy',
    });
    await carryRectifications(trx, actor, documentId, created.id);
    return created;
  });
}
