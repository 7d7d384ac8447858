/**
 * Recording actuals one at a time: create, change, delete a spending figure, an indicator value, a
 * monitoring note or a self-evaluation note.
 *
 * Each write runs in one transaction that first takes the document's actuals lock, so writes and
 * refreshes of one document take turns, and ends by rewriting the document's derived monitoring and
 * evaluation rows. Records have their own versions: creating never overwrites (a record already at
 * that place — project or row, and date — is a conflict naming it), and changing or deleting names
 * the version the caller saw, so no one's figure is replaced unseen. The document's version is not
 * touched: recording actuals does not get in the way of the bureau's workflow steps.
 *
 * Actuals are recorded only on approved and published documents (the targets they are measured
 * against are fixed), and no longer once the self-evaluation has been published.
 */
import type { Insertable, Kysely } from 'kysely';
import { isIsoDate, yearOf } from '../../core/actuals/calendar.ts';
import { readDecimal } from '../../core/model/decimal.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { documentMeta, readDocument, type DocumentMeta, type StoredDocument } from '../documents/read.ts';
import { InvalidStateError, NotFoundError } from '../errors.ts';
import type { Database, Trx } from '../schema.ts';
import { reanchor, type LiveProject } from './anchors.ts';
import { MONITORED, lockActuals, refreshDocument } from './derived.ts';
import { ActualsError } from './errors.ts';
import {
  ENTITY_OF,
  TABLE_OF,
  documentRecords,
  monitoringNoteColumns,
  type ActualsKind,
  type ActualsTable,
  type DocumentRecords,
  type EvaluationNoteRecord,
  type MonitoringNoteRecord,
  type SpendingRecord,
  type TableOf,
  type ValueRecord,
} from './records.ts';

// What a caller records: the record's own fields, without what the store keeps about it.
export type SpendingInput = Pick<SpendingRecord, 'date' | 'cumulative' | 'note'>;
export type ValueInput = Pick<ValueRecord, 'index' | 'date' | 'value' | 'note'>;
export type MonitoringNoteInput = Pick<MonitoringNoteRecord, 'index' | 'date' | 'cause' | 'likelihood' | 'measure' | 'expectedYearEnd'>;
export type EvaluationNoteInput = Pick<
  EvaluationNoteRecord,
  'index' | 'notApplicable' | 'notApplicableReason' | 'analysis' | 'points' | 'gradePercent' | 'adjustedBudget' | 'results'
>;
export interface Inputs {
  spending: SpendingInput;
  values: ValueInput;
  monitoringNotes: MonitoringNoteInput;
  evaluationNotes: EvaluationNoteInput;
}

/** What a write works in: the locked document, its year and its projects as they are now. */
export interface OpenDocument {
  trx: Trx;
  meta: DocumentMeta;
  document: StoredDocument;
  projects: LiveProject[];
  revision: number;
}

/**
 * Locks a document's actuals for recording: approved or published, evaluation not published.
 * Re-anchors its records first, so what follows sees every record where it belongs now.
 */
export async function openForRecording(trx: Trx, documentId: number): Promise<OpenDocument> {
  const state = await lockActuals(trx, documentId);
  const meta = await documentMeta(trx, documentId);
  if (!meta) throw new NotFoundError('document', documentId);
  if (!MONITORED.includes(meta.status)) throw new InvalidStateError(documentId, meta.status, 'record');
  if (state.evaluation_published_at !== null) throw new ActualsError('closed', 'evaluation_published', (m) => m.evaluationPublished);
  const doc = (await readDocument(trx, documentId))!;
  await reanchor(trx, documentId, doc.projects);
  return { trx, meta, document: doc, projects: doc.projects, revision: state.revision };
}

