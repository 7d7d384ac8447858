/**
 * Writing 目标调整: the unit drafts a request from its approved (or published) document, edits it
 * and submits it — the review engine runs over the adjusted targets and refuses while errors remain —
 * or withdraws it; a reviewer returns it (with a comment) or approves it. Approval writes the
 * adjusted targets into the document as its next version (kept as a snapshot beside the earlier
 * ones), re-anchors its actuals and rebuilds its monitoring, all in one transaction. Every write
 * names the request's version it is based on (stale: 409) and is audited with before and after.
 */
import type { Kysely } from 'kysely';
import { isIsoDate, type IsoDate } from '../../core/actuals/calendar.ts';
import type { TargetDocument } from '../../core/model/document.ts';
import { refreshDocument } from '../actuals/derived.ts';
import { MONITORED } from '../actuals/monitored.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { keepSubmissions } from '../document-snapshots.ts';
import { overwriteContent, summaryOf } from '../documents/create.ts';
import { modelOf, readDocument } from '../documents/read.ts';
import { claimVersion } from '../documents/version.ts';
import { InvalidStateError, NotFoundError } from '../errors.ts';
import { reviewStored } from '../review/counts.ts';
import type { Database, Trx } from '../schema.ts';
import { adjustmentsDb, OPEN_STATES, readAdjustment, type AdjustmentState, type AdjustmentWithContent } from './adjustments.ts';
import { AdjustmentError } from './errors.ts';

export type AdjustmentStep = 'submit' | 'withdraw' | 'return' | 'approve';

/** From which states each step may be taken, and where it leads. */
export const ADJUSTMENT_STEPS: Record<AdjustmentStep, { from: readonly AdjustmentState[]; to: AdjustmentState }> = {
  submit: { from: ['draft', 'returned'], to: 'submitted' },
  withdraw: { from: ['draft', 'submitted', 'returned'], to: 'withdrawn' },
  return: { from: ['submitted'], to: 'returned' },
  approve: { from: ['submitted'], to: 'approved' },
};

export interface AdjustmentInput {
  reason?: string;
  effectiveDate?: IsoDate;
  content?: TargetDocument;
}

/** The effective date must be a day of the document's budget year. */
function checkDate(date: IsoDate, year: number) {
  if (!isIsoDate(date) || !date.startsWith(`${year}-`))
    throw new AdjustmentError(422, 'invalid_effective_date', (m) => m.effectiveDate(date, year), { field: 'effectiveDate' });
}

function checkReason(reason: string) {
  if (reason.trim() === '') throw new AdjustmentError(422, 'reason_required', (m) => m.reasonRequired, { field: 'reason' });
}

/** The request's own summary for its audit entries. */
const auditOf = (a: Pick<AdjustmentWithContent, 'state' | 'reason' | 'effectiveDate' | 'version'> & { content?: TargetDocument }) => ({
  state: a.state,
  reason: a.reason,
  effectiveDate: a.effectiveDate,
  version: a.version,
  ...(a.content ? { content: summaryOf(a.content) } : {}),
});

/** Starts a request from the document's targets as approved now; one request per document is open at a time. */
export async function draftAdjustment(
  db: Kysely<Database>,
  actor: Actor,
  documentId: number,
  input: { reason: string; effectiveDate: IsoDate },
): Promise<AdjustmentWithContent> {
  return db.transaction().execute(async (trx) => {
    const doc = await trx
      .selectFrom('documents')
      .select(['status', 'version', 'year'])
      .where('id', '=', documentId)
      .forUpdate()
      .executeTakeFirst();
    if (!doc) throw new NotFoundError('document', documentId);
    if (!MONITORED.includes(doc.status)) throw new InvalidStateError(documentId, doc.status, 'adjust');
    checkReason(input.reason);
    checkDate(input.effectiveDate, doc.year);
    const a = adjustmentsDb(trx);
    const open = await a
      .selectFrom('adjustments')
      .select('number')
      .where('document_id', '=', documentId)
      .where('state', 'in', OPEN_STATES)
      .executeTakeFirst();
    if (open) throw new AdjustmentError(409, 'adjustment_open', (m) => m.open(open.number), { number: open.number });
    const last = await a
      .selectFrom('adjustments')
      .select((eb) => eb.fn.max('number').as('n'))
      .where('document_id', '=', documentId)
      .executeTakeFirst();
    const content = JSON.stringify(modelOf((await readDocument(trx, documentId))!));
    const { id } = await a
      .insertInto('adjustments')
      .values({
        document_id: documentId,
        number: Number(last?.n ?? 0) + 1,
        state: 'draft',
        reason: input.reason.trim(),
        effective_date: input.effectiveDate,
        base_version: doc.version,
        base_content: content,
        content,
        created_by: actor.id,
        created_by_name: actor.name,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = (await readAdjustment(trx, id))!;
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'adjustment',
      entityId: id,
      documentId,
      before: null,
      after: auditOf(created),
    });
    return created;
  });
}

/** Locks the request's row and checks its version and state. */
async function claim(trx: Trx, id: number, expected: number, allowed: readonly AdjustmentState[], step: string) {
  const row = await adjustmentsDb(trx)
    .selectFrom('adjustments')
    .select(['version', 'state'])
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new NotFoundError('adjustment', id);
  if (row.version !== expected) throw AdjustmentError.stale(row.version, expected);
  if (!allowed.includes(row.state)) throw AdjustmentError.state(row.state, step);
  return (await readAdjustment(trx, id))!;
}

