/**
 * Transfer-payment funds (docs/transfer-payments.md): the upper bureau sets a fund's regional targets
 * and what goes to each lower bureau (设定, while a draft), then issues them (下达). Every write names
 * the version it is based on — a stale one changes nothing — and is audited with before and after.
 */
import type { Kysely } from 'kysely';
import { dec, sum } from '../../core/model/decimal.ts';
import type { AllocationContent, FundContent, FundIndicator } from '../../core/transfer/fund.ts';
import { exactSum } from '../amounts.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { firstPageTotal, keysetQuery, pageOf, type KeysetOrder, type Page, type PageRequest, type Total } from '../keyset.ts';
import type { Database, Db, Trx } from '../schema.ts';
import { TransferError } from './errors.ts';

export type FundState = 'draft' | 'issued';
export type AllocationState = 'issued' | 'accepted';

export interface FundSummary {
  id: number;
  version: number;
  state: FundState;
  year: number;
  code: string;
  name: string;
  department: string;
  amount: string;
  bureau: { id: number; name: string };
  issuedAt: Date | null;
}

export interface AllocationView {
  id: number;
  version: number;
  state: AllocationState;
  bureau: { id: number; name: string };
  amount: string;
  targets: string[];
}

export interface Fund extends FundSummary, FundContent {
  allocations: AllocationView[];
}

/** Who sees a fund: an admin all; a reviewer those its bureau (or one under it) set, and those issued to a bureau under it. */
export type FundScope = { all: true } | { bureauId: number };

export const FUNDS_ORDER: KeysetOrder = {
  name: 'year-id',
  keys: [
    { column: 'f.year', direction: 'desc', type: 'int' },
    { column: 'f.id', direction: 'desc', type: 'int' },
  ],
};

