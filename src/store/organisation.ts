/**
 * Finance bureaus (nesting 省 → 市 → 县) and the budget units under them. The bureau tree keeps a
 * closure table (every ancestor/descendant pair), so "under this bureau, including sub-bureaus" is
 * one indexed join.
 */
import type { Kysely, Transaction } from 'kysely';
import { enqueueUnitDocuments } from './aggregates/queue.ts';
import { recordAudit, type Actor } from './audit.ts';
import { ConflictError, InvalidInputError, NotFoundError } from './errors.ts';
import { firstPageTotal, keysetQuery, pageOf, type KeysetOrder, type Page, type PageRequest, type Total } from './keyset.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface Bureau {
  id: number;
  code: string;
  name: string;
  parentId: number | null;
}
export interface Unit {
  id: number;
  code: string;
  name: string;
  bureauId: number;
}

export async function createBureau(db: Kysely<Database>, actor: Actor, b: Omit<Bureau, 'id'>): Promise<Bureau> {
  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('bureaus').select('id').where('code', '=', b.code).executeTakeFirst())
      throw new ConflictError('bureau', b.code);
    if (b.parentId !== null && !(await bureau(trx, b.parentId))) throw new NotFoundError('bureau', b.parentId);
    const { id } = await trx
      .insertInto('bureaus')
      .values({ code: b.code, name: b.name, parent_id: b.parentId })
      .returning('id')
      .executeTakeFirstOrThrow();
    await trx
      .insertInto('bureau_tree')
      .columns(['ancestor_id', 'descendant_id', 'depth'])
      .expression((eb) =>
        eb
          .selectFrom('bureau_tree')
          .select((e) => ['ancestor_id', e.val(id).as('descendant_id'), e(e.ref('depth'), '+', 1).as('depth')])
          .where('descendant_id', '=', b.parentId ?? -1),
      )
      .execute();
    await trx.insertInto('bureau_tree').values({ ancestor_id: id, descendant_id: id, depth: 0 }).execute();
    const created = { id, ...b };
    await recordAudit(trx, actor, { action: 'create', entity: 'bureau', entityId: id, after: created });
    return created;
  });
}

/** Renames a bureau (moving one in the tree is not offered: documents and accounts hang on it). */
export async function renameBureau(db: Kysely<Database>, actor: Actor, id: number, name: string): Promise<Bureau> {
  return db.transaction().execute(async (trx) => {
    const before = await bureau(trx, id);
    if (!before) throw new NotFoundError('bureau', id);
    await trx.updateTable('bureaus').set({ name }).where('id', '=', id).execute();
    const after = { ...before, name };
    await recordAudit(trx, actor, { action: 'update', entity: 'bureau', entityId: id, before, after });
    return after;
  });
}

export async function bureau(db: Db, id: number): Promise<Bureau | undefined> {
  const r = await db.selectFrom('bureaus').select(['id', 'code', 'name', 'parent_id']).where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, code: r.code, name: r.name, parentId: r.parent_id };
}

/** A bureau and everything under it (null: the whole tree), ordered by depth then code (a bureau tree is at most a few thousand rows). */
export async function bureausUnder(db: Db, rootId: number | null): Promise<Array<Bureau & { depth: number }>> {
  let q = db
    .selectFrom('bureaus as b')
    .innerJoin('bureau_tree as t', 't.descendant_id', 'b.id')
    .select(['b.id', 'b.code', 'b.name', 'b.parent_id', 't.depth']);
  q =
    rootId === null
      ? q.where('t.ancestor_id', 'in', (eb) => eb.selectFrom('bureaus').select('id').where('parent_id', 'is', null))
      : q.where('t.ancestor_id', '=', rootId);
  const rows = await q.orderBy('t.depth').orderBy('b.code').execute();
  return rows.map((r) => ({ id: r.id, code: r.code, name: r.name, parentId: r.parent_id, depth: r.depth }));
}

/** Whether `descendant` is `ancestor` or lies under it. */
export async function isUnder(db: Db, descendant: number, ancestor: number): Promise<boolean> {
  const r = await db
    .selectFrom('bureau_tree')
    .select('depth')
    .where('ancestor_id', '=', ancestor)
    .where('descendant_id', '=', descendant)
    .executeTakeFirst();
  return r !== undefined;
}

