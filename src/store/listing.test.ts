/**
 * Paging by cursor: the pages of every list and order concatenate to the whole ordered set — no row
 * twice, none missing — with many rows sharing a sort key (down to the microsecond), with rows
 * inserted between two fetches, and within the caller's scope on every page. Runs on PGlite and PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listUsers } from './accounts.ts';
import type { Store } from './database.ts';
import { InvalidCursorError } from './errors.ts';
import { COUNT_CAP, type Page, type Total } from './keyset.ts';
import { DOCUMENT_SORTS, listDocuments, listProjects, type DocumentSort, type ListFilter, type ListScope } from './listing.ts';
import { listUnits } from './organisation.ts';
import type { DocumentStatus } from './schema.ts';
import { testDatabases } from './testing.ts';

const STATUSES: DocumentStatus[] = ['draft', 'submitted', 'returned', 'approved', 'published'];
/** Three instants a microsecond apart and one apart from them: most documents share one with others. */
const STAMPS = [
  '2026-02-01 12:00:00.123456+00',
  '2026-02-01 12:00:00.123457+00',
  '2026-02-01 12:00:00.123456+00',
  '2026-03-01 08:00:00+00',
];

/** Every page of a list, from the first, `limit` rows at a time, calling `between` after each fetch. */
async function walk<T>(
  read: (cursor: string | undefined) => Promise<Page<T> & { total: Total | null }>,
  between: (pageIndex: number) => Promise<void> = async () => {},
): Promise<{ items: T[]; pages: number; totals: (Total | null)[] }> {
  const items: T[] = [];
  const totals: (Total | null)[] = [];
  let cursor: string | undefined;
  for (let pages = 1; ; pages++) {
    const page = await read(cursor);
    items.push(...page.items);
    totals.push(page.total);
    await between(pages);
    if (page.nextCursor === null) return { items, pages, totals };
    // Bounded: a cursor that leads back to rows already shown fails here rather than loop on.
    if (pages > 1000) throw new Error(`no last page after ${pages} pages`);
    cursor = page.nextCursor;
  }
}

interface Row {
  id: number;
  unitCode: string;
  bureau: string;
  year: number;
  status: DocumentStatus;
  /** updated_at in microseconds since 1970. */
  micros: number;
}

const cmp = (a: number | string, b: number | string) => (a < b ? -1 : a > b ? 1 : 0);
const expectedOrder: Record<DocumentSort, (a: Row, b: Row) => number> = {
  unit: (a, b) => cmp(a.unitCode, b.unitCode) || cmp(b.year, a.year) || cmp(a.id, b.id),
  '-year': (a, b) => cmp(b.year, a.year) || cmp(b.id, a.id),
  '-updated': (a, b) => cmp(b.micros, a.micros) || cmp(b.id, a.id),
  updated: (a, b) => cmp(a.micros, b.micros) || cmp(a.id, b.id),
};