export async function listFunds(
  db: Db,
  scope: FundScope,
  filter: { year?: number },
  page: PageRequest,
): Promise<Page<FundSummary> & { total: Total | null }> {
  let q = db.selectFrom('transfer_funds as f').innerJoin('bureaus as b', 'b.id', 'f.bureau_id');
  if (filter.year !== undefined) q = q.where('f.year', '=', filter.year);
  if ('bureauId' in scope) {
    const root = scope.bureauId;
    q = q.where((eb) =>
      eb.or([
        eb('f.bureau_id', 'in', eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', root)),
        eb.and([
          eb('f.state', '=', 'issued'),
          eb.exists(
            eb
              .selectFrom('transfer_allocations as a')
              .innerJoin('bureau_tree as t', 't.descendant_id', 'a.bureau_id')
              .select('a.id')
              .whereRef('a.fund_id', '=', 'f.id')
              .where('t.ancestor_id', '=', root),
          ),
        ]),
      ]),
    );
  }
  const [rows, total] = await Promise.all([
    keysetQuery(
      q.select([
        'f.id',
        'f.version',
        'f.state',
        'f.year',
        'f.code',
        'f.name',
        'f.department',
        'f.amount',
        'f.bureau_id',
        'b.name as bureau_name',
        'f.issued_at',
      ]),
      FUNDS_ORDER,
      page,
    ).execute(),
    firstPageTotal(db, page, q),
  ]);
  return { ...pageOf(FUNDS_ORDER, page, rows, summaryOf), total };
}

const summaryOf = (r: {
  id: number;
  version: number;
  state: FundState;
  year: number;
  code: string;
  name: string;
  department: string;
  amount: string;
  bureau_id: number;
  bureau_name: string;
  issued_at: Date | null;
}): FundSummary => ({
  id: r.id,
  version: r.version,
  state: r.state,
  year: r.year,
  code: r.code,
  name: r.name,
  department: r.department,
  amount: r.amount,
  bureau: { id: r.bureau_id, name: r.bureau_name },
  issuedAt: r.issued_at,
});

export async function readFund(db: Db, id: number): Promise<Fund | undefined> {
  const r = await db
    .selectFrom('transfer_funds as f')
    .innerJoin('bureaus as b', 'b.id', 'f.bureau_id')
    .selectAll('f')
    .select('b.name as bureau_name')
    .where('f.id', '=', id)
    .executeTakeFirst();
  if (!r) return undefined;
  const allocations = await db
    .selectFrom('transfer_allocations as a')
    .innerJoin('bureaus as b', 'b.id', 'a.bureau_id')
    .select(['a.id', 'a.version', 'a.state', 'a.bureau_id', 'b.name', 'a.amount', 'a.targets'])
    .where('a.fund_id', '=', id)
    .orderBy('a.position')
    .execute();
  return {
    ...summaryOf(r),
    amountCentral: r.amount_central,
    amountLocal: r.amount_local,
    goal: r.goal,
    indicators: r.indicators as FundIndicator[],
    allocations: allocations.map((a) => ({
      id: a.id,
      version: a.version,
      state: a.state,
      bureau: { id: a.bureau_id, name: a.name },
      amount: a.amount,
      targets: a.targets as string[],
    })),
  };
}

function checkContent(c: FundContent): void {
  if (c.indicators.length === 0) throw TransferError.invalid('indicators', (m) => m.noIndicators);
  if (c.amountCentral !== null && c.amountLocal !== null && !sum([c.amountCentral, c.amountLocal]).equals(c.amount))
    throw TransferError.invalid('amountCentral', (m) => m.partsMismatch(c.amountCentral!, c.amountLocal!, c.amount));
}

/** Sets a new fund (a draft) for the actor's bureau; returns its id. */
export async function createFund(
  db: Kysely<Database>,
  actor: Actor,
  bureauId: number,
  content: FundContent,
): Promise<{ id: number; version: number }> {
  checkContent(content);
  return db.transaction().execute(async (trx) => {
    await assertCodeFree(trx, bureauId, content, null);
    const { id } = await trx
      .insertInto('transfer_funds')
      .values({ bureau_id: bureauId, ...columns(content), state: 'draft' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await recordAudit(trx, actor, { action: 'create', entity: 'transferFund', entityId: id, after: { bureauId, ...content } });
    return { id, version: 1 };
  });
}

const columns = (c: FundContent) => ({
  year: c.year,
  code: c.code,
  name: c.name,
  department: c.department,
  amount: c.amount,
  amount_central: c.amountCentral,
  amount_local: c.amountLocal,
  goal: c.goal,
  indicators: JSON.stringify(c.indicators),
});

async function assertCodeFree(trx: Trx, bureauId: number, c: FundContent, self: number | null): Promise<void> {
  let q = trx
    .selectFrom('transfer_funds')
    .select('id')
    .where('bureau_id', '=', bureauId)
    .where('year', '=', c.year)
    .where('code', '=', c.code);
  if (self !== null) q = q.where('id', '<>', self);
  if (await q.executeTakeFirst()) throw new TransferError('conflict', 'code_taken', (m) => m.codeTaken(c.code, c.year), { field: 'code' });
}

/** The fund's row locked, at the expected version and still a draft. */
async function lockDraft(trx: Trx, id: number, expected: number): Promise<Fund> {
  const row = await trx.selectFrom('transfer_funds').select(['version', 'state']).where('id', '=', id).forUpdate().executeTakeFirst();
  if (!row) throw TransferError.notFound('fund', id);
  if (row.version !== expected) throw TransferError.stale('fund', id, row.version, expected);
  if (row.state !== 'draft') throw TransferError.state('not_draft', (m) => m.notDraft);
  return (await readFund(trx, id))!;
}

const auditedFund = ({ allocations, ...f }: Fund) => ({
  ...f,
  allocations: allocations.map((a) => ({ bureauId: a.bureau.id, amount: a.amount, targets: a.targets })),
});

/**
 * Changes a draft fund and what goes to each region, whole: the regions must lie under the issuing
 * bureau, once each, with a 指标值 per row, and the money issued may not exceed the fund's.
 */
export async function updateFund(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  content: FundContent,
  allocations: readonly AllocationContent[],
): Promise<number> {
  checkContent(content);
  return db.transaction().execute(async (trx) => {
    const before = await lockDraft(trx, id, expected);
    await assertCodeFree(trx, before.bureau.id, content, id);
    const names = new Map(
      (
        await trx
          .selectFrom('bureaus as b')
          .innerJoin('bureau_tree as t', 't.descendant_id', 'b.id')
          .select(['b.id', 'b.name', 't.depth'])
          .where('t.ancestor_id', '=', before.bureau.id)
          .where('b.id', 'in', allocations.length > 0 ? allocations.map((a) => a.bureauId) : [-1])
          .execute()
      ).map((b) => [b.id, b]),
    );
    const seen = new Set<number>();
    for (const [i, a] of allocations.entries()) {
      const b = names.get(a.bureauId);
      const name = b?.name ?? String(a.bureauId);
      if (!b || b.depth === 0) throw TransferError.invalid(`allocations[${i}].bureauId`, (m) => m.notBelow(name));
      if (seen.has(a.bureauId)) throw TransferError.invalid(`allocations[${i}].bureauId`, (m) => m.duplicateRegion(name));
      seen.add(a.bureauId);
      if (a.targets.length !== content.indicators.length)
        throw TransferError.invalid(`allocations[${i}].targets`, (m) => m.targetsCount(name, content.indicators.length));
    }
    const allocated = exactSum(allocations.map((a) => a.amount));
    if (dec(allocated).gt(content.amount)) throw TransferError.invalid('allocations', (m) => m.overAllocated(allocated, content.amount));
    await trx
      .updateTable('transfer_funds')
      .set({ ...columns(content), version: expected + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('transfer_allocations').where('fund_id', '=', id).execute();
    if (allocations.length > 0)
      await trx
        .insertInto('transfer_allocations')
        .values(
          allocations.map((a, position) => ({
            fund_id: id,
            bureau_id: a.bureauId,
            position,
            amount: a.amount,
            targets: JSON.stringify(a.targets),
            state: 'issued' as const,
          })),
        )
        .execute();
    const after = (await readFund(trx, id))!;
    await recordAudit(trx, actor, {
      action: 'update',
      entity: 'transferFund',
      entityId: id,
      before: auditedFund(before),
      after: auditedFund(after),
    });
    return expected + 1;
  });
}

/** 下达: the draft goes to its regions as it stands; it needs at least one region. */
export async function issueFund(db: Kysely<Database>, actor: Actor, id: number, expected: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const before = await lockDraft(trx, id, expected);
    if (before.allocations.length === 0) throw TransferError.state('nothing_allocated', (m) => m.nothingAllocated);
    await trx
      .updateTable('transfer_funds')
      .set({ state: 'issued', version: expected + 1, issued_at: new Date(), updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'issue',
      entity: 'transferFund',
      entityId: id,
      before: { state: 'draft', version: expected },
      after: { state: 'issued', version: expected + 1, allocations: auditedFund(before).allocations },
    });
    return expected + 1;
  });
}