export async function createUnit(db: Kysely<Database>, actor: Actor, u: Omit<Unit, 'id'>): Promise<Unit> {
  if (!/^\S+$/.test(u.code)) throw new InvalidInputError('unit code');
  return db.transaction().execute(async (trx) => {
    if (await trx.selectFrom('units').select('id').where('code', '=', u.code).executeTakeFirst()) throw new ConflictError('unit', u.code);
    if (!(await bureau(trx, u.bureauId))) throw new NotFoundError('bureau', u.bureauId);
    const { id } = await trx
      .insertInto('units')
      .values({ code: u.code, name: u.name, bureau_id: u.bureauId })
      .returning('id')
      .executeTakeFirstOrThrow();
    const created = { id, ...u };
    await recordAudit(trx, actor, { action: 'create', entity: 'unit', entityId: id, after: created });
    return created;
  });
}

export async function updateUnit(
  db: Kysely<Database>,
  actor: Actor,
  id: number,
  changes: { name?: string; bureauId?: number },
): Promise<Unit> {
  return db.transaction().execute(async (trx) => {
    const before = await unit(trx, id);
    if (!before) throw new NotFoundError('unit', id);
    if (changes.bureauId !== undefined && !(await bureau(trx, changes.bureauId))) throw new NotFoundError('bureau', changes.bureauId);
    const after = { ...before, ...changes };
    await trx.updateTable('units').set({ name: after.name, bureau_id: after.bureauId }).where('id', '=', id).execute();
    if (after.bureauId !== before.bureauId) await enqueueUnitDocuments(trx, id);
    await recordAudit(trx, actor, { action: 'update', entity: 'unit', entityId: id, before, after });
    return after;
  });
}

export async function unit(db: Db, id: number): Promise<Unit | undefined> {
  const r = await db.selectFrom('units').select(['id', 'code', 'name', 'bureau_id']).where('id', '=', id).executeTakeFirst();
  return r && { id: r.id, code: r.code, name: r.name, bureauId: r.bureau_id };
}

export async function unitByCode(db: Db, code: string): Promise<Unit | undefined> {
  const r = await db.selectFrom('units').select(['id', 'code', 'name', 'bureau_id']).where('code', '=', code).executeTakeFirst();
  return r && { id: r.id, code: r.code, name: r.name, bureauId: r.bureau_id };
}

const UNITS_BY_CODE: KeysetOrder = {
  name: 'code',
  keys: [
    { column: 'u.code', direction: 'asc', type: 'text' },
    { column: 'u.id', direction: 'asc', type: 'int' },
  ],
};

/** Units under a bureau (including sub-bureaus), optionally matching a name or code, by code, a page at a time. */
export async function listUnits(
  db: Db,
  filter: { bureauId?: number; q?: string },
  page: PageRequest,
): Promise<Page<Unit> & { total: Total | null }> {
  let q = db.selectFrom('units as u');
  if (filter.bureauId !== undefined) {
    const root = filter.bureauId;
    q = q.where('u.bureau_id', 'in', (eb) => eb.selectFrom('bureau_tree').select('descendant_id').where('ancestor_id', '=', root));
  }
  if (filter.q) {
    const like = `%${escapeLike(filter.q)}%`;
    q = q.where((eb) => eb.or([eb('u.name', 'like', like), eb('u.code', 'like', like)]));
  }
  const [rows, total] = await Promise.all([
    keysetQuery(q.select(['u.id', 'u.code', 'u.name', 'u.bureau_id']), UNITS_BY_CODE, page).execute(),
    firstPageTotal(db, page, q),
  ]);
  return { ...pageOf(UNITS_BY_CODE, page, rows, (r) => ({ id: r.id, code: r.code, name: r.name, bureauId: r.bureau_id })), total };
}

/** LIKE treats % and _ as wildcards; a search for "10%" means the text. */
export const escapeLike = (s: string) => s.replace(/[\\%_]/g, (c) => `\\${c}`);
