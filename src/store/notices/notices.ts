/**
 * 绩效目标批复: a bureau's numbered notice (文号) issuing approved targets with the budget
 * (中发〔2018〕34号: 绩效目标与预算同步批复下达; see docs/approval-notices.md). A reviewer drafts it,
 * adds approved or published documents of the bureau's subtree (each at its current version), and
 * issues it: the documents must still be at the versions added, and each document version is in at
 * most one issued notice. Issuing keeps each document's content as issued, so the 批复表 prints what
 * was approved whatever happens to the document later; an issued notice is fixed, except that it may
 * be withdrawn with a reason. Every write is one transaction with its audit entries (before/after)
 * and moves the notice's version; a write based on a stale version changes nothing. Who may write is
 * the server's to check (src/server/routes/notices.ts).
 */
import type { Kysely, Updateable } from 'kysely';
import { recordAudit, recordAudits, type Actor } from '../audit.ts';
import { modelOf, readDocument } from '../documents/read.ts';
import type { Database, DocumentStatus, NoticeState, Trx } from '../schema.ts';
import { NoticeError, type NoticeAction } from './errors.ts';

export const NOTICE_ENTITY = 'approvalNotice';
/** The statuses a notice covers: the bureau has fixed the targets. */
export const NOTICEABLE: readonly DocumentStatus[] = ['approved', 'published'];

export interface NoticeFields {
  number: string;
  title: string;
  /** 发文日期, YYYY-MM-DD. */
  date: string;
  body: string;
}

const UNIQUE_VIOLATION = '23505';
const isUnique = (e: unknown, index: string) =>
  (e as { code?: string }).code === UNIQUE_VIOLATION &&
  String((e as { constraint?: string; message?: string }).constraint ?? (e as Error).message).includes(index);

/** A new draft notice of a bureau and budget year. */
export async function createNotice(
  db: Kysely<Database>,
  actor: Actor,
  bureauId: number,
  year: number,
  fields: NoticeFields,
): Promise<number> {
  try {
    return await db.transaction().execute(async (trx) => {
      const { id } = await trx
        .insertInto('approval_notices')
        .values({
          bureau_id: bureauId,
          year,
          number: fields.number,
          title: fields.title,
          notice_date: fields.date,
          body: fields.body,
          state: 'draft',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await recordAudit(trx, actor, {
        action: 'create',
        entity: NOTICE_ENTITY,
        entityId: id,
        after: { bureauId, year, ...fields, state: 'draft' },
      });
      return id;
    });
  } catch (e) {
    if (isUnique(e, 'approval_notices_number')) throw NoticeError.numberTaken(fields.number, year);
    throw e;
  }
}

/** The notice locked for the rest of the transaction, at the version the caller saw and in a state that allows `action`. */
async function claim(trx: Trx, id: number, expected: number, allowed: readonly NoticeState[], action: NoticeAction) {
  const row = await trx.selectFrom('approval_notices').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw NoticeError.notFound(id);
  if (row.version !== expected) throw NoticeError.stale(id, row.version, expected);
  if (!allowed.includes(row.state)) throw NoticeError.state(id, row.state, action);
  return row;
}

/** Moves the notice one version on (every write does), with `changes`; returns the new version. */
async function bump(trx: Trx, id: number, changes: Omit<Updateable<Database['approval_notices']>, 'id' | 'version'> = {}): Promise<number> {
  const { version } = await trx
    .updateTable('approval_notices')
    .set((eb) => ({ ...changes, version: eb('version', '+', 1), updated_at: new Date() }))
    .where('id', '=', id)
    .returning('version')
    .executeTakeFirstOrThrow();
  return version;
}

const fieldsOf = (r: { number: string; title: string; notice_date: string; body: string }): NoticeFields => ({
  number: r.number,
  title: r.title,
  date: r.notice_date,
  body: r.body,
});

/** A draft's 文号, title, date and text. */
export async function editNotice(db: Kysely<Database>, actor: Actor, id: number, expected: number, fields: NoticeFields): Promise<number> {
  try {
    return await db.transaction().execute(async (trx) => {
      const before = await claim(trx, id, expected, ['draft'], 'edit');
      const version = await bump(trx, id, { number: fields.number, title: fields.title, notice_date: fields.date, body: fields.body });
      await recordAudit(trx, actor, { action: 'update', entity: NOTICE_ENTITY, entityId: id, before: fieldsOf(before), after: fields });
      return version;
    });
  } catch (e) {
    if (isUnique(e, 'approval_notices_number')) {
      const year = (await db.selectFrom('approval_notices').select('year').where('id', '=', id).executeTakeFirst())?.year ?? 0;
      throw NoticeError.numberTaken(fields.number, year);
    }
    throw e;
  }
}

/** A draft is deleted whole (the audit log keeps it). */
export async function deleteNotice(db: Kysely<Database>, actor: Actor, id: number, expected: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const before = await claim(trx, id, expected, ['draft'], 'delete');
    const documents = await trx.selectFrom('approval_notice_documents').select('document_id').where('notice_id', '=', id).execute();
    await trx.deleteFrom('approval_notices').where('id', '=', id).execute();
    await recordAudit(trx, actor, {
      action: 'delete',
      entity: NOTICE_ENTITY,
      entityId: id,
      before: { ...fieldsOf(before), documents: documents.map((d) => d.document_id) },
    });
  });
}

