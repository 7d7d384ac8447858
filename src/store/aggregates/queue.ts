/**
 * The durable queue of rebuilds too wide for the writing transaction (migration 0011's
 * `derived_work`): a bureau's documents after a change of its settings, a moved unit's documents,
 * documents bulk-loaded or stored before the aggregates existed. An item is claimed with a lease
 * (`claimed_until`) by `FOR UPDATE SKIP LOCKED`, so several workers — in one process or on several
 * servers — never take the same item, and an item whose worker died is taken again when its lease
 * runs out. Queuing an item again while it is being worked on moves its `generation` on: the worker
 * finishing the older round then releases it instead of deleting it, and it is done once more.
 */
import { sql } from 'kysely';
import type { Db, DerivedWorkTable } from '../schema.ts';

export interface WorkItem {
  kind: DerivedWorkTable['kind'];
  targetId: number;
  review: boolean;
  generation: number;
}

function enqueue(db: Db, rows: ReturnType<typeof sql>, review: boolean) {
  return sql`
    insert into derived_work (kind, target_id, bureau_id, review) ${rows}
    on conflict (kind, target_id) do update set
      review = derived_work.review or ${review}, bureau_id = excluded.bureau_id, generation = derived_work.generation + 1,
      enqueued_at = clock_timestamp()`.execute(db);
}

/** Queues the documents under a bureau (and the bureaus below); `review`: their findings are recounted too. */
export async function enqueueBureau(db: Db, bureauId: number, review: boolean): Promise<void> {
  await enqueue(db, sql`values ('bureau', ${bureauId}, ${bureauId}, ${review})`, review);
}

/** Queues the given documents; `review`: their findings are recounted too. */
export async function enqueueDocuments(db: Db, documentIds: readonly number[], review: boolean): Promise<void> {
  if (documentIds.length === 0) return;
  await enqueue(
    db,
    sql`select 'document', d.id, u.bureau_id, ${review} from documents d join units u on u.id = d.unit_id where d.id = any(${documentIds}::bigint[])`,
    review,
  );
}

/** Queues a unit's documents (its bureau changed: its figures count elsewhere now). */
export async function enqueueUnitDocuments(db: Db, unitId: number): Promise<void> {
  await enqueue(
    db,
    sql`select 'document', d.id, u.bureau_id, false from documents d join units u on u.id = d.unit_id where d.unit_id = ${unitId}`,
    false,
  );
}

/** Turns a bureau item into an item per document under it (in the caller's transaction). */
export async function expandBureau(db: Db, bureauId: number, review: boolean): Promise<void> {
  await enqueue(
    db,
    sql`select 'document', d.id, u.bureau_id, ${review} from documents d join units u on u.id = d.unit_id
      where u.bureau_id in (select descendant_id from bureau_tree where ancestor_id = ${bureauId})`,
    review,
  );
}

/**
 * Claims up to `limit` items, oldest first, that no one holds or whose lease ran out, for
 * `leaseSeconds`. Items another worker is claiming at this moment are skipped, not waited for.
 */
export async function claimWork(db: Db, worker: string, limit: number, leaseSeconds: number): Promise<WorkItem[]> {
  const { rows } = await sql<{ kind: WorkItem['kind']; target_id: number; review: boolean; generation: number }>`
    update derived_work w set claimed_by = ${worker}, claimed_until = now() + make_interval(secs => ${leaseSeconds})
    from (
      select kind, target_id from derived_work
      where claimed_until is null or claimed_until < now()
      order by enqueued_at
      limit ${limit}
      for update skip locked
    ) c
    where w.kind = c.kind and w.target_id = c.target_id
    returning w.kind, w.target_id, w.review, w.generation`.execute(db);
  return rows.map((r) => ({ kind: r.kind, targetId: r.target_id, review: r.review, generation: r.generation }));
}

/**
 * Ends the item's round in the transaction that did its work: deleted if it was not queued again
 * meanwhile, else released for another round. Returns false if the worker's lease was lost to
 * another worker (its work is then done again, which is harmless: every rebuild is idempotent).
 */
export async function completeWork(db: Db, worker: string, item: WorkItem): Promise<boolean> {
  const key = sql`kind = ${item.kind} and target_id = ${item.targetId} and claimed_by = ${worker}`;
  const deleted = await sql`delete from derived_work where ${key} and generation = ${item.generation}`.execute(db);
  if (Number(deleted.numAffectedRows ?? 0) > 0) return true;
  const released = await sql`update derived_work set claimed_by = null, claimed_until = null where ${key}`.execute(db);
  return Number(released.numAffectedRows ?? 0) > 0;
}

/**
 * How many queued items touch a list's scope (a bureau's subtree, a unit, or everything): what a
 * list may say is still being brought up to date — the documents queued in it, and the bureaus
 * queued above or in it. Counted by an index on the items' bureaus; one probe when the queue is empty.
 */
export async function pendingWork(db: Db, scope: { bureauId?: number; unitId?: number }): Promise<number> {
  const any = await db.selectFrom('derived_work').select('target_id').limit(1).executeTakeFirst();
  if (!any) return 0;
  const { bureauId, unitId } = scope;
  if (unitId === undefined && bureauId === undefined)
    return Number(
      (
        await db
          .selectFrom('derived_work')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const root = unitId !== undefined ? sql`(select bureau_id from units where id = ${unitId})` : sql`${bureauId}::bigint`;
  const documents =
    unitId !== undefined
      ? sql`target_id in (select id from documents where unit_id = ${unitId})`
      : sql`bureau_id in (select descendant_id from bureau_tree where ancestor_id = ${root})`;
  // Two counts, each an index lookup by bureau (an OR of the two would read the whole queue).
  const { rows } = await sql<{ n: number }>`
    select ((select count(*) from derived_work where kind = 'document' and ${documents})
      + (select count(*) from derived_work where kind = 'bureau' and bureau_id in (
          select ancestor_id from bureau_tree where descendant_id = ${root}
          union select descendant_id from bureau_tree where ancestor_id = ${root})))::int as n`.execute(db);
  return rows[0]!.n;
}