/** Ends a write: one more revision of the document's actuals, and its derived rows rewritten. */
export async function closeRecording(open: OpenDocument): Promise<number> {
  const { trx, meta } = open;
  const { revision } = await trx
    .updateTable('document_actuals_state')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('document_id', '=', meta.id)
    .returning('revision')
    .executeTakeFirstOrThrow();
  await refreshDocument(trx, meta.id, open.document);
  return revision;
}

const invalid = ActualsError.invalid;

/** A date of the document's budget year. */
export function checkDate(date: string, year: number, where: string): void {
  if (!isIsoDate(date)) throw invalid('bad_date', (m) => m.badDate(where, date));
  if (yearOf(date) !== year) throw invalid('date_outside_year', (m) => m.dateOutsideYear(where, date, year));
}

/** A non-negative decimal ("5.00"), or null when allowed and empty. */
export function checkAmount(value: string, where: string, field: string, max?: number): string {
  const d = readDecimal(value);
  if (typeof d !== 'string' || d.startsWith('-') || (max !== undefined && Number(d) > max))
    throw invalid('bad_number', (m) => m.badNumber(where, m.fields[field as keyof typeof m.fields] ?? field, value));
  return d;
}

/** The indicator row `index` (1-based) of a project, or an error naming the project. */
export function indicatorAt(project: LiveProject, index: number): LiveProject['indicators'][number] {
  const indicator = project.indicators[index - 1];
  if (!indicator) throw invalid('bad_index', (m) => m.badIndex(project.code, index, project.indicators.length));
  return indicator;
}

/**
 * The 不适用 columns of an evaluation note: a row is taken out of the score only with a reason
 * (a stored note is passed with `where` '' — it was checked when written).
 */
export function notApplicableColumns(e: Pick<EvaluationNoteInput, 'notApplicable' | 'notApplicableReason'>, where: string) {
  const reason = e.notApplicable ? e.notApplicableReason.trim() : '';
  if (where !== '' && e.notApplicable && reason === '')
    throw invalid('not_applicable_reason_required', (m) => m.notApplicableReason(where));
  return { not_applicable: e.notApplicable, not_applicable_reason: reason };
}

const place = (code: string, index: number | null) => (index === null ? code : `${code} #${index}`);

/** A kind's own columns: its row as stored, less the project it belongs to and who recorded it. */
export type KindColumns<K extends ActualsKind> = Omit<
  Insertable<Database[TableOf<K>]>,
  'document_id' | 'project_id' | 'project_code' | 'recorded_by' | 'recorded_by_name'
>;

/** Where a record goes: its project's code and row (null for the project itself), the row as it is now, and the budget year. */
interface At {
  where: string;
  index: number | null;
  anchor: { indicator_id: number; indicator_index: number; indicator_description: string; indicator_target: string } | Record<never, never>;
  year: number;
}

/** Each kind's columns from what a caller records, checked: typed by the kind's input and its own table. */
const COLUMNS: { [K in ActualsKind]: (input: Omit<Inputs[K], 'index'>, at: At) => KindColumns<K> } = {
  spending: (s, { where, year }) => {
    checkDate(s.date, year, where);
    return { date: s.date, cumulative: checkAmount(s.cumulative, where, 'cumulative'), note: s.note };
  },
  values: (v, { where, year, anchor }) => {
    checkDate(v.date, year, where);
    if (v.value.trim() === '') throw invalid('nothing_recorded', (m) => m.nothingRecorded(where));
    return { ...anchor, date: v.date, value: v.value.trim(), note: v.note };
  },
  monitoringNotes: (n, { where, year, anchor, index }) => {
    checkDate(n.date, year, where);
    if (n.cause === null && n.likelihood === null && n.measure.trim() === '' && n.expectedYearEnd.trim() === '')
      throw invalid('nothing_recorded', (m) => m.nothingRecorded(where));
    if (index === null && n.expectedYearEnd.trim() !== '')
      throw invalid('indicator_only', (m) => m.indicatorOnly(where, m.fields.expectedYearEnd));
    return {
      ...anchor,
      indicator_index: index,
      date: n.date,
      ...monitoringNoteColumns(n),
    };
  },
  evaluationNotes: (e, { where, anchor, index }) => {
    if (index !== null && (e.adjustedBudget !== null || e.results.trim() !== ''))
      throw invalid('project_only', (m) => m.projectOnly(where, e.adjustedBudget !== null ? m.fields.adjustedBudget : m.fields.results));
    if (index === null && (e.notApplicable || e.points !== null || e.gradePercent !== null))
      throw invalid('indicator_only', (m) =>
        m.indicatorOnly(where, e.notApplicable ? m.fields.notApplicable : e.points !== null ? m.fields.points : m.fields.gradePercent),
      );
    return {
      ...anchor,
      indicator_index: index,
      ...notApplicableColumns(e, where),
      analysis: e.analysis,
      points: e.points === null ? null : checkAmount(e.points, where, 'points'),
      grade_percent: e.gradePercent === null ? null : checkAmount(e.gradePercent, where, 'gradePercent', 100),
      adjusted_budget: e.adjustedBudget === null ? null : checkAmount(e.adjustedBudget, where, 'adjustedBudget'),
      results: e.results,
    };
  },
};

