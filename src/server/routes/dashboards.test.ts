/**
 * The bureau-wide warning list, the dashboards and the bureau settings on a small dataset whose
 * figures are worked out by hand: a test county (测试县财政局) with two units, three projects.
 *
 *   P1 甲 100万  plan 6月底 50 %  spent 45 by 6/30, 100 by 12/31; every target met     → green; 100.00 优
 *   P2 甲  50万  plan 6月底 40 %  spent 10 by 6/30,  40 by 12/31; 8 of ≥10次           → red (20 behind); 88.00 良
 *   P3 乙  20万  plan 3月底 30 %  nothing recorded                                    → red (30 behind);  0.00 差
 *
 * Runs on PGlite and PostgreSQL.
 */
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Project, TargetDocument } from '../../core/model/document.ts';
import { annualRow } from '../../core/model/indicator.testing.ts';
import { reviewDocument } from '../../core/review/engine.ts';
import { messagesFor } from '../../i18n/index.ts';
import { systemActor } from '../../store/audit.ts';
import { frequentFindings } from '../../store/actuals/lists.ts';
import { createRecord } from '../../store/actuals/write.ts';
import { rebuildAggregates } from '../../store/aggregates/rebuild.ts';
import { backfillRuleCounts } from '../../store/migrations/0002-actuals.ts';
import { createDocument } from '../../store/documents/create.ts';
import { createBureau, createUnit } from '../../store/organisation.ts';
import { BureauDashboard, Dashboard } from '../dashboard-schemas.ts';
import { WarningList } from '../monitoring-schemas.ts';
import { BureauSettings } from '../settings-schemas.ts';
import { openWorld, type World } from '../fixture.testing.ts';
import { expectSchema as check } from '../schema-check.testing.ts';
import { testDatabases } from '../testing.ts';

const row = (level1: string, level2: string, description: string, target: string) =>
  annualRow(level1, level2, description, target, '年度工作计划');
const indicators = [
  row('产出指标', '数量指标', '开展培训', '≥10次'),
  row('效果指标', '社会效益指标', '群众知晓率', '≥90%'),
  row('满意度指标', '服务对象满意度指标', '服务对象满意度', '≥90%'),
];
const project = (
  unit: { code: string; name: string },
  code: string,
  name: string,
  total: string,
  plan: Array<[string, string]>,
): Project => ({
  code,
  name,
  unit,
  amountUnit: '万元',
  budget: { total, fiscal: total, other: null, sources: [] },
  useOfFunds: `用于${name}`,
  spendingPlan: plan.map(([checkpoint, percent]) => ({ checkpoint, percent })),
  goals: [{ term: 'annual', text: `完成${name}` }],
  indicators,
  department: null,
  attribute: null,
  period: null,
});
const A = { code: 'T01', name: '测试甲单位' };
const B = { code: 'T02', name: '测试乙单位' };
const docA: TargetDocument = {
  unit: A,
  year: 2020,
  department: null,
  projects: [
    project(A, 'T01-0101-JBN-AAAA', '业务培训', '100.00', [
      ['6月底', '50.00'],
      ['12月底', '100.00'],
    ]),
    project(A, 'T01-0102-JBN-BBBB', '普法宣传', '50.00', [
      ['6月底', '40.00'],
      ['12月底', '100.00'],
    ]),
  ],
};
const docB: TargetDocument = {
  unit: B,
  year: 2020,
  department: null,
  projects: [
    project(B, 'T02-0101-JBN-CCCC', '法律援助', '20.00', [
      ['3月底', '30.00'],
      ['12月底', '100.00'],
    ]),
  ],
};

