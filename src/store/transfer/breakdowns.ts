/**
 * The receiving side of a transfer-payment fund (docs/transfer-payments.md): a lower bureau accepts
 * what was issued to it and breaks it down to the projects of its units that spend the money — an
 * amount per project and, per fund row, the project's indicator row that carries it. Writes lock the
 * allocation's row (the breakdowns' money may not exceed it) and are audited with before and after.
 */
import type { Kysely } from 'kysely';
import { dec } from '../../core/model/decimal.ts';
import { exactSum } from '../amounts.ts';
import { recordAudit, type Actor } from '../audit.ts';
import { escapeLike } from '../organisation.ts';
import { firstPageTotal, keysetQuery, pageOf, type KeysetOrder, type Page, type PageRequest, type Total } from '../keyset.ts';
import type { Database, Db, Trx } from '../schema.ts';
import { TransferError } from './errors.ts';
import type { AllocationState } from './funds.ts';

export interface BreakdownContent {
  amount: string;
  /** Per fund row, the id of the project's indicator row that carries it, or null. */
  mapping: (number | null)[];
}

export interface BreakdownView extends BreakdownContent {
  id: number;
  version: number;
  allocationId: number;
  project: { id: number; documentId: number; code: string; name: string; unitName: string };
}

/** The allocation, its fund's year, issuing bureau and number of rows: who may act on it and what it must fit. */
export interface AllocationOwner {
  id: number;
  version: number;
  state: AllocationState;
  bureauId: number;
  amount: string;
  fundId: number;
  fundBureauId: number;
  fundState: 'draft' | 'issued';
  year: number;
  rows: number;
}

export async function allocationOwner(db: Db, id: number, lock = false): Promise<AllocationOwner | undefined> {
  let q = db
    .selectFrom('transfer_allocations as a')
    .innerJoin('transfer_funds as f', 'f.id', 'a.fund_id')
    .select([
      'a.id',
      'a.version',
      'a.state',
      'a.bureau_id',
      'a.amount',
      'f.id as fund_id',
      'f.bureau_id as fund_bureau_id',
      'f.state as fund_state',
      'f.year',
      'f.indicators',
    ])
    .where('a.id', '=', id);
  if (lock) q = q.forUpdate('a');
  const r = await q.executeTakeFirst();
  return (
    r && {
      id: r.id,
      version: r.version,
      state: r.state,
      bureauId: r.bureau_id,
      amount: r.amount,
      fundId: r.fund_id,
      fundBureauId: r.fund_bureau_id,
      fundState: r.fund_state,
      year: r.year,
      rows: (r.indicators as unknown[]).length,
    }
  );
}

/** The allocation locked, issued, at the expected version when one is given. */
async function lockIssued(trx: Trx, id: number, expected: number | null): Promise<AllocationOwner> {
  const a = await allocationOwner(trx, id, true);
  if (!a) throw TransferError.notFound('allocation', id);
  if (expected !== null && a.version !== expected) throw TransferError.stale('allocation', id, a.version, expected);
  if (a.fundState !== 'issued') throw TransferError.state('not_issued', (m) => m.notIssued);
  return a;
}

/** 接收: the receiving bureau acknowledges what was issued to it. */
export async function acceptAllocation(db: Kysely<Database>, actor: Actor, id: number, expected: number): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const a = await lockIssued(trx, id, expected);
    if (a.state === 'accepted') throw TransferError.state('already_accepted', (m) => m.alreadyAccepted);
    await trx
      .updateTable('transfer_allocations')
      .set({ state: 'accepted', version: expected + 1 })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, {
      action: 'accept',
      entity: 'transferAllocation',
      entityId: id,
      before: { state: a.state, version: expected },
      after: { state: 'accepted', version: expected + 1 },
    });
    return expected + 1;
  });
}

