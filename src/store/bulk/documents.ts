/**
 * Documents straight into the store, many at once (`jixiao load`, the province bench): the same
 * rows createDocument (../documents/create.ts) writes for one document — content, positions, the
 * model's columns, the review's counts on documents, projects and rules, an audit entry each —
 * but set-based across all the documents of a file, so a province loads at thousands of projects
 * a second. Everything happens in the caller's transaction; the first problem throws an
 * ImportError naming the file and the document, so the caller's file writes nothing.
 *
 * A document may be loaded as submitted, approved or published (a year's documents brought over
 * from another system): it is then kept as its submission (version 1, with how its review
 * ended), and, as submitting does, it must have no review errors.
 */
import { sql } from 'kysely';
import type { TargetDocument } from '../../core/model/document.ts';
import { reviewDocument } from '../../core/review/engine.ts';
import { ImportError } from '../../formats/import-error.ts';
import { named, type MessageRef } from '../../i18n/message-ref.ts';
import { rebuildAggregates } from '../aggregates/rebuild.ts';
import { recordAudits, type Actor } from '../audit.ts';
import { keepSubmissions } from '../document-snapshots.ts';
import { departmentColumns, insertDepartments, insertPlacedProjects, insertRows, insertRowsReturning } from '../documents/content.ts';
import { summaryOf } from '../documents/create.ts';
import { budgetTotalOf, reviewCounts, type ReviewCounts } from '../review/counts.ts';
import { reviewContexts } from '../review/context.ts';
import { ruleCountRows } from '../review/rule-counts.ts';
import type { DocumentStatus, Trx } from '../schema.ts';

export type LoadStatus = Exclude<DocumentStatus, 'returned'>;

export interface LoadItem {
  content: TargetDocument;
  status: LoadStatus;
}

export interface LoadOptions {
  /** The file the documents came from, for errors and the audit entries. */
  file: string;
  /** Where a unit no one registered is created (its code and name as the document writes them); without it, such a unit is an error. */
  newUnitsBureauId?: number;
}

export interface LoadResult {
  documentIds: number[];
  projects: number;
  unitsCreated: number;
}

const m = named.bulk.load;

/** The steps a document loaded at `status` has been through, each with its time stamp. */
const STAMPS: Record<LoadStatus, ReadonlyArray<'submitted_at' | 'approved_at' | 'published_at'>> = {
  draft: [],
  submitted: ['submitted_at'],
  approved: ['submitted_at', 'approved_at'],
  published: ['submitted_at', 'approved_at', 'published_at'],
};