/** Edits a draft (or returned) request: its reason, effective date or adjusted targets. A returned one becomes a draft again. */
export async function saveAdjustment(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  input: AdjustmentInput,
): Promise<AdjustmentWithContent> {
  return db.transaction().execute(async (trx) => {
    const before = await claim(trx, id, expected, ['draft', 'returned'], 'edit');
    const reason = input.reason ?? before.reason;
    const effectiveDate = input.effectiveDate ?? before.effectiveDate;
    const { year } = await trx.selectFrom('documents').select('year').where('id', '=', before.documentId).executeTakeFirstOrThrow();
    checkReason(reason);
    checkDate(effectiveDate, year);
    // The unit and year are the document's: a request changes targets, not whose they are.
    const content = input.content && { ...input.content, unit: before.baseContent.unit, year: before.baseContent.year };
    await adjustmentsDb(trx)
      .updateTable('adjustments')
      .set({
        reason: reason.trim(),
        effective_date: effectiveDate,
        ...(content ? { content: JSON.stringify(content) } : {}),
        state: 'draft',
        version: expected + 1,
        updated_at: new Date(),
      })
      .where('id', '=', id)
      .execute();
    const after = (await readAdjustment(trx, id))!;
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'adjustment',
      entityId: id,
      documentId: before.documentId,
      before: auditOf(before),
      after: auditOf({ ...after, ...(content ? { content } : {}) }),
    });
    return after;
  });
}

/**
 * Takes one step. Submitting reviews the adjusted targets with the bureau's settings and refuses
 * while errors remain, or when nothing was changed; returning needs a comment. Approving needs the
 * document still at the version the request was drafted from (else another change came first: 409)
 * and an effective date no earlier than the last approved adjustment's.
 */
export async function stepAdjustment(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  step: AdjustmentStep,
  comment?: string,
): Promise<AdjustmentWithContent> {
  const rule = ADJUSTMENT_STEPS[step];
  return db.transaction().execute(async (trx) => {
    const before = await claim(trx, id, expected, rule.from, step);
    const now = new Date();
    let approvedVersion: number | null = null;
    if (step === 'submit') {
      if (JSON.stringify(before.content) === JSON.stringify(before.baseContent))
        throw new AdjustmentError(422, 'unchanged', (m) => m.unchanged, { field: 'content' });
      const errors = (await reviewStored(trx, before.documentId, before.content)).findings.filter((f) => f.severity === 'error');
      if (errors.length > 0) throw AdjustmentError.reviewErrors(errors);
    }
    if (step === 'approve') approvedVersion = await adoptAdjustment(trx, actor, before);
    const decided = step === 'return' || step === 'approve';
    await adjustmentsDb(trx)
      .updateTable('adjustments')
      .set({
        state: rule.to,
        version: expected + 1,
        updated_at: now,
        ...(step === 'submit' ? { submitted_at: now, review_comment: null } : {}),
        ...(decided ? { decided_at: now, decided_by_name: actor.name, review_comment: comment ?? null } : {}),
        ...(approvedVersion !== null ? { approved_version: approvedVersion } : {}),
      })
      .where('id', '=', id)
      .execute();
    const after = (await readAdjustment(trx, id))!;
    await recordAudit(trx, actor, {
      action: step,
      entity: 'adjustment',
      entityId: id,
      documentId: before.documentId,
      before: auditOf(before),
      after: { ...auditOf(after), comment: comment ?? null },
    });
    return after;
  });
}

/** Writes an approved request's targets into its document as the next version; returns that version. */
async function adoptAdjustment(trx: Trx, actor: Actor, a: AdjustmentWithContent): Promise<number> {
  const { version, status } = await claimVersion(trx, a.documentId, a.baseVersion, MONITORED, 'adjust');
  const latest = await adjustmentsDb(trx)
    .selectFrom('adjustments')
    .select((eb) => eb.fn.max('effective_date').as('d'))
    .where('document_id', '=', a.documentId)
    .where('state', '=', 'approved')
    .executeTakeFirst();
  const previous = (latest?.d as IsoDate | null | undefined) ?? null;
  if (previous !== null && a.effectiveDate < previous)
    throw new AdjustmentError(422, 'effective_date_order', (m) => m.effectiveDateOrder(a.effectiveDate, previous), {
      field: 'effectiveDate',
    });
  // What hangs on its projects (事前绩效评估, 转移支付 breakdowns) stays with them: ../documents/project-attachments.ts.
  await overwriteContent(trx, a.documentId, a.content);
  // The adjusted targets are kept as the document's version, in the name of the unit that asked for them.
  await keepSubmissions(trx, { id: null, name: a.createdByName }, [
    { documentId: a.documentId, version, content: a.content, outcome: status as 'approved' | 'published' },
  ]);
  await refreshDocument(trx, a.documentId);
  await recordAudit(trx, actor, {
    action: 'adjust',
    entity: 'document',
    entityId: a.documentId,
    documentId: a.documentId,
    before: { version: a.baseVersion, ...summaryOf(a.baseContent) },
    after: { version, adjustment: a.number, effectiveDate: a.effectiveDate, ...summaryOf(a.content) },
  });
  return version;
}
