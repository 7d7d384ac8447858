/**
 * The admin's account list names each account's unit or bureau itself, so that a province's list
 * (tens of thousands of units) never has to look names up in a page of units. Runs on PGlite and
 * PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorld, type World } from '../fixture.testing.ts';
import { expectSchema } from '../schema-check.testing.ts';
import { ListedUser, PageOf } from '../schemas.ts';
import { testDatabases } from '../testing.ts';

for (const make of testDatabases()) {
  const database = make();
  describe(`the account list on ${database.name}`, () => {
    let w: World;
    beforeAll(async () => {
      w = await openWorld(database);
    }, 120_000);
    afterAll(() => w?.close());

    it('gives each account the name of its unit or bureau, and none for an admin', async () => {
      const r = await w.clients.admin.request('GET', '/api/admin/users?limit=200');
      expect(r.statusCode).toBe(200);
      expectSchema(PageOf(ListedUser), r.json());
      const scope = Object.fromEntries(
        (r.json().items as Array<{ username: string; scopeName: string | null }>).map((u) => [u.username, u.scopeName]),
      );
      expect(scope).toEqual({
        admin: null,
        sifaju: '怀来县司法局',
        'huailai-czj': '怀来县财政局',
        'huaian-sfj': '怀安县司法局',
        'huaian-czj': '怀安县财政局',
        // Third-party evaluators (the demo's and the world's), under the bureau that commissioned them.
        'huailai-pingjia': '怀来县财政局',
        'pinggu-jigou': '怀来县财政局',
      });
    });

    it('finds accounts by name, with the same names', async () => {
      const r = await w.clients.admin.request('GET', `/api/admin/users?q=${encodeURIComponent('怀安')}`);
      expect(r.json()).toMatchObject({
        total: { value: 2, exact: true },
        nextCursor: null,
        items: [
          { username: 'huaian-czj', scopeName: '怀安县财政局' },
          { username: 'huaian-sfj', scopeName: '怀安县司法局' },
        ],
      });
    });
  });
}
