/**
 * The aggregates kept on write give what reads computed before them (./reference.testing.ts) —
 * the dashboards' groups, grades and bands, findings per rule, totals per scope, the warning list
 * and its counts — on a small province, after approvals, actuals written one by one and imported,
 * changes of status, a settings change (once the queue is drained) and a unit moved to another
 * bureau. On PGlite and PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { IsoDate } from '../../core/actuals/calendar.ts';
import { emptyProjectActuals } from '../../core/actuals/actuals.ts';
import { DEFAULT_MONITORING_SETTINGS } from '../../core/monitoring/settings.ts';
import { generateDocuments } from '../../core/model/generate.ts';
import { DEFAULT_REVIEW_SETTINGS } from '../../core/review/settings.ts';
import { commitImport } from '../actuals/import.ts';
import { frequentFindings, groupFigures, scoreFigures, warningList } from '../actuals/lists.ts';
import { createRecord } from '../actuals/write.ts';
import { createUser } from '../accounts.ts';
import { systemActor, type Actor } from '../audit.ts';
import type { Store } from '../database.ts';
import { createDocument } from '../documents/create.ts';
import type { ListScope } from '../listing.ts';
import { createBureau, createUnit, updateUnit } from '../organisation.ts';
import { putBureauSettings } from '../settings.ts';
import { testDatabases, type TestDatabase } from '../testing.ts';
import { transition } from '../workflow.ts';
import { claimWork } from './queue.ts';
import { rebuildAggregates } from './rebuild.ts';
import { amount, referenceFindings, referenceGroups, referenceScores, referenceTotals, referenceWarnings } from './reference.testing.ts';
import { bureauTotals } from './totals.ts';
import { runWorkItem } from './work.ts';

const actor = systemActor('test');
const YEAR = 2032;
const DATES: IsoDate[] = ['2032-01-01', '2032-03-31', '2032-04-15', '2032-06-30', '2032-09-30', '2032-12-31'];
const contents = generateDocuments({ seed: 14, units: 6, projectsPerUnit: [2, 5], year: YEAR });

for (const make of testDatabases()) {
  const database: TestDatabase = make();
  describe(`aggregates kept on write on ${database.name}`, () => {
    let store: Store;
    const b = { province: 0, city: 0, county: 0, other: 0 };
    const units: number[] = [];
    const docs: number[] = [];
    const versions = new Map<number, number>();

    let reviewer: Actor;
    const step = async (i: number, s: Parameters<typeof transition>[4]) => {
      const r = await transition(store.db, reviewer, docs[i]!, versions.get(docs[i]!)!, s, s === 'return' ? { body: '请修改' } : undefined);
      versions.set(docs[i]!, r.version);
    };
    const projectsOf = (i: number) =>
      store.db.selectFrom('projects').select(['id', 'code']).where('document_id', '=', docs[i]!).orderBy('position').execute();
    const drain = async () => {
      for (;;) {
        const items = await claimWork(store.db, 'test', 50, 60);
        if (items.length === 0) return;
        for (const item of items) await runWorkItem(store.db, 'test', item);
      }
    };

    /** Every figure, for every bureau, date and scope, against the read-time computation. */
    const expectAsComputedAtRead = async () => {
      for (const bureauId of Object.values(b)) {
        expect(await scoreFigures(store.db, bureauId, YEAR)).toEqual(await referenceScores(store.db, bureauId, YEAR));
        expect(await frequentFindings(store.db, bureauId, YEAR, 1000)).toEqual(await referenceFindings(store.db, bureauId, YEAR));
        for (const date of DATES) {
          const groups = (await groupFigures(store.db, bureauId, YEAR, date)).map((g) => ({
            kind: g.kind,
            id: g.id,
            budget: amount(g.budget),
            spent: amount(g.spent),
            plannedAmount: amount(g.plannedAmount),
            lights: g.lights,
            unreported: g.unreported,
          }));
          expect({ bureauId, date, groups }).toEqual({ bureauId, date, groups: await referenceGroups(store.db, bureauId, YEAR, date) });
        }
      }
      const scopes: ListScope[] = [{ all: true }, { bureauId: b.county }, { unitId: units[1]! }, { publishedOnly: true }];
      for (const scope of scopes) {
        for (const bureauId of [b.province, b.city]) {
          const totals = (await bureauTotals(store.db, bureauId, YEAR, scope)).map(({ bureauName: _, ...t }) => ({
            ...t,
            budgetTotal: amount(t.budgetTotal),
          }));
          expect({ scope, totals }).toEqual({ scope, totals: await referenceTotals(store.db, bureauId, YEAR, scope) });
        }
        for (const date of DATES)
          for (const filter of [{}, { bureauId: b.city }, { unitId: units[2]! }]) {
            const f = { year: YEAR, date, ...filter };
            const expected = await referenceWarnings(store.db, scope, f);
            const pages: number[] = [];
            let page = await warningList(store.db, scope, { ...f, limit: 3 });
            expect({ scope, f, counts: page.lightCounts }).toEqual({ scope, f, counts: expected.lightCounts });
            for (;;) {
              pages.push(...page.items.map((i) => i.projectId));
              if (page.nextCursor === null) break;
              page = await warningList(store.db, scope, { ...f, limit: 3, cursor: page.nextCursor });
            }
            expect({ scope, f, pages }).toEqual({ scope, f, pages: expected.projectIds });
          }
      }
    };

    beforeAll(async () => {
      store = await database.open();
      b.province = (await createBureau(store.db, actor, { code: '97', name: '测试省财政厅', parentId: null })).id;
      b.city = (await createBureau(store.db, actor, { code: '9701', name: '测试市财政局', parentId: b.province })).id;
      b.county = (await createBureau(store.db, actor, { code: '970101', name: '测试县财政局', parentId: b.city })).id;
      b.other = (await createBureau(store.db, actor, { code: '970102', name: '另一县财政局', parentId: b.city })).id;
      const user = await createUser(store.db, actor, {
        username: 'reviewer97',
        displayName: '测试审核员',
        role: 'reviewer',
        bureauId: b.province,
        password: 'reviewer-password-97',
      });
      reviewer = { id: user.id, name: user.displayName };
      // Errors would stop the submissions: the province reports warnings and notes only.
      await putBureauSettings(store.db, actor, b.province, 0, {
        monitoring: null,
        evaluation: null,
        review: { ...DEFAULT_REVIEW_SETTINGS, disabledSeverities: ['error'] },
      });
      await drain();
      const homes = [b.province, b.city, b.county, b.county, b.other, b.other];
      for (const [i, content] of contents.entries()) {
        const unitId = (
          await createUnit(store.db, actor, { code: `97${String(i).padStart(4, '0')}`, name: `测试单位${i}`, bureauId: homes[i]! })
        ).id;
        units.push(unitId);
        const { id, version } = await createDocument(store.db, actor, { unitId, year: YEAR, content: content! });
        docs.push(id);
        versions.set(id, version);
      }
      for (const i of [0, 1, 2, 3, 4]) {
        await step(i, 'submit');
        await step(i, 'approve');
      }
      await step(1, 'publish');
      await step(3, 'publish');
      for (const i of [0, 1, 2, 4]) {
        const [first, second] = await projectsOf(i);
        await createRecord(store.db, actor, 'spending', first!.id, { date: `${YEAR}-04-15`, cumulative: '1.50', note: '' });
        await createRecord(store.db, actor, 'spending', first!.id, { date: `${YEAR}-09-30`, cumulative: '3', note: '' });
        if (second) await createRecord(store.db, actor, 'values', second.id, { index: 1, date: `${YEAR}-06-30`, value: '1', note: '' });
      }
    }, 120_000);
    afterAll(async () => {
      await store?.close();
      await database.dispose();
    });

    it('has monitored documents in every bureau to sum', async () => {
      const monitored = await store.db.selectFrom('document_monitoring').select('bureau_id').distinct().execute();
      expect(monitored.length).toBe(4);
    });

    it('equal the read-time figures after approvals and actuals', async () => {
      await expectAsComputedAtRead();
    });

    it('follow an actuals import, a document returned and one published', async () => {
      const [first] = await projectsOf(3);
      await commitImport(store.db, actor, docs[3]!, {
        projects: [{ ...emptyProjectActuals(first!.code), spending: [{ date: `${YEAR}-06-30`, cumulative: '0.25', note: '' }] }],
      });
      await step(2, 'return');
      await step(4, 'publish');
      await expectAsComputedAtRead();
    });

    it('follow a change of settings once the queue is drained, and a unit moved to another bureau', async () => {
      const strict = { ...DEFAULT_MONITORING_SETTINGS, yellowShortfall: '1', redShortfall: '2' };
      await putBureauSettings(store.db, actor, b.city, 0, { monitoring: strict, evaluation: null });
      await updateUnit(store.db, actor, units[4]!, { bureauId: b.county });
      expect(await store.db.selectFrom('derived_work').select('kind').execute()).not.toEqual([]);
      // Three workers at once (on PostgreSQL truly in parallel, documents of one bureau side by side): no item twice, no deadlock.
      const done: string[] = [];
      await Promise.all(
        ['a', 'b', 'c'].map(async (worker) => {
          for (;;) {
            const [item] = await claimWork(store.db, worker, 1, 60);
            if (!item) return;
            done.push(`${item.kind}:${item.targetId}:${item.generation}`);
            await runWorkItem(store.db, worker, item);
          }
        }),
      );
      expect(new Set(done).size).toBe(done.length);
      await drain();
      await expectAsComputedAtRead();
    });

    it('are built again from scratch by rebuildAggregates, as after a bulk load', async () => {
      for (const t of ['document_aggregates', 'document_monitoring', 'bureau_year_totals', 'bureau_rule_counts', 'bureau_monitoring'])
        await sql`delete from ${sql.table(t)}`.execute(store.db);
      expect(await scoreFigures(store.db, b.province, YEAR)).not.toEqual(await referenceScores(store.db, b.province, YEAR));
      await rebuildAggregates(store.db, docs);
      await expectAsComputedAtRead();
    });

    it('leave the monitoring of a load to the workers when asked, its totals right at once', async () => {
      for (const t of ['document_aggregates', 'document_monitoring', 'bureau_year_totals', 'bureau_rule_counts', 'bureau_monitoring'])
        await sql`delete from ${sql.table(t)}`.execute(store.db);
      await store.db.deleteFrom('project_monitoring').execute();
      await store.db.deleteFrom('project_evaluation').execute();
      await rebuildAggregates(store.db, docs, { queueMonitored: true });
      const totals = async () =>
        (await bureauTotals(store.db, b.province, YEAR, { all: true })).map(({ bureauName: _, ...t }) => ({
          ...t,
          budgetTotal: amount(t.budgetTotal),
        }));
      expect(await totals()).toEqual(await referenceTotals(store.db, b.province, YEAR, { all: true }));
      expect((await store.db.selectFrom('derived_work').select('target_id').execute()).length).toBe(4);
      await drain();
      await expectAsComputedAtRead();
    });
  });
}
