/**
 * 整改 items in the store (src/core/rectification/item.ts): opened by a reviewer from a finding,
 * answered by the unit with a response and evidence files, closed or reopened by the reviewer. Every
 * write names the item's version it is based on (a stale one changes nothing) and is audited with
 * the item before and after, in one transaction.
 */
import type { Kysely, Selectable } from 'kysely';
import { nextState, type RectificationSource, type RectificationState, type RectificationStep } from '../../core/rectification/item.ts';
import type { Severity } from '../../core/review/finding.ts';
import { MAX_EVIDENCE_BYTES, MAX_EVIDENCE_FILES } from '../../formats/limits.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { NotFoundError } from '../errors.ts';
import { firstPageTotal, keysetQuery, pageOf, type KeysetOrder, type Page, type PageRequest, type Total } from '../keyset.ts';
import type { Database, Db, RectificationsTable, Trx } from '../schema.ts';
import { RectificationError } from './errors.ts';

export interface NewRectification {
  documentId: number;
  /** The project the finding is about; null for the department part or the whole document. */
  projectCode: string | null;
  indicatorIndex: number | null;
  field: string;
  severity: Severity | null;
  finding: string;
  suggestion: string;
  /** What the bureau asks the unit to do. */
  requirement: string;
  source: RectificationSource;
  deadline: string;
}

export interface EvidenceFile {
  id: number;
  fileName: string;
  size: number;
  uploadedAt: Date;
  uploadedByName: string;
}

export interface Rectification {
  id: number;
  source: RectificationSource;
  documentId: number;
  projectId: number | null;
  projectCode: string | null;
  projectName: string | null;
  indicatorIndex: number | null;
  field: string;
  unitId: number;
  unitName: string;
  bureauId: number;
  year: number;
  severity: Severity | null;
  finding: string;
  suggestion: string;
  requirement: string;
  deadline: string;
  state: RectificationState;
  response: string;
  respondedAt: Date | null;
  respondedByName: string | null;
  closingNote: string;
  closedAt: Date | null;
  closedByName: string | null;
  carriedToDocumentId: number | null;
  createdAt: Date;
  createdByName: string;
  version: number;
}

type Row = Selectable<RectificationsTable> & { unit_name: string };

export function sourceOf(
  r: Pick<Row, 'source_kind' | 'source_rule_id' | 'source_evaluation_id' | 'source_finding_id'>,
): RectificationSource {
  return r.source_kind === 'evaluation'
    ? { kind: 'evaluation', evaluationId: r.source_evaluation_id!, findingId: r.source_finding_id }
    : { kind: r.source_kind, ruleId: r.source_rule_id! };
}

const toItem = (r: Row): Rectification => ({
  id: r.id,
  source: sourceOf(r),
  documentId: r.document_id,
  projectId: r.project_id,
  projectCode: r.project_code,
  projectName: r.project_name,
  indicatorIndex: r.indicator_index,
  field: r.field,
  unitId: r.unit_id,
  unitName: r.unit_name,
  bureauId: r.bureau_id,
  year: r.year,
  severity: r.severity,
  finding: r.finding,
  suggestion: r.suggestion,
  requirement: r.requirement,
  deadline: r.deadline,
  state: r.state,
  response: r.response,
  respondedAt: r.responded_at,
  respondedByName: r.responded_by_name,
  closingNote: r.closing_note,
  closedAt: r.closed_at,
  closedByName: r.closed_by_name,
  carriedToDocumentId: r.carried_to_document_id,
  createdAt: r.created_at,
  createdByName: r.created_by_name,
  version: r.version,
});

const selectItems = (db: Db) =>
  db.selectFrom('rectifications as r').innerJoin('units as u', 'u.id', 'r.unit_id').selectAll('r').select('u.name as unit_name');

/** What the audit keeps of an item: its state and texts, not its keys. */
const audited = (r: Rectification) => ({
  state: r.state,
  deadline: r.deadline,
  finding: r.finding,
  requirement: r.requirement,
  response: r.response,
  closingNote: r.closingNote,
});

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const realDate = (d: string) => DATE.test(d) && new Date(`${d}T00:00:00Z`).toISOString().slice(0, 10) === d;

export async function readRectification(db: Db, id: number): Promise<Rectification | undefined> {
  const row = await selectItems(db).where('r.id', '=', id).executeTakeFirst();
  return row && toItem(row as Row);
}

export async function evidenceFiles(db: Db, id: number): Promise<EvidenceFile[]> {
  const rows = await db
    .selectFrom('rectification_files')
    .select(['id', 'file_name', 'size', 'uploaded_at', 'uploaded_by_name'])
    .where('rectification_id', '=', id)
    .orderBy('id')
    .limit(MAX_EVIDENCE_FILES)
    .execute();
  return rows.map((f) => ({
    id: f.id,
    fileName: f.file_name,
    size: f.size,
    uploadedAt: f.uploaded_at,
    uploadedByName: f.uploaded_by_name,
  }));
}