interface CoveredRow {
  id: number;
  version: number;
  status: DocumentStatus;
  year: number;
  unit_id: number;
  unit_name: string;
  under: boolean;
}

/** The documents with their unit, and whether their unit is under the notice's bureau. */
async function coveredRows(trx: Trx, bureauId: number, ids: readonly number[], lock: boolean): Promise<Map<number, CoveredRow>> {
  if (ids.length === 0) return new Map();
  let q = trx
    .selectFrom('documents as d')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select((eb) => [
      'd.id',
      'd.version',
      'd.status',
      'd.year',
      'd.unit_id',
      'u.name as unit_name',
      eb
        .exists(
          eb
            .selectFrom('bureau_tree as t')
            .whereRef('t.descendant_id', '=', 'u.bureau_id')
            .where('t.ancestor_id', '=', bureauId)
            .select('t.depth'),
        )
        .as('under'),
    ])
    .where('d.id', 'in', ids);
  // Issuing holds the documents still while it checks their versions: a return waits for it.
  if (lock) q = q.forUpdate('d');
  const rows = await q.execute();
  return new Map(rows.map((r) => [r.id, r as CoveredRow]));
}

/** Why a document cannot go into a notice of `year` under `bureauId`, or null. */
function refusal(doc: CoveredRow | undefined, id: number, year: number): NoticeError | null {
  if (doc === undefined)
    return new NoticeError('invalid', 'document_not_found', (m) => m.notices.store.documentNotFound(id), { documentId: id });
  if (!doc.under)
    return new NoticeError('invalid', 'outside_bureau', (m) => m.notices.store.outsideBureau(doc.unit_name), { documentId: id });
  if (doc.year !== year)
    return new NoticeError('invalid', 'wrong_year', (m) => m.notices.store.wrongYear(doc.unit_name, doc.year, year), { documentId: id });
  if (!NOTICEABLE.includes(doc.status))
    return new NoticeError('invalid', 'not_approved', (m) => m.notices.store.notApproved(doc.unit_name, m.server.statusNames[doc.status]), {
      documentId: id,
      status: doc.status,
    });
  return null;
}

/** Adds documents (at their current versions) to a draft; one already in it stays as it was added. */
export async function addDocuments(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  documentIds: readonly number[],
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const notice = await claim(trx, id, expected, ['draft'], 'add');
    const present = new Set(
      (await trx.selectFrom('approval_notice_documents').select('document_id').where('notice_id', '=', id).execute()).map(
        (r) => r.document_id,
      ),
    );
    const wanted = [...new Set(documentIds)].filter((d) => !present.has(d));
    const docs = await coveredRows(trx, notice.bureau_id, wanted, false);
    for (const d of wanted) {
      const why = refusal(docs.get(d), d, notice.year);
      if (why) throw why;
    }
    if (wanted.length > 0)
      await trx
        .insertInto('approval_notice_documents')
        .values(
          wanted.map((d) => {
            const doc = docs.get(d)!;
            return { notice_id: id, document_id: d, document_version: doc.version, unit_id: doc.unit_id, state: 'draft' as const };
          }),
        )
        .execute();
    const version = await bump(trx, id);
    await recordAudit(trx, actor, {
      action: 'addDocuments',
      entity: NOTICE_ENTITY,
      entityId: id,
      before: { documents: [...present] },
      after: { documents: [...present, ...wanted], added: wanted.map((d) => ({ documentId: d, version: docs.get(d)!.version })) },
    });
    return version;
  });
}

/** Takes a document out of a draft. */
export async function removeDocument(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  documentId: number,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await claim(trx, id, expected, ['draft'], 'remove');
    const removed = await trx
      .deleteFrom('approval_notice_documents')
      .where('notice_id', '=', id)
      .where('document_id', '=', documentId)
      .returning('document_version')
      .executeTakeFirst();
    if (!removed)
      throw new NoticeError('notFound', 'not_found', (m) => m.notices.store.documentNotFound(documentId), {
        entity: 'document',
        id: documentId,
      });
    const version = await bump(trx, id);
    await recordAudit(trx, actor, {
      action: 'removeDocument',
      entity: NOTICE_ENTITY,
      entityId: id,
      before: { documentId, version: removed.document_version },
      after: null,
    });
    return version;
  });
}