/** The place of a new or changed record (its row and date) and its columns, checked. */
function columnsOf<K extends ActualsKind>(
  kind: K,
  input: Omit<Inputs[K], 'index'>,
  index: number | null,
  project: LiveProject,
  year: number,
) {
  const where = place(project.code, index);
  const indicator = index === null ? null : indicatorAt(project, index);
  const anchor =
    indicator === null
      ? {}
      : {
          indicator_id: indicator.id,
          indicator_index: index!,
          indicator_description: indicator.description,
          indicator_target: indicator.target,
        };
  const date = 'date' in input && typeof input.date === 'string' ? input.date : null;
  return { at: { indicatorId: indicator?.id ?? null, date }, columns: COLUMNS[kind](input, { where, index, anchor, year }) };
}

/** The record already at a place (project or row, and date), if any. */
async function recordAt(
  trx: Trx,
  kind: ActualsKind,
  projectId: number,
  at: { indicatorId: number | null; date: string | null },
  exceptId?: number,
) {
  const table: ActualsTable = TABLE_OF[kind];
  let q = trx.selectFrom(table).select(['id', 'version']);
  if (kind === 'spending') q = q.where('project_id', '=', projectId);
  else if (at.indicatorId === null) q = q.where('project_id', '=', projectId).where('indicator_index', 'is', null);
  else q = q.where('indicator_id', '=', at.indicatorId);
  if (at.date !== null) q = q.where('date', '=', at.date);
  if (exceptId !== undefined) q = q.where('id', '<>', exceptId);
  return q.executeTakeFirst();
}

/** A record as the API shows it (resolved among all the document's records: see ./anchors.ts). */
async function readRecord<K extends ActualsKind>(open: OpenDocument, kind: K, id: number): Promise<DocumentRecords[K][number]> {
  const all = (await documentRecords(open.trx, open.meta.id, open.projects))[kind] as Array<DocumentRecords[K][number]>;
  return all.find((r) => r.id === id)!;
}

export interface Written<R> {
  record: R;
  /** The document's actuals revision after the write. */
  revision: number;
}

