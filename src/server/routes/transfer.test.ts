/**
 * 转移支付区域绩效目标 over the API, on both databases: the province's reviewer sets a fund and issues
 * it to two counties, the county's reviewer accepts and breaks its share down to a project of 司法局,
 * the roll-up and the 区域绩效目标表 show it, and what each role may see and do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../store/accounts.ts';
import { systemActor } from '../../store/audit.ts';
import { openWorld, type World } from '../fixture.testing.ts';
import { TestClient, testDatabases } from '../testing.ts';

const FUND = {
  year: 2020,
  code: 'TEST-1',
  name: '社区矫正补助资金',
  department: '河北省司法厅',
  amount: '100.00',
  amountCentral: '60.00',
  amountLocal: '40.00',
  goal: '降低重新违法犯罪率。',
  indicators: [
    { level1: '产出指标', level2: '数量指标', level3: '社区矫正对象接收人数', target: '≥1000人' },
    { level1: '产出指标', level2: '质量指标', level3: '社区矫正人员信息核查率', target: '=100%' },
  ],
};

for (const make of testDatabases()) {
  const database = make();
  describe(`transfer-payment targets on ${database.name}`, () => {
    let w: World;
    let province: TestClient;
    let provinceId: number;
    let huaianId: number;
    let fundId: number;
    let version: number;
    let allocationId: number;
    let breakdownId: number;
    beforeAll(async () => {
      w = await openWorld(database);
      provinceId = (await w.store.db.selectFrom('bureaus').select('id').where('code', '=', '13').executeTakeFirstOrThrow()).id;
      huaianId = (await w.store.db.selectFrom('bureaus').select('id').where('code', '=', '130728').executeTakeFirstOrThrow()).id;
      await createUser(w.store.db, systemActor('test'), {
        username: 'hebei-czt',
        displayName: '河北省财政厅审核员',
        role: 'reviewer',
        bureauId: provinceId,
        password: 'province-password-1',
      });
      province = new TestClient(w.app);
      await province.login('hebei-czt', 'province-password-1');
    }, 120_000);
    afterAll(() => w?.close());

    it('sets a fund as a draft of the reviewer’s bureau, and refuses a code taken that year', async () => {
      const r = await province.request('POST', '/api/transfer-funds', { body: FUND });
      expect(r.statusCode).toBe(201);
      expect(r.json()).toMatchObject({ state: 'draft', version: 1, bureau: { id: provinceId, name: '河北省财政厅' }, role: 'setter' });
      fundId = r.json().id;
      version = 1;
      const again = await province.request('POST', '/api/transfer-funds', { body: FUND });
      expect(again.statusCode).toBe(409);
      expect(again.json().message).toContain('TEST-1');
      const parts = await province.request('POST', '/api/transfer-funds', { body: { ...FUND, code: 'TEST-2', amountLocal: '30.00' } });
      expect(parts.statusCode).toBe(422);
      expect(parts.json().message).toContain('中央补助');
    });

    it('keeps a draft from the counties', async () => {
      expect((await w.clients.reviewer.request('GET', `/api/transfer-funds/${fundId}`)).statusCode).toBe(403);
      const list = (await w.clients.reviewer.request('GET', '/api/transfer-funds?year=2020')).json();
      expect(list.items.map((f: { id: number }) => f.id)).not.toContain(fundId);
    });

    it('sets what goes to each county, refusing a bureau not below, money over the fund’s and a stale version', async () => {
      const allocations = [
        { bureauId: w.countyId, amount: '60.00', targets: ['≥600人', '=100%'] },
        { bureauId: huaianId, amount: '40.00', targets: ['≥400人', '=100%'] },
      ];
      const put = (body: unknown, v = version) =>
        province.request('PUT', `/api/transfer-funds/${fundId}`, { headers: { 'if-match': `"${v}"` }, body });
      const above = await put({ fund: FUND, allocations: [{ bureauId: provinceId, amount: '1', targets: ['1', '1'] }] });
      expect(above.statusCode).toBe(422);
      expect(above.json()).toMatchObject({ field: 'allocations[0].bureauId', message: expect.stringContaining('河北省财政厅') });
      const over = await put({ fund: FUND, allocations: [{ ...allocations[0], amount: '100.01' }] });
      expect(over.statusCode).toBe(422);
      expect(over.json().message).toContain('100.01');
      const ok = await put({ fund: FUND, allocations });
      expect(ok.statusCode).toBe(200);
      version = ok.json().version;
      expect((await put({ fund: FUND, allocations }, version - 1)).statusCode).toBe(409);
      const audit = await w.store.db
        .selectFrom('audit_log')
        .select(['before', 'after'])
        .where('entity', '=', 'transferFund')
        .where('entity_id', '=', String(fundId))
        .where('action', '=', 'update')
        .executeTakeFirstOrThrow();
      expect(audit.before).toMatchObject({ allocations: [] });
      expect(audit.after).toMatchObject({ allocations: [{ bureauId: w.countyId, amount: '60.00' }, { bureauId: huaianId }] });
    });

    it('issues the fund; each county then sees its own share only, a unit none', async () => {
      expect(
        (await w.clients.reviewer.request('POST', `/api/transfer-funds/${fundId}/issue`, { headers: { 'if-match': `"${version}"` } }))
          .statusCode,
      ).toBe(403);
      const issued = await province.request('POST', `/api/transfer-funds/${fundId}/issue`, { headers: { 'if-match': `"${version}"` } });
      expect(issued.statusCode).toBe(200);
      version = issued.json().version;
      const again = await province.request('PUT', `/api/transfer-funds/${fundId}`, {
        headers: { 'if-match': `"${version}"` },
        body: { fund: FUND, allocations: [] },
      });
      expect(again.statusCode).toBe(409);
      expect(again.json().code).toBe('not_draft');

      const county = (await w.clients.reviewer.request('GET', `/api/transfer-funds/${fundId}`)).json();
      expect(county).toMatchObject({ state: 'issued', role: 'receiver' });
      expect(county.allocations).toHaveLength(1);
      expect(county.allocations[0]).toMatchObject({
        bureau: { id: w.countyId },
        amount: '60.00',
        targets: ['≥600人', '=100%'],
        state: 'issued',
      });
      allocationId = county.allocations[0].id;
      const other = (await w.clients.otherReviewer.request('GET', `/api/transfer-funds/${fundId}`)).json();
      expect(other.allocations.map((a: { bureau: { id: number } }) => a.bureau.id)).toEqual([huaianId]);
      expect((await w.clients.ownUnit.request('GET', `/api/transfer-funds/${fundId}`)).statusCode).toBe(403);
      const list = (await w.clients.reviewer.request('GET', '/api/transfer-funds?year=2020&limit=1')).json();
      expect(list.total.value).toBeGreaterThanOrEqual(2);
      const next = (await w.clients.reviewer.request('GET', `/api/transfer-funds?year=2020&limit=1&cursor=${list.nextCursor}`)).json();
      expect(next.items[0].id).not.toBe(list.items[0].id);
    });

    it('lets the county accept and break its share down to a project of its unit, within its money', async () => {
      const accepted = await w.clients.reviewer.request('POST', `/api/transfer-allocations/${allocationId}/accept`, {
        headers: { 'if-match': '"1"' },
      });
      expect(accepted.statusCode).toBe(200);
      let av = accepted.json().version as number;
      const candidates = (await w.clients.reviewer.request('GET', `/api/transfer-allocations/${allocationId}/projects?q=社区矫正`)).json();
      expect(candidates.items.every((p: { name: string }) => p.name.includes('社区矫正'))).toBe(true);
      const project = candidates.items.find((p: { unitName: string }) => p.unitName === '怀来县司法局');
      expect(project).toBeDefined();
      expect((await w.clients.otherReviewer.request('GET', `/api/transfer-allocations/${allocationId}/projects`)).statusCode).toBe(403);
      const rows = (await w.clients.reviewer.request('GET', `/api/projects/${project.projectId}`)).json().project.indicators as Array<{
        id: number;
      }>;
      const add = (body: unknown, v = av) =>
        w.clients.reviewer.request('POST', `/api/transfer-allocations/${allocationId}/breakdowns`, {
          headers: { 'if-match': `"${v}"` },
          body,
        });
      const over = await add({ projectId: project.projectId, amount: '60.01', mapping: [null, null] });
      expect(over.statusCode).toBe(422);
      expect(over.json().field).toBe('amount');
      const stray = await add({ projectId: project.projectId, amount: '10', mapping: [-5, null] });
      expect(stray).toMatchObject({ statusCode: 422 });
      expect(stray.json().field).toBe('mapping[0]');
      const otherProject = await w.store.db
        .selectFrom('projects as p')
        .innerJoin('documents as d', 'd.id', 'p.document_id')
        .select('p.id')
        .where('d.unit_id', '=', w.otherUnitId)
        .executeTakeFirst();
      if (otherProject) expect((await add({ projectId: otherProject.id, amount: '1', mapping: [null, null] })).statusCode).toBe(422);
      const created = await add({ projectId: project.projectId, amount: '45.50', mapping: [null, rows[0]!.id] });
      expect(created.statusCode).toBe(201);
      breakdownId = created.json().id;
      expect((await add({ projectId: project.projectId, amount: '1', mapping: [null, null] })).statusCode).toBe(409);
      av = created.json().allocationVersion;
      expect(av).toBe(3);
      const view = (await w.clients.reviewer.request('GET', `/api/transfer-funds/${fundId}`)).json();
      expect(view.allocations[0]).toMatchObject({
        state: 'accepted',
        breakdowns: [{ id: breakdownId, amount: '45.50', project: { id: project.projectId } }],
      });
      // The unit sees which fund its project spends.
      const spends = await w.clients.ownUnit.request('GET', `/api/projects/${project.projectId}/transfers`);
      expect(spends.json()).toEqual([
        expect.objectContaining({
          amount: '45.50',
          region: '怀来县财政局',
          fund: expect.objectContaining({ id: fundId, bureauName: '河北省财政厅' }),
        }),
      ]);
      expect((await w.clients.otherUnit.request('GET', `/api/projects/${project.projectId}/transfers`)).statusCode).toBe(403);
    });

    it('rolls up: money and rows not broken down are marked, the county’s rows against its project', async () => {
      const r = (await province.request('GET', `/api/transfer-funds/${fundId}/rollup`)).json();
      expect(r).toMatchObject({ amount: '100.00', allocated: '100.00', brokenDown: '45.50', moneyCoverage: 'short', complete: false });
      const [huailai, huaian] = r.regions;
      expect(huailai).toMatchObject({ bureauName: '怀来县财政局', brokenDown: '45.50', moneyCoverage: 'short' });
      expect(huailai.rows[0]).toMatchObject({ kind: 'quantity', issued: '≥600人', carried: 0, coverage: 'none' });
      expect(huailai.rows[1]).toMatchObject({ kind: 'rate', carried: 1 });
      expect(huaian).toMatchObject({ brokenDown: '0', moneyCoverage: 'none' });
      const county = (await w.clients.reviewer.request('GET', `/api/transfer-funds/${fundId}/rollup`)).json();
      expect(county.regions).toHaveLength(1);
    });

    it('updates and deletes a breakdown with its version', async () => {
      const put = await w.clients.reviewer.request('PUT', `/api/transfer-breakdowns/${breakdownId}`, {
        headers: { 'if-match': '"1"' },
        body: { amount: '60.00', mapping: [null, null] },
      });
      expect(put.statusCode).toBe(200);
      expect(
        (await w.clients.reviewer.request('DELETE', `/api/transfer-breakdowns/${breakdownId}`, { headers: { 'if-match': '"1"' } }))
          .statusCode,
      ).toBe(409);
      expect(
        (await province.request('DELETE', `/api/transfer-breakdowns/${breakdownId}`, { headers: { 'if-match': '"2"' } })).statusCode,
      ).toBe(403);
      expect(
        (await w.clients.reviewer.request('DELETE', `/api/transfer-breakdowns/${breakdownId}`, { headers: { 'if-match': '"2"' } }))
          .statusCode,
      ).toBe(204);
      const audit = await w.store.db
        .selectFrom('audit_log')
        .select(['action', 'before'])
        .where('entity', '=', 'transferBreakdown')
        .where('entity_id', '=', String(breakdownId))
        .orderBy('id')
        .execute();
      expect(audit.map((a) => a.action)).toEqual(['create', 'update', 'delete']);
      expect(audit[2]!.before).toMatchObject({ amount: '60.00' });
    });

    it('exports the 区域绩效目标表 as Excel and Word', async () => {
      const xlsx = await province.request('GET', `/api/transfer-funds/${fundId}/table.xlsx`);
      expect(xlsx.statusCode).toBe(200);
      expect(xlsx.headers['content-type']).toContain('spreadsheetml');
      expect(xlsx.headers['content-disposition']).toContain(encodeURIComponent('转移支付区域绩效目标表'));
      const docx = await w.clients.reviewer.request('GET', `/api/transfer-funds/${fundId}/table.docx`);
      expect(docx.statusCode).toBe(200);
      expect(docx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    });

    it('seeds the demo county’s funds: one broken down to the seed’s project, one still to do', async () => {
      const list = (await w.clients.reviewer.request('GET', '/api/transfer-funds?year=2020')).json();
      const demo = list.items.filter((f: { name: string }) => f.name.includes('演示数据'));
      expect(demo).toHaveLength(2);
      const rollups = await Promise.all(
        demo.map(async (f: { id: number }) => (await w.clients.reviewer.request('GET', `/api/transfer-funds/${f.id}/rollup`)).json()),
      );
      expect(rollups.map((r) => r.complete).sort()).toEqual([false, true]);
    });
  });
}