/**
 * Issues a draft: every document still at the version added and approved or published, none of those
 * versions in another issued notice; each document's content is kept as issued. The covered documents'
 * trails record it too.
 */
export async function issueNotice(db: Kysely<Database>, actor: Actor, id: number, expected: number): Promise<number> {
  try {
    return await db.transaction().execute(async (trx) => {
      const notice = await claim(trx, id, expected, ['draft'], 'issue');
      const rows = await trx
        .selectFrom('approval_notice_documents')
        .select(['document_id', 'document_version'])
        .where('notice_id', '=', id)
        .orderBy('document_id')
        .execute();
      if (rows.length === 0) throw new NoticeError('invalid', 'empty_notice', (m) => m.notices.store.empty);
      const docs = await coveredRows(
        trx,
        notice.bureau_id,
        rows.map((r) => r.document_id),
        true,
      );
      for (const r of rows) {
        const doc = docs.get(r.document_id);
        const why = refusal(doc, r.document_id, notice.year);
        if (why) throw why;
        if (doc!.version !== r.document_version)
          throw new NoticeError('stale', 'document_moved', (m) => m.notices.store.moved(doc!.unit_name, r.document_version, doc!.version), {
            documentId: r.document_id,
            coveredVersion: r.document_version,
            currentVersion: doc!.version,
          });
        await alreadyIssued(trx, r.document_id, r.document_version, doc!.unit_name);
        const stored = (await readDocument(trx, r.document_id))!;
        await trx
          .updateTable('approval_notice_documents')
          .set({ state: 'issued', content: JSON.stringify(modelOf(stored)) })
          .where('notice_id', '=', id)
          .where('document_id', '=', r.document_id)
          .execute();
      }
      const version = await bump(trx, id, { state: 'issued', issued_at: new Date(), issued_by_name: actor.name });
      await recordAudit(trx, actor, {
        action: 'issue',
        entity: NOTICE_ENTITY,
        entityId: id,
        before: { state: 'draft', version: expected },
        after: {
          state: 'issued',
          version,
          number: notice.number,
          documents: rows.map((r) => ({ documentId: r.document_id, version: r.document_version })),
        },
      });
      await recordAudits(
        trx,
        actor,
        rows.map((r) => ({
          action: 'noticeIssued',
          entity: NOTICE_ENTITY,
          entityId: id,
          documentId: r.document_id,
          after: { notice: notice.number, version: r.document_version },
        })),
      );
      return version;
    });
  } catch (e) {
    // Another notice issued one of these versions between the check and the write.
    if (isUnique(e, 'approval_notice_documents_issued'))
      throw new NoticeError('conflict', 'already_issued', (m) => m.notices.store.issuedMeanwhile, { field: 'documents' });
    throw e;
  }
}

async function alreadyIssued(trx: Trx, documentId: number, version: number, unitName: string): Promise<void> {
  const other = await trx
    .selectFrom('approval_notice_documents as a')
    .innerJoin('approval_notices as n', 'n.id', 'a.notice_id')
    .select('n.number')
    .where('a.document_id', '=', documentId)
    .where('a.document_version', '=', version)
    .where('a.state', '=', 'issued')
    .executeTakeFirst();
  if (other)
    throw new NoticeError('conflict', 'already_issued', (m) => m.notices.store.alreadyIssued(unitName, other.number), {
      documentId,
      notice: other.number,
    });
}

/** Withdraws an issued notice, with its reason (required); its documents may be issued again in another. */
export async function withdrawNotice(db: Kysely<Database>, actor: Actor, id: number, expected: number, reason: string): Promise<number> {
  const why = reason.trim();
  if (why === '') throw new NoticeError('invalid', 'reason_required', (m) => m.notices.store.reasonRequired, { field: 'reason' });
  return db.transaction().execute(async (trx) => {
    const notice = await claim(trx, id, expected, ['issued'], 'withdraw');
    const docs = await trx
      .updateTable('approval_notice_documents')
      .set({ state: 'withdrawn' })
      .where('notice_id', '=', id)
      .returning('document_id')
      .execute();
    const version = await bump(trx, id, { state: 'withdrawn', withdrawn_reason: why, withdrawn_at: new Date() });
    await recordAudit(trx, actor, {
      action: 'withdraw',
      entity: NOTICE_ENTITY,
      entityId: id,
      before: { state: 'issued', version: expected },
      after: { state: 'withdrawn', version, reason: why },
    });
    await recordAudits(
      trx,
      actor,
      docs.map((d) => ({
        action: 'noticeWithdrawn',
        entity: NOTICE_ENTITY,
        entityId: id,
        documentId: d.document_id,
        after: { notice: notice.number, reason: why },
      })),
    );
    return version;
  });
}