for (const make of testDatabases()) {
  const database = make();
  describe(`warnings and dashboards on ${database.name}`, () => {
    let w: World;
    let bureauId: number;
    let childId: number;
    let documentA: number;
    beforeAll(async () => {
      w = await openWorld(database);
      const db = w.store.db;
      const actor = systemActor('test');
      const city = (await db.selectFrom('bureaus').select('id').where('code', '=', '1307').executeTakeFirstOrThrow()).id;
      bureauId = (await createBureau(db, actor, { code: '139901', name: '测试县财政局', parentId: city })).id;
      childId = (await createBureau(db, actor, { code: '13990101', name: '测试乡财政所', parentId: bureauId })).id;
      const ids: number[] = [];
      for (const doc of [docA, docB]) {
        const unit = await createUnit(db, actor, { ...doc.unit, code: doc.unit.code!, bureauId });
        ids.push((await createDocument(db, actor, { unitId: unit.id, year: 2020, content: doc })).id);
      }
      documentA = ids[0]!;
      // Approved as the bureau left them (the workflow's own tests cover the steps).
      await db.updateTable('documents').set({ status: 'approved', version: sql`version + 1` }).where('id', 'in', ids).execute();
      // Written behind the store's back, like a bulk load: their derived rows and aggregates are built as after one.
      await rebuildAggregates(db, ids);
      const projects = await db.selectFrom('projects').select(['id', 'code']).where('document_id', 'in', ids).execute();
      const id = (code: string) => projects.find((p) => p.code === code)!.id;
      const record = createRecord.bind(null, db, actor);
      const [p1, p2] = [id('T01-0101-JBN-AAAA'), id('T01-0102-JBN-BBBB')];
      await record('spending', p1, { date: '2020-06-30', cumulative: '45.00', note: '' });
      await record('spending', p1, { date: '2020-12-31', cumulative: '100.00', note: '' });
      for (const [index, value] of [
        [1, '10次'],
        [2, '90%'],
        [3, '95%'],
      ] as const)
        await record('values', p1, { index, date: '2020-12-31', value, note: '' });
      await record('spending', p2, { date: '2020-06-30', cumulative: '10.00', note: '' });
      await record('spending', p2, { date: '2020-12-31', cumulative: '40.00', note: '' });
      for (const [index, value] of [
        [1, '8次'],
        [2, '90%'],
        [3, '90%'],
      ] as const)
        await record('values', p2, { index, date: '2020-12-31', value, note: '' });
    }, 120_000);
    afterAll(() => w?.close());

    const warnings = async (query: string) => {
      const r = await w.clients.admin.request('GET', `/api/monitoring/projects?year=2020&bureauId=${bureauId}&${query}`);
      expect(r.statusCode, r.body).toBe(200);
      check(WarningList, r.json());
      return r.json();
    };

    it('lists the projects by light on a date, red first by shortfall, with counts', async () => {
      const june = await warnings('date=2020-06-30');
      expect(june.lightCounts).toEqual({ green: 1, yellow: 0, red: 2 });
      expect(june.total).toBe(3);
      expect(june.items.map((i: Record<string, unknown>) => [i.projectCode, i.light, i.rate, i.planned, i.shortfall, i.since])).toEqual([
        ['T02-0101-JBN-CCCC', 'red', '0.00', '30.00', '30.00', '2020-03-31'],
        ['T01-0102-JBN-BBBB', 'red', '20.00', '40.00', '20.00', '2020-06-30'],
        ['T01-0101-JBN-AAAA', 'green', '45.00', '50.00', '5.00', '2020-06-30'],
      ]);
      expect(june.items[0]).toMatchObject({
        unitCode: 'T02',
        unitName: '测试乙单位',
        budget: '20.00',
        spent: '0.00',
        missingExplanations: 1,
      });
      // The year-end values are not in yet: all three rows 未填报, none flagged (no light without data).
      expect(june.items[0]).toMatchObject({ flaggedIndicators: 0, unreportedIndicators: 3 });
      // At the year end 甲's projects have every value; 乙 recorded none.
      const december = (await warnings('date=2020-12-31')).items.map((i: { projectCode: string; unreportedIndicators: number }) => [
        i.projectCode,
        i.unreportedIndicators,
      ]);
      expect(december).toEqual([
        ['T02-0101-JBN-CCCC', 3],
        ['T01-0102-JBN-BBBB', 0],
        ['T01-0101-JBN-AAAA', 0],
      ]);

      // Before 3月底 nothing is planned yet; the calendar alone turns P3 red on 3月31日.
      expect((await warnings('date=2020-03-30')).lightCounts).toEqual({ green: 3, yellow: 0, red: 0 });
      expect((await warnings('date=2020-03-31')).lightCounts).toEqual({ green: 2, yellow: 0, red: 1 });

      // The second red project, on the page after the first's cursor.
      const firstRed = await warnings('date=2020-06-30&light=red&limit=1');
      expect(firstRed.items.map((i: { projectCode: string }) => i.projectCode)).toEqual(['T02-0101-JBN-CCCC']);
      const redOnly = await warnings(`date=2020-06-30&light=red&limit=1&cursor=${encodeURIComponent(firstRed.nextCursor)}`);
      const afterRed = await warnings(`date=2020-06-30&light=red&limit=1&cursor=${encodeURIComponent(redOnly.nextCursor)}`);
      expect(afterRed.items).toEqual([]);
      expect(redOnly.total).toBe(2);
      expect(redOnly.items.map((i: { projectCode: string }) => i.projectCode)).toEqual(['T01-0102-JBN-BBBB']);
      expect(redOnly.lightCounts).toEqual({ green: 1, yellow: 0, red: 2 });
      expect((await w.clients.admin.request('GET', `/api/monitoring/projects?year=2020&date=2021-01-01`)).statusCode).toBe(422);
      expect((await w.clients.admin.request('GET', '/api/monitoring/projects?year=2020&cursor=not-a-cursor')).statusCode).toBe(400);
    });

    it('shows a unit only its own projects, and a reviewer those under the bureau', async () => {
      const own = (await w.clients.ownUnit.request('GET', '/api/monitoring/projects?year=2020&date=2020-06-30')).json();
      expect(own.total).toBe(0); // 怀来县司法局's document is a draft: not monitored.
      const other = (
        await w.clients.otherReviewer.request('GET', `/api/monitoring/projects?year=2020&date=2020-06-30&bureauId=${bureauId}`)
      ).json();
      expect(other.total).toBe(0); // 怀安县's reviewer sees nothing of 测试县.
    });

    it('gives a bureau its dashboard: execution and lights per unit, grades, scores, findings', async () => {
      const r = await w.clients.admin.request('GET', `/api/bureaus/${bureauId}/dashboard?year=2020&date=2020-06-30`);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      check(BureauDashboard, body);
      const chart = (id: string) => body.charts.find((c: { id: string }) => c.id === id);
      expect(chart('groupExecution').dataset.source).toEqual([
        // 甲: 55 of 150 spent (36.67 %) against 50 + 20 = 70 planned (46.67 %); 乙: 0 of 20 against 6.
        ['测试甲单位', '150.00', '55.00', '46.67', '36.67'],
        ['测试乙单位', '20.00', '0.00', '30.00', '0.00'],
      ]);
      // At 6月底 no indicator value is recorded yet (they come at 12月31日): every project has rows 未填报.
      expect(chart('lights').table).toEqual({
        columns: ['单位或财政部门', '绿灯', '黄灯', '红灯', '有未填报指标的项目'],
        rows: [
          ['测试甲单位', 1, 0, 1, 2],
          ['测试乙单位', 0, 0, 1, 1],
        ],
      });
      expect(chart('grades').dataset.source).toEqual([
        ['优', 1],
        ['良', 1],
        ['中', 0],
        ['差', 1],
      ]);
      expect(chart('scoreBands').dataset.source).toEqual([
        ['<60', 1],
        ['60–70', 0],
        ['70–80', 0],
        ['80–90', 1],
        ['≥90', 1],
      ]);

      // The most frequent review findings, counted independently from the review engine.
      const counts = new Map<string, number>();
      for (const f of [...reviewDocument(docA), ...reviewDocument(docB)]) counts.set(f.ruleId, (counts.get(f.ruleId) ?? 0) + 1);
      const titles = messagesFor('zh-CN').review.rules as Record<string, { title: string }>;
      const expected = [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).slice(0, 10);
      expect(chart('findings').dataset.source.map((x: unknown[]) => [x[1], x[3]])).toEqual(expected);
      expect(chart('findings').dataset.source[0]?.[0]).toBe(titles[expected[0]![0]]?.title);

      const csv = await w.clients.admin.request(
        'GET',
        `/api/bureaus/${bureauId}/dashboard?year=2020&date=2020-06-30&format=csv&chart=lights`,
      );
      expect(csv.headers['content-type']).toMatch(/^text\/csv/);
      expect(csv.body).toBe('\ufeff单位或财政部门,绿灯,黄灯,红灯,有未填报指标的项目\r\n测试甲单位,1,0,1,2\r\n测试乙单位,0,0,1,1\r\n');
    });

    it('gives a unit its dashboard: plan against actual by month, indicator completion, scores', async () => {
      const r = await w.clients.admin.request('GET', `/api/documents/${documentA}/dashboard?date=2020-06-30`);
      expect(r.statusCode, r.body).toBe(200);
      const body = r.json();
      check(Dashboard, body);
      const [execution, indicatorChart, scores] = body.charts;
      expect(execution.dataset.source).toEqual([
        ...[1, 2, 3, 4, 5].map((m) => [`${m}月`, '0.00', '0.00', '0.00', '0.00']),
        ['6月', '70.00', '55.00', '46.67', '36.67'],
        // After the date: the plan only.
        ...[7, 8, 9, 10, 11].map((m) => [`${m}月`, '70.00', null, '46.67', null]),
        ['12月', '150.00', null, '100.00', null],
      ]);
      // On 6月30日 no value is recorded yet: nothing to compare.
      expect(indicatorChart.dataset.source[0]).toEqual([
        'T01-0101-JBN-AAAA #1',
        'T01-0101-JBN-AAAA',
        '业务培训',
        1,
        '开展培训',
        '≥10次',
        '未填报',
        null,
        '无法比较',
      ]);
      expect(scores.dataset.source).toEqual([
        ['T01-0101-JBN-AAAA', '业务培训', '100.00', '优', '100.00'],
        // 8 of 10 (40 of 50) + 40 of 50 spent (8 of 10) + 30 + 10.
        ['T01-0102-JBN-BBBB', '普法宣传', '88.00', '良', '80.00'],
      ]);
      const december = (await w.clients.admin.request('GET', `/api/documents/${documentA}/dashboard?date=2020-12-31`)).json();
      expect(december.charts[1].dataset.source[3]).toEqual([
        'T01-0102-JBN-BBBB #1',
        'T01-0102-JBN-BBBB',
        '普法宣传',
        1,
        '开展培训',
        '≥10次',
        '8次',
        '80.00',
        '',
      ]);
      const one = (await w.clients.admin.request('GET', `/api/documents/${documentA}/dashboard?date=2020-12-31&projectId=99999999`))
        .statusCode;
      expect(one).toBe(404);
      const csv = await w.clients.admin.request('GET', `/api/documents/${documentA}/dashboard?date=2020-06-30&format=csv&chart=scores`);
      expect(csv.body).toBe(
        '\ufeff项目编码,项目名称,得分,等级,执行率（%）\r\nT01-0101-JBN-AAAA,业务培训,100.00,优,100.00\r\nT01-0102-JBN-BBBB,普法宣传,88.00,良,80.00\r\n',
      );
    });

    it('inherits settings down the tree and recomputes the lights when a bureau changes them', async () => {
      const child = (await w.clients.reviewer.request('GET', `/api/bureaus/${childId}/settings`)).json();
      check(BureauSettings, child);
      expect(child).toMatchObject({ version: 0, own: { monitoring: null, evaluation: null }, effective: { monitoring: { source: null } } });
      expect(child.effective.monitoring.settings.yellowShortfall).toBe('10');

      const monitoring = { ...child.effective.monitoring.settings, yellowShortfall: '5', redShortfall: '25' };
      const put = (body: unknown, version: string) =>
        w.clients.admin.request('PUT', `/api/bureaus/${bureauId}/settings`, { headers: { 'if-match': `"${version}"` }, body });
      const bad = await put(
        {
          monitoring,
          evaluation: { ...child.effective.evaluation.settings, weights: { ...child.effective.evaluation.settings.weights, output: '40' } },
        },
        '0',
      );
      expect(bad.statusCode).toBe(422);
      expect(bad.json()).toMatchObject({ code: 'invalid_settings' });
      const ok = await put({ monitoring, evaluation: null }, '0');
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ version: 1, own: { monitoring: { yellowShortfall: '5' }, evaluation: null } });
      // The documents under the bureau are rebuilt in the background, after the change has returned.
      await w.ctx.worker.idle();
      expect((await put({ monitoring, evaluation: null }, '0')).json()).toMatchObject({ code: 'stale_version', currentVersion: 1 });

      const inherited = (await w.clients.admin.request('GET', `/api/bureaus/${childId}/settings`)).json();
      expect(inherited.effective.monitoring).toMatchObject({
        settings: { yellowShortfall: '5' },
        source: { bureauId, bureauName: '测试县财政局' },
      });
      // P1 5 behind → yellow, P2 20 behind → yellow (red from 25 now), P3 30 behind → red.
      expect((await warnings('date=2020-06-30')).lightCounts).toEqual({ green: 0, yellow: 2, red: 1 });
      const audit = await w.store.db
        .selectFrom('audit_log')
        .select(['action', 'actor_name', 'after'])
        .where('entity', '=', 'bureauSettings')
        .execute();
      expect(audit).toEqual([{ action: 'update', actor_name: '系统管理员', after: { monitoring, evaluation: null } }]);
      // A unit may read the rules that light its projects, not change them.
      expect((await w.clients.ownUnit.request('GET', `/api/bureaus/${bureauId}/settings`)).statusCode).toBe(200);
      expect(
        (
          await w.clients.ownUnit.request('PUT', `/api/bureaus/${bureauId}/settings`, {
            headers: { 'if-match': '"1"' },
            body: { monitoring: null, evaluation: null },
          })
        ).statusCode,
      ).toBe(403);
    });

    it('counts review findings again from scratch as migration 0002 did', async () => {
      const db = w.store.db;
      // What migration 0002 does for documents stored before it: the same counts as every review stores.
      const findings = () => frequentFindings(w.store.db, w.countyId, 2020, 100);
      const before = await findings();
      expect(before.length).toBeGreaterThan(5);
      await db.deleteFrom('document_rule_counts').execute();
      await rebuildAggregates(
        db,
        (await db.selectFrom('documents').select('id').execute()).map((d) => d.id),
      );
      expect(await findings()).toEqual([]);
      await backfillRuleCounts(w.store.db);
      const documents = await db.selectFrom('documents').select('id').execute();
      await rebuildAggregates(
        db,
        documents.map((d) => d.id),
      );
      expect(await findings()).toEqual(before);
    });
  });
}