/** The project lies under the receiving bureau in the fund's year, and each mapped row is one of its own. */
async function checkProject(trx: Trx, a: AllocationOwner, projectId: number, c: BreakdownContent): Promise<void> {
  const inside = await trx
    .selectFrom('projects as p')
    .innerJoin('documents as d', 'd.id', 'p.document_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .innerJoin('bureau_tree as t', 't.descendant_id', 'u.bureau_id')
    .select('p.id')
    .where('p.id', '=', projectId)
    .where('d.year', '=', a.year)
    .where('t.ancestor_id', '=', a.bureauId)
    .executeTakeFirst();
  if (!inside) throw TransferError.invalid('projectId', (m) => m.projectOutside);
  if (c.mapping.length !== a.rows) throw TransferError.invalid('mapping', (m) => m.mappingCount(a.rows));
  const wanted = c.mapping.filter((x): x is number => x !== null);
  const own = new Set(
    wanted.length === 0
      ? []
      : (await trx.selectFrom('indicators').select('id').where('project_id', '=', projectId).where('id', 'in', wanted).execute()).map(
          (r) => r.id,
        ),
  );
  const stray = c.mapping.findIndex((x) => x !== null && !own.has(x));
  if (stray >= 0) throw TransferError.invalid(`mapping[${stray}]`, (m) => m.indicatorOutside(stray + 1));
}

/** The money of the allocation's breakdowns, with `changed` standing in for one of them (or added), within the allocation. */
async function checkMoney(trx: Trx, a: AllocationOwner, changed: { id: number | null; amount: string }): Promise<void> {
  let q = trx.selectFrom('transfer_breakdowns').select('amount').where('allocation_id', '=', a.id);
  if (changed.id !== null) q = q.where('id', '<>', changed.id);
  const total = exactSum([...(await q.execute()).map((r) => r.amount), changed.amount]);
  if (dec(total).gt(a.amount)) throw TransferError.invalid('amount', (m) => m.overBrokenDown(total, a.amount));
}

/** Adds a project to the allocation's breakdown; `expected` is the allocation's version, which moves. */
export async function addBreakdown(
  db: Kysely<Database>,
  actor: Actor,
  allocationId: number,
  expected: number,
  projectId: number,
  c: BreakdownContent,
): Promise<{ id: number; version: number; allocationVersion: number }> {
  return db.transaction().execute(async (trx) => {
    const a = await lockIssued(trx, allocationId, expected);
    await checkProject(trx, a, projectId, c);
    const taken = await trx
      .selectFrom('transfer_breakdowns')
      .select('id')
      .where('allocation_id', '=', allocationId)
      .where('project_id', '=', projectId)
      .executeTakeFirst();
    if (taken) throw new TransferError('conflict', 'project_taken', (m) => m.projectTaken, { field: 'projectId' });
    await checkMoney(trx, a, { id: null, amount: c.amount });
    const { id } = await trx
      .insertInto('transfer_breakdowns')
      .values({ allocation_id: allocationId, project_id: projectId, amount: c.amount, mapping: JSON.stringify(c.mapping) })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .updateTable('transfer_allocations')
      .set({ version: expected + 1 })
      .where('id', '=', allocationId)
      .execute();
    await recordAudit(trx, actor, {
      action: 'create',
      entity: 'transferBreakdown',
      entityId: id,
      after: { allocationId, projectId, ...c },
    });
    return { id, version: 1, allocationVersion: expected + 1 };
  });
}

async function lockBreakdown(trx: Trx, id: number, expected: number) {
  const b = await trx.selectFrom('transfer_breakdowns').selectAll().where('id', '=', id).executeTakeFirst();
  if (!b) throw TransferError.notFound('breakdown', id);
  const a = await lockIssued(trx, b.allocation_id, null);
  const current = await trx.selectFrom('transfer_breakdowns').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
  if (!current) throw TransferError.notFound('breakdown', id);
  if (current.version !== expected) throw TransferError.stale('breakdown', id, current.version, expected);
  return {
    a,
    before: { allocationId: current.allocation_id, projectId: current.project_id, amount: current.amount, mapping: current.mapping },
  };
}

export async function updateBreakdown(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  expected: number,
  c: BreakdownContent,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const { a, before } = await lockBreakdown(trx, id, expected);
    await checkProject(trx, a, before.projectId, c);
    await checkMoney(trx, a, { id, amount: c.amount });
    await trx
      .updateTable('transfer_breakdowns')
      .set({ amount: c.amount, mapping: JSON.stringify(c.mapping), version: expected + 1, updated_at: new Date() })
      .where('id', '=', id)
      .execute();
    await recordAudit(trx, actor, { action: 'update', entity: 'transferBreakdown', entityId: id, before, after: { ...before, ...c } });
    return expected + 1;
  });
}

export async function deleteBreakdown(db: Kysely<Database>, actor: Actor, id: number, expected: number): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const { before } = await lockBreakdown(trx, id, expected);
    await trx.deleteFrom('transfer_breakdowns').where('id', '=', id).execute();
    await recordAudit(trx, actor, { action: 'delete', entity: 'transferBreakdown', entityId: id, before });
  });
}