export async function readEvidence(
  db: Db,
  fileId: number,
): Promise<{ rectificationId: number; fileName: string; bytes: Buffer } | undefined> {
  const f = await db
    .selectFrom('rectification_files')
    .select(['rectification_id', 'file_name', 'content_base64'])
    .where('id', '=', fileId)
    .executeTakeFirst();
  return f && { rectificationId: f.rectification_id, fileName: f.file_name, bytes: Buffer.from(f.content_base64, 'base64') };
}

/** Whether the finding is one of an accepted evaluation of the document (what the bureau may order rectified). */
async function acceptedFinding(trx: Trx, documentId: number, evaluationId: number, findingId: number | null): Promise<boolean> {
  if (findingId === null) return false;
  const found = await trx
    .selectFrom('evaluation_findings as f')
    .innerJoin('evaluations as e', 'e.id', 'f.evaluation_id')
    .select('f.id')
    .where('f.id', '=', findingId)
    .where('e.id', '=', evaluationId)
    .where('e.document_id', '=', documentId)
    .where('e.state', '=', 'accepted')
    .executeTakeFirst();
  return found !== undefined;
}

export async function openRectification(db: Kysely<Database>, actor: Actor, input: NewRectification): Promise<Rectification> {
  if (!realDate(input.deadline)) throw new RectificationError({ code: 'bad_deadline', deadline: input.deadline });
  return db.transaction().execute(async (trx) => {
    const doc = await trx
      .selectFrom('documents as d')
      .innerJoin('units as u', 'u.id', 'd.unit_id')
      .select(['d.id', 'd.unit_id', 'd.year', 'u.bureau_id'])
      .where('d.id', '=', input.documentId)
      .executeTakeFirst();
    if (!doc) throw new NotFoundError('document', input.documentId);
    const project =
      input.projectCode === null
        ? null
        : await trx
            .selectFrom('projects')
            .select(['id', 'name'])
            .where('document_id', '=', doc.id)
            .where('code', '=', input.projectCode)
            .executeTakeFirst();
    if (input.projectCode !== null && !project) throw new RectificationError({ code: 'unknown_project', projectCode: input.projectCode });
    const s = input.source;
    if (s.kind === 'evaluation' && !(await acceptedFinding(trx, doc.id, s.evaluationId, s.findingId)))
      throw new RectificationError({ code: 'unknown_finding', evaluationId: s.evaluationId, findingId: s.findingId });
    const { id } = await trx
      .insertInto('rectifications')
      .values({
        source_kind: s.kind,
        source_rule_id: s.kind === 'evaluation' ? null : s.ruleId,
        source_evaluation_id: s.kind === 'evaluation' ? s.evaluationId : null,
        source_finding_id: s.kind === 'evaluation' ? s.findingId : null,
        document_id: doc.id,
        project_id: project?.id ?? null,
        project_code: input.projectCode,
        project_name: project?.name ?? null,
        indicator_index: input.indicatorIndex,
        field: input.field,
        unit_id: doc.unit_id,
        bureau_id: doc.bureau_id,
        year: doc.year,
        severity: input.severity,
        finding: input.finding,
        suggestion: input.suggestion,
        requirement: input.requirement,
        deadline: input.deadline,
        state: 'open',
        created_by_name: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const item = (await readRectification(trx, id))!;
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'rectification',
      entityId: id,
      documentId: doc.id,
      before: null,
      after: { ...audited(item), source: item.source, projectCode: item.projectCode },
    });
    return item;
  });
}

/** The item locked for a write at the version the caller read; RectificationError when stale. */
async function lockedAt(trx: Trx, id: number, expected: number): Promise<Rectification> {
  const row = await trx.selectFrom('rectifications').select('id').where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw new NotFoundError('rectification', id);
  const item = (await readRectification(trx, id))!;
  if (item.version !== expected) throw new RectificationError({ code: 'stale_version', current: item.version, expected });
  return item;
}

/**
 * A step of the item: `respond` (the unit's answer), `close` (the bureau's closing note) or `reopen`
 * (why the answer does not do). Returns the item after it.
 */
export async function stepRectification(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  step: RectificationStep,
  text: string,
): Promise<Rectification> {
  return db.transaction().execute(async (trx) => {
    const before = await lockedAt(trx, id, expected);
    const state = nextState(before.state, step);
    if (state === null) throw new RectificationError({ code: 'invalid_step', state: before.state, step });
    const now = new Date();
    const change =
      step === 'respond'
        ? { response: text, responded_at: now, responded_by_name: actor.name }
        : step === 'close'
          ? { closing_note: text, closed_at: now, closed_by_name: actor.name }
          : { closing_note: text, closed_at: null, closed_by_name: null };
    await trx
      .updateTable('rectifications')
      .set({ ...change, state, version: before.version + 1, updated_at: now })
      .where('id', '=', id)
      .execute();
    const after = (await readRectification(trx, id))!;
    await recordAudit(trx, actor, {
      action: step,
      entity: 'rectification',
      entityId: id,
      documentId: before.documentId,
      before: audited(before),
      after: audited(after),
    });
    return after;
  });
}

