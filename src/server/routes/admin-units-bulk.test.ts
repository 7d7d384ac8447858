/**
 * An admin creates a province's bureaus and units at once, from a units file or JSON rows: all of
 * them or none, an error naming the row in Chinese; loading the same rows again creates nothing.
 * Runs on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorld, type World } from '../fixture.testing.ts';
import { testDatabases } from '../testing.ts';

const UNITS_CSV = `编码,名称,上级编码,类型
130731,涿鹿县财政局,1307,财政部门
316001,涿鹿县教育局,130731,预算单位
316002,涿鹿县卫生健康局,130731,单位
`;

for (const make of testDatabases()) {
  const database = make();
  describe(`bulk units on ${database.name}`, () => {
    let w: World;
    const count = async (table: 'units' | 'bureaus') =>
      Number(
        (
          await w.store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    beforeAll(async () => {
      w = await openWorld(database);
    }, 120_000);
    afterAll(() => w?.close());

    it('creates the bureaus and units of a units file, and nothing when they exist', async () => {
      const post = () => w.clients.admin.request('POST', '/api/admin/units/bulk?fileName=units.csv', { raw: Buffer.from(UNITS_CSV) });
      const first = await post();
      expect(first.statusCode).toBe(200);
      expect(first.json()).toEqual({ bureausCreated: 1, unitsCreated: 2, existing: 0 });
      const units = await count('units');
      expect((await post()).json()).toEqual({ bureausCreated: 0, unitsCreated: 0, existing: 3 });
      expect(await count('units')).toBe(units);
      const created = await w.store.db
        .selectFrom('units')
        .select(['code', 'name'])
        .where('code', 'like', '3160%')
        .orderBy('code')
        .execute();
      expect(created).toEqual([
        { code: '316001', name: '涿鹿县教育局' },
        { code: '316002', name: '涿鹿县卫生健康局' },
      ]);
    });

    it('refuses JSON rows with an error, naming the row in Chinese, and creates none of them', async () => {
      const before = [await count('units'), await count('bureaus')];
      const r = await w.clients.admin.request('POST', '/api/admin/units/bulk', {
        body: {
          rows: [
            { code: '130732', name: '阳原县财政局', parent: '1307', kind: '财政部门' },
            { code: '317001', name: '阳原县教育局', parent: '130799', kind: '预算单位' },
          ],
        },
      });
      expect(r.statusCode).toBe(422);
      expect(r.json().message).toContain('JSON 第 2 行 字段「上级编码」：上级编码“130799”既不在本文件的财政部门中，也不是已有的财政部门');
      expect([await count('units'), await count('bureaus')]).toEqual(before);
    });

    it('is for admins only, and is described in the API', async () => {
      const r = await w.clients.reviewer.request('POST', '/api/admin/units/bulk', { body: { rows: [] } });
      expect(r.statusCode).toBe(403);
      const spec = (await w.clients.anonymous.request('GET', '/api/openapi.json')).json();
      expect(spec.paths['/api/admin/units/bulk'].post.summary).toMatch(/^批量导入财政部门和预算单位/);
    });
  });
}