export async function breakdownAllocation(db: Db, id: number): Promise<number | undefined> {
  return (await db.selectFrom('transfer_breakdowns').select('allocation_id').where('id', '=', id).executeTakeFirst())?.allocation_id;
}

/** The breakdowns of a fund's allocations (of those given), with their projects. */
export async function readBreakdowns(db: Db, allocationIds: readonly number[]): Promise<BreakdownView[]> {
  if (allocationIds.length === 0) return [];
  const rows = await db
    .selectFrom('transfer_breakdowns as b')
    .innerJoin('projects as p', 'p.id', 'b.project_id')
    .innerJoin('documents as d', 'd.id', 'p.document_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .select([
      'b.id',
      'b.version',
      'b.allocation_id',
      'b.amount',
      'b.mapping',
      'p.id as project_id',
      'p.document_id',
      'p.code',
      'p.name',
      'u.name as unit_name',
    ])
    .where('b.allocation_id', 'in', [...allocationIds])
    .orderBy('b.allocation_id')
    .orderBy('p.code')
    .orderBy('b.id')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    version: r.version,
    allocationId: r.allocation_id,
    amount: r.amount,
    mapping: r.mapping as (number | null)[],
    project: { id: r.project_id, documentId: r.document_id, code: r.code, name: r.name, unitName: r.unit_name },
  }));
}

export interface CandidateProject {
  projectId: number;
  documentId: number;
  code: string;
  name: string;
  unitName: string;
  budgetTotal: string | null;
}

const CANDIDATES_ORDER: KeysetOrder = {
  name: 'code',
  keys: [
    { column: 'p.code', direction: 'asc', type: 'text' },
    { column: 'p.id', direction: 'asc', type: 'int' },
  ],
};

/** The projects an allocation may be broken down to: those of units under the receiving bureau in the fund's year. */
export async function candidateProjects(
  db: Db,
  a: Pick<AllocationOwner, 'bureauId' | 'year'>,
  q: string | undefined,
  page: PageRequest,
): Promise<Page<CandidateProject> & { total: Total | null }> {
  let query = db
    .selectFrom('projects as p')
    .innerJoin('documents as d', 'd.id', 'p.document_id')
    .innerJoin('units as u', 'u.id', 'd.unit_id')
    .where('d.year', '=', a.year)
    .where('u.bureau_id', 'in', (eb) => eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', a.bureauId));
  if (q) query = query.where('p.name', 'like', `%${escapeLike(q)}%`);
  const [rows, total] = await Promise.all([
    keysetQuery(
      query.select(['p.id', 'p.document_id', 'p.code', 'p.name', 'p.budget_total', 'u.name as unit_name']),
      CANDIDATES_ORDER,
      page,
    ).execute(),
    firstPageTotal(db, page, query),
  ]);
  return {
    ...pageOf(CANDIDATES_ORDER, page, rows, (r) => ({
      projectId: r.id,
      documentId: r.document_id,
      code: r.code,
      name: r.name,
      unitName: r.unit_name,
      budgetTotal: r.budget_total,
    })),
    total,
  };
}

export interface ProjectTransfer {
  breakdownId: number;
  amount: string;
  fund: { id: number; year: number; code: string; name: string; department: string; bureauName: string };
  region: string;
}

/** Which funds a project spends: what a unit sees of the transfers broken down to its project. */
export async function projectTransfers(db: Db, projectId: number): Promise<ProjectTransfer[]> {
  const rows = await db
    .selectFrom('transfer_breakdowns as b')
    .innerJoin('transfer_allocations as a', 'a.id', 'b.allocation_id')
    .innerJoin('transfer_funds as f', 'f.id', 'a.fund_id')
    .innerJoin('bureaus as fb', 'fb.id', 'f.bureau_id')
    .innerJoin('bureaus as ab', 'ab.id', 'a.bureau_id')
    .select([
      'b.id',
      'b.amount',
      'f.id as fund_id',
      'f.year',
      'f.code',
      'f.name',
      'f.department',
      'fb.name as fund_bureau',
      'ab.name as region',
    ])
    .where('b.project_id', '=', projectId)
    .orderBy('f.id')
    .execute();
  return rows.map((r) => ({
    breakdownId: r.id,
    amount: r.amount,
    fund: { id: r.fund_id, year: r.year, code: r.code, name: r.name, department: r.department, bureauName: r.fund_bureau },
    region: r.region,
  }));
}