/** Records a new figure or note for a project (the unit's own, checked by the caller). */
export async function createRecord<K extends ActualsKind>(
  store: Kysely<Database>,
  actor: Actor,
  kind: K,
  projectId: number,
  input: Inputs[K],
): Promise<Written<DocumentRecords[K][number]>> {
  return store.transaction().execute(async (trx) => {
    const documentId = await projectDocumentId(trx, projectId);
    const open = await openForRecording(trx, documentId);
    const project = open.projects.find((p) => p.id === projectId)!;
    const { at, columns } = columnsOf(kind, input, 'index' in input ? input.index : null, project, open.meta.year);
    const existing = await recordAt(trx, kind, projectId, at);
    if (existing)
      throw new ActualsError('conflict', 'actual_exists', (m) => m.recordExists, {
        existing: { id: existing.id, version: existing.version },
      });
    const table: ActualsTable = TABLE_OF[kind];
    const { id } = await trx
      .insertInto(table)
      .values({
        document_id: documentId,
        project_id: projectId,
        project_code: project.code,
        recorded_by: actor.id,
        recorded_by_name: actor.name,
        ...columns,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const record = await readRecord(open, kind, id);
    await recordAudit(trx, actor, { action: 'create', entity: ENTITY_OF[kind], entityId: id, documentId, after: record });
    return { record, revision: await closeRecording(open) };
  });
}

async function projectDocumentId(trx: Trx, projectId: number): Promise<number> {
  const r = await trx.selectFrom('projects').select('document_id').where('id', '=', projectId).executeTakeFirst();
  if (!r) throw new NotFoundError('project', projectId);
  return r.document_id;
}

/** The document a record belongs to (for access checks before a write or a read). */
export async function recordDocument(store: Kysely<Database>, kind: ActualsKind, id: number): Promise<number | undefined> {
  const r = await store.selectFrom(TABLE_OF[kind]).select('document_id').where('id', '=', id).executeTakeFirst();
  return r?.document_id;
}

/** Opens the document of a record for a change, checking the version the caller saw. */
async function openRecord<K extends ActualsKind>(trx: Trx, kind: K, id: number, expected: number) {
  const table: ActualsTable = TABLE_OF[kind];
  const documentId = (await trx.selectFrom(table).select('document_id').where('id', '=', id).executeTakeFirst())?.document_id;
  if (documentId === undefined) throw new NotFoundError(ENTITY_OF[kind], id);
  const open = await openForRecording(trx, documentId);
  const before = await readRecord(open, kind, id);
  if (before.version !== expected) throw ActualsError.stale(ENTITY_OF[kind], id, before.version, expected);
  return { open, before };
}

/**
 * Changes a record (its place — project and row — stays; its date may change). An orphan cannot
 * be changed, only deleted: it belongs to no row of the targets any more.
 */
export async function updateRecord<K extends ActualsKind>(
  store: Kysely<Database>,
  actor: Actor,
  kind: K,
  id: number,
  expected: number,
  input: Omit<Inputs[K], 'index'>,
): Promise<Written<DocumentRecords[K][number]>> {
  return store.transaction().execute(async (trx) => {
    const { open, before } = await openRecord(trx, kind, id, expected);
    if (before.orphaned) throw invalid('orphaned_record', (m) => m.orphanedRecord);
    const project = open.projects.find((p) => p.id === before.projectId)!;
    const index = 'index' in before ? before.index : null;
    const { at, columns } = columnsOf(kind, input, index, project, open.meta.year);
    if (await recordAt(trx, kind, project.id, at, id)) throw new ActualsError('conflict', 'actual_exists', (m) => m.recordExists);
    const table: ActualsTable = TABLE_OF[kind];
    await trx
      .updateTable(table)
      .set({ ...columns, version: before.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    const record = await readRecord(open, kind, id);
    await recordAudit(trx, actor, {
      action: 'update',
      entity: ENTITY_OF[kind],
      entityId: id,
      documentId: open.meta.id,
      before,
      after: record,
    });
    return { record, revision: await closeRecording(open) };
  });
}

export async function deleteRecord(
  store: Kysely<Database>,
  actor: Actor,
  kind: ActualsKind,
  id: number,
  expected: number,
): Promise<number> {
  return store.transaction().execute(async (trx) => {
    const { open, before } = await openRecord(trx, kind, id, expected);
    await trx.deleteFrom(TABLE_OF[kind]).where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entity: ENTITY_OF[kind], entityId: id, documentId: open.meta.id, before });
    return closeRecording(open);
  });
}
