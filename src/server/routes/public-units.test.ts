/**
 * Units for the public filters, answered without a session: under a bureau (its sub-bureaus
 * included) and by text in the code or name. Runs on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../store/audit.ts';
import type { Store } from '../../store/database.ts';
import { createBureau, createUnit } from '../../store/organisation.ts';
import { buildApp } from '../app.ts';
import { TestClient, testDatabases } from '../testing.ts';

for (const make of testDatabases()) {
  const database = make();
  describe(`public units on ${database.name}`, () => {
    let store: Store;
    let close: () => Promise<void>;
    let visitor: TestClient;
    let city: number;
    let county: number;
    beforeAll(async () => {
      store = await database.open();
      const actor = systemActor('test');
      city = (await createBureau(store.db, actor, { code: '1307', name: '张家口市财政局', parentId: null })).id;
      county = (await createBureau(store.db, actor, { code: '130730', name: '怀来县财政局', parentId: city })).id;
      await createUnit(store.db, actor, { code: '307001', name: '张家口市教育局', bureauId: city });
      await createUnit(store.db, actor, { code: '315002', name: '怀来县司法局', bureauId: county });
      await createUnit(store.db, actor, { code: '315003', name: '怀来县教育局', bureauId: county });
      const { app } = await buildApp({ store, webRoot: null });
      visitor = new TestClient(app);
      close = async () => {
        await app.close();
        await store.close();
        await database.dispose();
      };
    }, 60_000);
    afterAll(() => close?.());

    const names = async (query: string) => {
      const r = await visitor.request('GET', `/api/public/units${query}`);
      expect(r.statusCode).toBe(200);
      const body = r.json<{ items: Array<{ name: string }>; total: { value: number } | null; nextCursor: string | null }>();
      return { names: body.items.map((u) => u.name), total: body.total?.value, next: body.nextCursor };
    };

    it('lists the units under a bureau and its sub-bureaus, by code, without signing in', async () => {
      expect(await names(`?bureauId=${city}`)).toEqual({ names: ['张家口市教育局', '怀来县司法局', '怀来县教育局'], total: 3, next: null });
      expect(await names(`?bureauId=${county}`)).toEqual({ names: ['怀来县司法局', '怀来县教育局'], total: 2, next: null });
    });

    it('finds units by text in the name or the code, and pages by cursor', async () => {
      expect((await names('?q=教育')).names).toEqual(['张家口市教育局', '怀来县教育局']);
      expect((await names('?q=315002')).names).toEqual(['怀来县司法局']);
      const first = await names(`?bureauId=${city}&limit=2`);
      expect(first).toMatchObject({ names: ['张家口市教育局', '怀来县司法局'], total: 3 });
      expect(await names(`?bureauId=${city}&limit=2&cursor=${first.next}`)).toEqual({
        names: ['怀来县教育局'],
        total: undefined,
        next: null,
      });
    });

    it('refuses a cursor it did not give out with 400 and a message in Chinese', async () => {
      for (const cursor of ['not-a-cursor', Buffer.from('["code","x","1"]').toString('base64url'), 'a%2Bb']) {
        const r = await visitor.request('GET', `/api/public/units?cursor=${cursor}`);
        expect(r.statusCode).toBe(400);
        expect(r.json()).toEqual({
          code: 'invalid_cursor',
          message: '翻页参数 cursor 无效（已损坏，或来自别的列表、别的排序）：请从第一页重新翻页。',
        });
      }
    });
  });
}