/** Adds an evidence file to an item the unit may still answer; the item's version moves on. */
export async function addEvidence(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  fileName: string,
  bytes: Uint8Array,
): Promise<{ file: EvidenceFile; version: number }> {
  if (bytes.byteLength === 0) throw new RectificationError({ code: 'empty_file' });
  if (bytes.byteLength > MAX_EVIDENCE_BYTES) throw new RectificationError({ code: 'file_too_large', limitBytes: MAX_EVIDENCE_BYTES });
  return db.transaction().execute(async (trx) => {
    const item = await lockedAt(trx, id, expected);
    if (nextState(item.state, 'respond') === null)
      throw new RectificationError({ code: 'invalid_step', state: item.state, step: 'evidence' });
    const { n } = await trx
      .selectFrom('rectification_files')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('rectification_id', '=', id)
      .executeTakeFirstOrThrow();
    if (Number(n) >= MAX_EVIDENCE_FILES) throw new RectificationError({ code: 'too_many_files', limit: MAX_EVIDENCE_FILES });
    const row = await trx
      .insertInto('rectification_files')
      .values({
        rectification_id: id,
        file_name: fileName,
        size: bytes.byteLength,
        content_base64: Buffer.from(bytes).toString('base64'),
        uploaded_by_name: actor.name,
      })
      .returning(['id', 'uploaded_at'])
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('rectifications')
      .set({ version: item.version + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    const file = { id: row.id, fileName, size: bytes.byteLength, uploadedAt: row.uploaded_at, uploadedByName: actor.name };
    await recordAudit(trx, actor, {
      action: 'addEvidence',
      entity: 'rectification',
      entityId: id,
      documentId: item.documentId,
      before: { files: Number(n) },
      after: { files: Number(n) + 1, fileName, size: bytes.byteLength },
    });
    return { file, version: item.version + 1 };
  });
}

/** Who lists: a reviewer's bureau (and those under it), a unit, or everything (admins). */
export type RectificationScope = { all: true } | { bureauId: number } | { unitId: number };

export interface RectificationFilter {
  state?: RectificationState[];
  /** Only items the unit owes an answer to past their deadline, as of `today`. */
  overdueOn?: string;
  year?: number;
  documentId?: number;
}

const NEWEST_FIRST: KeysetOrder = { name: 'rectifications-newest', keys: [{ column: 'r.id', direction: 'desc', type: 'int' }] };

export async function listRectifications(
  db: Db,
  scope: RectificationScope,
  filter: RectificationFilter,
  page: PageRequest,
): Promise<Page<Rectification> & { total: Total | null }> {
  let q = selectItems(db);
  if ('bureauId' in scope)
    q = q.where('r.bureau_id', 'in', (eb) =>
      eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', scope.bureauId),
    );
  if ('unitId' in scope) q = q.where('r.unit_id', '=', scope.unitId);
  if (filter.state?.length) q = q.where('r.state', 'in', filter.state);
  if (filter.overdueOn !== undefined) q = q.where('r.state', 'in', ['open', 'reopened']).where('r.deadline', '<', filter.overdueOn);
  if (filter.year !== undefined) q = q.where('r.year', '=', filter.year);
  if (filter.documentId !== undefined) q = q.where('r.document_id', '=', filter.documentId);
  const [rows, total] = await Promise.all([keysetQuery(q, NEWEST_FIRST, page).execute(), firstPageTotal(db, page, q)]);
  return { ...pageOf(NEWEST_FIRST, page, rows, (r) => toItem(r as unknown as Row)), total };
}

/** Items the unit owes an answer to past their deadline: under a bureau (its subtree), of a unit, or all. */
export async function overdueCount(db: Db, owner: RectificationScope, today: string): Promise<number> {
  let q = db
    .selectFrom('rectifications as r')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('r.state', 'in', ['open', 'reopened'])
    .where('r.deadline', '<', today);
  if ('bureauId' in owner)
    q = q.where('r.bureau_id', 'in', (eb) =>
      eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', owner.bureauId),
    );
  if ('unitId' in owner) q = q.where('r.unit_id', '=', owner.unitId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/**
 * Copy to next year: the items of the document not yet closed are linked to next year's draft (in
 * the copy's transaction), so that its editor shows them beside the projects they concern.
 */
export async function carryRectifications(trx: Trx, actor: Actor, fromDocumentId: number, toDocumentId: number): Promise<void> {
  const carried = await trx
    .updateTable('rectifications')
    .set({ carried_to_document_id: toDocumentId })
    .where('document_id', '=', fromDocumentId)
    .where('state', '<>', 'closed')
    .returning('id')
    .execute();
  if (carried.length > 0)
    await recordAudit(trx, actor, {
      action: 'carryRectifications',
      entity: 'document',
      entityId: toDocumentId,
      documentId: toDocumentId,
      before: null,
      after: { fromDocumentId, rectifications: carried.map((c) => c.id) },
    });
}

/** The items carried into a document (see `carryRectifications`), at most a page's worth per project in the editor's panel. */
export async function carriedRectifications(db: Db, documentId: number): Promise<Rectification[]> {
  const rows = await selectItems(db).where('r.carried_to_document_id', '=', documentId).orderBy('r.id').limit(500).execute();
  return rows.map((r) => toItem(r as Row));
}