for (const make of testDatabases()) {
  const database = make();
  describe(`paging by cursor on ${database.name}`, () => {
    let store: Store;
    const bureau: Record<string, number> = {};

    const insertUnit = async (code: string, bureauCode: string) =>
      (
        await store.db
          .insertInto('units')
          .values({ code, name: `单位${code}`, bureau_id: bureau[bureauCode]! })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;

    const insertDocument = async (unitId: number, year: number, status: DocumentStatus, stamp: string) => {
      const { id } = await store.db
        .insertInto('documents')
        .values({ unit_id: unitId, year, status, unit_name_as_written: '', updated_at: sql<Date>`cast(${stamp} as timestamptz)` })
        .returning('id')
        .executeTakeFirstOrThrow();
      await store.db
        .insertInto('projects')
        .values(
          [1, 2, 3].map((position) => ({
            document_id: id,
            position,
            code: `${id}-${position}`,
            name: position === 2 ? '对外援助项目' : `项目${position}`,
            unit_name_as_written: '',
            amount_unit: '万元' as const,
            use_of_funds: '',
          })),
        )
        .execute();
      return id;
    };

    /** All documents as the test knows them, read without the code under test. */
    const allRows = async (): Promise<Row[]> =>
      (
        await sql<Row>`select d.id, u.code as "unitCode", b.code as bureau, d.year, d.status,
            (extract(epoch from d.updated_at) * 1000000)::bigint as micros
          from documents d join units u on u.id = d.unit_id join bureaus b on b.id = u.bureau_id`.execute(store.db)
      ).rows;

    beforeAll(async () => {
      store = await database.open();
      for (const [code, parent] of [
        ['13', null],
        ['1301', '13'],
        ['1302', '13'],
        ['1399', null],
      ] as const) {
        bureau[code] = (
          await store.db
            .insertInto('bureaus')
            .values({ code, name: `财政局${code}`, parent_id: parent === null ? null : bureau[parent]! })
            .returning('id')
            .executeTakeFirstOrThrow()
        ).id;
      }
      await store.db
        .insertInto('budget_years')
        .values([2020, 2021, 2022].map((year) => ({ year })))
        .execute();
      await sql`insert into bureau_tree (ancestor_id, descendant_id, depth)
        select id, id, 0 from bureaus union all
        select parent_id, id, 1 from bureaus where parent_id is not null`.execute(store.db);
      let n = 0;
      for (const [bureauCode, count] of [
        ['1301', 7],
        ['1302', 5],
      ] as const) {
        for (let i = 1; i <= count; i++) {
          const unitId = await insertUnit(`${bureauCode}-${String(i).padStart(2, '0')}`, bureauCode);
          for (const year of [2020, 2021]) {
            await insertDocument(unitId, year, STATUSES[n % STATUSES.length]!, STAMPS[n % STAMPS.length]!);
            n++;
          }
        }
      }
      await store.db
        .insertInto('users')
        .values(
          ['zhao', 'qian', 'sun', 'li', 'zhou', 'wu', 'zheng', 'wang'].map((username) => ({
            username,
            display_name: username,
            password_hash: 'x',
            role: 'admin' as const,
          })),
        )
        .execute();
    }, 60_000);
    afterAll(async () => {
      await store?.close();
      await database.dispose();
    });

    const matches = (scope: ListScope, f: ListFilter) => (r: Row) =>
      (!('bureauId' in scope) || r.bureau === '1301') &&
      (!('publishedOnly' in scope) || r.status === 'published') &&
      (f.year === undefined || r.year === f.year) &&
      (f.status === undefined || f.status.includes(r.status));

    const cases: Array<[string, () => ListScope, ListFilter]> = [
      ['everything, for an admin', () => ({ all: true }), {}],
      ['one year', () => ({ all: true }), { year: 2021 }],
      ['a reviewer’s bureau, two statuses', () => ({ bureauId: bureau['1301']! }), { status: ['draft', 'submitted'] }],
      ['published only', () => ({ publishedOnly: true }), {}],
    ];
    for (const sort of DOCUMENT_SORTS)
      for (const [name, scope, f] of cases)
        it(`documents by ${sort}, ${name}: the pages make the whole ordered set, each row once`, async () => {
          const expected = (await allRows()).filter(matches(scope(), f)).sort(expectedOrder[sort]);
          expect(expected.length).toBeGreaterThan(3);
          const { items, pages, totals } = await walk((cursor) => listDocuments(store.db, scope(), f, { limit: 3, cursor, sort }));
          expect(items.map((d) => d.id)).toEqual(expected.map((r) => r.id));
          // The row past the page tells whether another follows: no empty last page.
          expect(pages).toBe(Math.ceil(expected.length / 3));
          expect(totals[0]).toEqual({ value: expected.length, exact: true });
          expect(totals.slice(1).every((t) => t === null)).toBe(true);
        });

    it('a reviewer sees only their bureau’s documents on every page', async () => {
      const { items } = await walk((cursor) => listDocuments(store.db, { bureauId: bureau['1302']! }, {}, { limit: 2, cursor }));
      expect(items.length).toBe(10);
      expect(new Set(items.map((d) => d.unitCode.slice(0, 4)))).toEqual(new Set(['1302']));
    });

    it('rows inserted between two fetches: none seen twice, none missed; those after the cursor appear in order', async () => {
      const docOf = async (code: string) => {
        const unit = await store.db.selectFrom('units').select('id').where('code', '=', code).executeTakeFirst();
        return insertDocument(unit?.id ?? (await insertUnit(code, code.slice(0, 4))), 2022, 'draft', STAMPS[0]!);
      };
      const id: Record<string, number> = {};
      for (const code of ['1301-03', '1301-05', '1302-02', '1302-04']) id[code] = await docOf(code);
      const { items } = await walk(
        (cursor) => listDocuments(store.db, { all: true }, { year: 2022 }, { limit: 2, cursor }),
        async (page) => {
          // The first page showed 1301-03 and 1301-05: one unit sorts before them, two after.
          if (page === 1) for (const code of ['1301-01a', '1301-06', '1302-98']) id[code] = await docOf(code);
        },
      );
      expect(items.map((d) => d.unitCode)).toEqual(['1301-03', '1301-05', '1301-06', '1302-02', '1302-04', '1302-98']);
      expect(items.map((d) => d.id)).toEqual(['1301-03', '1301-05', '1301-06', '1302-02', '1302-04', '1302-98'].map((c) => id[c]));
    });

    it('projects page by unit, then their place in the document, each once', async () => {
      const all = await walk((cursor) => listProjects(store.db, { bureauId: bureau['1301']! }, { year: 2020 }, { limit: 4, cursor }));
      const expected = (
        await store.db
          .selectFrom('projects as p')
          .innerJoin('documents as d', 'd.id', 'p.document_id')
          .innerJoin('units as u', 'u.id', 'd.unit_id')
          .select(['p.id', 'u.code', 'p.position'])
          .where('d.year', '=', 2020)
          .where('u.code', 'like', '1301-%')
          .execute()
      ).sort((a, b) => cmp(a.code, b.code) || cmp(a.position, b.position));
      expect(all.items.map((p) => p.id)).toEqual(expected.map((p) => p.id));
      const found = await walk((cursor) => listProjects(store.db, { all: true }, { q: '援助' }, { limit: 5, cursor }));
      expect(found.items.every((p) => p.name === '对外援助项目')).toBe(true);
      expect(found.items.length).toBe((await allRows()).length);
    });

    it('units and accounts page by code and username', async () => {
      const units = await walk((cursor) => listUnits(store.db, {}, { limit: 3, cursor }));
      const codes = units.items.map((u) => u.code);
      expect(codes).toEqual([...codes].sort());
      expect(codes.length).toBe(await countOf('units'));
      const users = await walk((cursor) => listUsers(store.db, {}, { limit: 3, cursor }));
      expect(users.items.map((u) => u.username)).toEqual(['li', 'qian', 'sun', 'wang', 'wu', 'zhao', 'zheng', 'zhou']);
    });

    const countOf = async (table: 'units') =>
      Number(
        (
          await store.db
            .selectFrom(table)
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );

    it('refuses a cursor of another list or order, or a damaged one', async () => {
      const first = await listDocuments(store.db, { all: true }, {}, { limit: 2, sort: '-updated' });
      const cursor = first.nextCursor!;
      await expect(listDocuments(store.db, { all: true }, {}, { limit: 2, cursor, sort: 'unit' })).rejects.toThrow(InvalidCursorError);
      await expect(listUnits(store.db, {}, { limit: 2, cursor })).rejects.toThrow(InvalidCursorError);
      await expect(listDocuments(store.db, { all: true }, {}, { limit: 2, cursor: cursor.slice(0, -3), sort: '-updated' })).rejects.toThrow(
        InvalidCursorError,
      );
    });

    it(`counts up to ${COUNT_CAP} and says when there are more`, async () => {
      await sql`insert into units (code, name, bureau_id)
        select 'X' || lpad(i::text, 5, '0'), '单位', ${bureau['1399']!} from generate_series(1, ${COUNT_CAP + 1}) i`.execute(store.db);
      const page = await listUnits(store.db, { bureauId: bureau['1399']! }, { limit: 10 });
      expect(page.total).toEqual({ value: COUNT_CAP, exact: false });
      expect(page.items.map((u) => u.code)).toEqual(Array.from({ length: 10 }, (_, i) => `X${String(i + 1).padStart(5, '0')}`));
    });
  });
}