export async function loadDocuments(trx: Trx, actor: Actor, items: readonly LoadItem[], options: LoadOptions): Promise<LoadResult> {
  const { file } = options;
  // The messages name the unit and year: a file's documents are told apart by them.
  const fail = (why: MessageRef): never => {
    throw new ImportError({ file }, why);
  };
  const seen = new Set<string>();
  for (const { content } of items) {
    if (content.unit.code === null)
      throw new ImportError({ file, field: named.formats.textFields.unitCode }, m.noUnitCode(content.unit.name));
    if (content.year === null) fail(m.noYear(content.unit.code));
    const key = `${content.unit.code}/${content.year}`;
    if (seen.has(key)) fail(m.twice(content.unit.code, content.year!));
    seen.add(key);
  }
  const codes = [...new Set(items.map((i) => i.content.unit.code!))];
  const units = new Map(
    (await trx.selectFrom('units').select(['id', 'code', 'bureau_id']).where(sql<boolean>`code = any(${codes}::text[])`).execute()).map(
      (u) => [u.code, u],
    ),
  );
  const unknown = items.filter((i) => !units.has(i.content.unit.code!));
  if (unknown.length > 0 && options.newUnitsBureauId === undefined) fail(m.unknownUnit(unknown[0]!.content.unit.code!));
  const created = await insertRowsReturning<'units', { id: number; code: string; bureau_id: number }>(
    trx,
    'units',
    [...new Map(unknown.map((i) => [i.content.unit.code!, i.content.unit.name])).entries()].map(([code, name]) => ({
      code,
      name,
      bureau_id: options.newUnitsBureauId!,
    })),
    ['id', 'code', 'bureau_id'],
  );
  for (const u of created) units.set(u.code, u);

  const years = [...new Set(items.map((i) => i.content.year!))];
  if (years.length > 0)
    await trx
      .insertInto('budget_years')
      .values(years.map((year) => ({ year })))
      .onConflict((oc) => oc.column('year').doNothing())
      .execute();
  const unitIds = [...units.values()].map((u) => u.id);
  const taken = await trx
    .selectFrom('documents as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select(['u.code', 'd.year'])
    .where(sql<boolean>`d.unit_id = any(${unitIds}::bigint[])`)
    .where(sql<boolean>`d.year = any(${years}::int[])`)
    .execute();
  for (const t of taken) if (seen.has(`${t.code}/${t.year}`)) fail(m.exists(t.code, t.year));

  // Reviewed in the store context createDocument reviews in (its bureau's settings, history, peers, the previous
  // year's projects; a new document has no 事前绩效评估), read for the whole file at once; the counts go in with the rows.
  const contexts = await reviewContexts(
    trx,
    items.map(({ content }) => ({ unitId: units.get(content.unit.code!)!.id, document: content, documentId: null })),
  );
  const reviews: ReviewCounts[] = [];
  for (const [k, { content, status }] of items.entries()) {
    const counts = reviewCounts(content, reviewDocument(content, contexts[k]!));
    const errors = counts.findings.filter((f) => f.severity === 'error');
    if (status !== 'draft' && errors.length > 0) fail(m.reviewErrors(content.unit.code!, errors.length, errors[0]!.message));
    reviews.push(counts);
  }

  const now = new Date();
  const inserted = await insertRowsReturning<'documents', { id: number; unit_id: number; year: number }>(
    trx,
    'documents',
    items.map(({ content, status }, k) => ({
      unit_id: units.get(content.unit.code!)!.id,
      year: content.year!,
      status,
      unit_code_as_written: content.unit.code,
      unit_name_as_written: content.unit.name,
      copied_from_id: null,
      ...departmentColumns(content.department),
      project_count: content.projects.length,
      budget_total: budgetTotalOf(content),
      error_count: reviews[k]!.total.error,
      warning_count: reviews[k]!.total.warning,
      info_count: reviews[k]!.total.info,
      submitted_at: STAMPS[status].includes('submitted_at') ? now : null,
      approved_at: STAMPS[status].includes('approved_at') ? now : null,
      published_at: STAMPS[status].includes('published_at') ? now : null,
    })),
    ['id', 'unit_id', 'year'],
  );
  const idOf = new Map(inserted.map((d) => [`${d.unit_id}/${d.year}`, d.id]));
  const ids = items.map(({ content }) => idOf.get(`${units.get(content.unit.code!)!.id}/${content.year}`)!);

  await insertDepartments(
    trx,
    items.map(({ content }, k) => ({ documentId: ids[k]!, department: content.department })),
  );
  await insertPlacedProjects(
    trx,
    items.flatMap(({ content }, k) =>
      content.projects.map((project, position) => ({ documentId: ids[k]!, position, project, counts: reviews[k]!.perProject[position]! })),
    ),
  );
  await insertRows(
    trx,
    'document_rule_counts',
    items.flatMap((_, k) => ruleCountRows(ids[k]!, reviews[k]!.findings)),
  );
  await keepSubmissions(
    trx,
    actor,
    items.flatMap(({ content, status }, k) =>
      status === 'draft' ? [] : [{ documentId: ids[k]!, version: 1, content, outcome: status === 'submitted' ? null : status }],
    ),
  );
  await recordAudits(trx, actor, [
    ...created.map((u) => ({
      action: 'create',
      entity: 'unit',
      entityId: u.id,
      after: {
        id: u.id,
        code: u.code,
        name: unknown.find((i) => i.content.unit.code === u.code)!.content.unit.name,
        bureauId: u.bureau_id,
      },
    })),
    ...items.map(({ content, status }, k) => ({
      action: 'load',
      entity: 'document',
      entityId: ids[k]!,
      documentId: ids[k]!,
      after: { ...summaryOf(content), status, year: content.year, unitId: units.get(content.unit.code!)!.id, copiedFromId: null, file },
    })),
  ]);
  // Their aggregates in this transaction, so totals and counts read them at once; the monitoring rows of
  // approved and published ones (a document at a time) are left to the server's background workers.
  await rebuildAggregates(trx, ids, { queueMonitored: true });
  return { documentIds: ids, projects: items.reduce((n, i) => n + i.content.projects.length, 0), unitsCreated: created.length };
}
