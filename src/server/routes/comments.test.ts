/**
 * A document's comments come newest first a page at a time, with the total, however many there
 * are: a long review (more than the 1,000 a single answer used to stop at) loses none, and the
 * open ones the form shows at its fields can be read in full. Runs on PGlite and PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorld, type World } from '../fixture.testing.ts';
import { testDatabases } from '../testing.ts';

const MANY = 1_234;

type Page = {
  items: Array<{ id: number; body: string; resolvedAt: string | null; field: string | null; indicatorIndex: number | null }>;
  total: number;
  nextCursor: string | null;
};

for (const make of testDatabases()) {
  const database = make();
  describe(`comments past the first thousand on ${database.name}`, () => {
    let w: World;
    let ids: number[];
    let openIds: number[];
    beforeAll(async () => {
      w = await openWorld(database);
      const reviewer = await w.store.db.selectFrom('users').select('id').where('username', '=', 'huailai-czj').executeTakeFirstOrThrow();
      // One statement for all of them; every third resolved, every fifth on an indicator row's field.
      await sql`
        insert into comments (document_id, indicator_index, field, author_id, body, created_at, resolved_at, resolved_by)
        select ${w.draftId}, case when n % 5 = 0 then 1 end, case when n % 5 = 0 then 'basis' end, ${reviewer.id},
          '意见 ' || n, now() - (${MANY} - n) * interval '1 second',
          case when n % 3 = 0 then now() end, case when n % 3 = 0 then ${reviewer.id}::bigint end
        from generate_series(1, ${MANY}) as n`.execute(w.store.db);
      const rows = await w.store.db
        .selectFrom('comments')
        .select(['id', 'resolved_at'])
        .where('document_id', '=', w.draftId)
        .orderBy('id', 'desc')
        .execute();
      ids = rows.map((r) => Number(r.id));
      openIds = rows.filter((r) => r.resolved_at === null).map((r) => Number(r.id));
    }, 120_000);
    afterAll(() => w?.close());

    const pages = async (query: string, limit: number): Promise<Page[]> => {
      const out: Page[] = [];
      let cursor: string | null | undefined;
      do {
        const r = await w.clients.ownUnit.request(
          'GET',
          `/api/documents/${w.draftId}/comments?limit=${limit}${query}${cursor ? `&cursor=${cursor}` : ''}`,
        );
        expect(r.statusCode).toBe(200);
        out.push(r.json<Page>());
        cursor = out.at(-1)!.nextCursor;
        // Bounded: a server that never ends its pages fails here rather than loop on.
      } while (typeof cursor === 'string' && out.length < 100);
      expect(out.at(-1)!.nextCursor).toBeNull();
      return out;
    };

    it('pages through every comment, newest first, each page with the total', async () => {
      expect(ids).toHaveLength(MANY);
      const all = await pages('', 200);
      expect(all).toHaveLength(Math.ceil(MANY / 200));
      expect(all.every((p) => p.total === MANY)).toBe(true);
      expect(all.flatMap((p) => p.items.map((c) => c.id))).toEqual(ids);
      expect(all[0]!.items[0]!.body).toBe(`意见 ${MANY}`);
      expect(all.at(-1)!.items.at(-1)!.body).toBe('意见 1');
    });

    it('pages through the open ones alone, anchored ones included', async () => {
      const open = await pages('&open=true', 200);
      expect(open.every((p) => p.total === openIds.length)).toBe(true);
      const items = open.flatMap((p) => p.items);
      expect(items.map((c) => c.id)).toEqual(openIds);
      expect(items.every((c) => c.resolvedAt === null)).toBe(true);
      // n from 1 to MANY, on a row when n % 5 = 0, resolved when n % 3 = 0.
      const anchored = Array.from({ length: MANY }, (_, i) => i + 1).filter((n) => n % 5 === 0 && n % 3 !== 0).length;
      expect(items.filter((c) => c.field === 'basis' && c.indicatorIndex === 1)).toHaveLength(anchored);
    });

    it('gives 50 by default and refuses pages over 200', async () => {
      const first = (await w.clients.reviewer.request('GET', `/api/documents/${w.draftId}/comments`)).json<Page>();
      expect(first.items.map((c) => c.id)).toEqual(ids.slice(0, 50));
      const second = (
        await w.clients.reviewer.request('GET', `/api/documents/${w.draftId}/comments?cursor=${first.nextCursor}`)
      ).json<Page>();
      expect(second.items[0]!.id).toBe(ids[50]);
      expect((await w.clients.reviewer.request('GET', `/api/documents/${w.draftId}/comments?limit=201`)).statusCode).toBe(400);
    });

    it('puts a new comment first and counts it, and drops a resolved one from the open pages', async () => {
      const added = await w.clients.reviewer.request('POST', `/api/documents/${w.draftId}/comments`, { body: { body: '最新的意见' } });
      expect(added.statusCode).toBe(201);
      const first = (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}/comments?limit=1`)).json<Page>();
      expect(first).toMatchObject({ total: MANY + 1, items: [{ id: added.json().id, body: '最新的意见' }] });
      expect((await w.clients.ownUnit.request('POST', `/api/comments/${added.json().id}/resolve`)).statusCode).toBe(204);
      const open = (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}/comments?open=true&limit=1`)).json<Page>();
      expect(open.total).toBe(openIds.length);
      expect(open.items[0]!.id).toBe(openIds[0]);
    });
  });
}
