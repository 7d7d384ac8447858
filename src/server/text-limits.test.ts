/**
 * Text longer than the official forms hold is refused where it arrives, with a 422 that names the
 * field and its limit (not a schema message), and nothing is written. Runs on PGlite and PostgreSQL.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TEXT_LIMITS } from '../core/model/text-limits.ts';
import { openWorld, type World } from './fixture.testing.ts';
import { testDatabases } from './testing.ts';

for (const make of testDatabases()) {
  const database = make();
  describe(`text limits on ${database.name}`, () => {
    let w: World;
    beforeAll(async () => {
      w = await openWorld(database);
    }, 120_000);
    afterAll(() => w?.close());

    it('refuses an indicator description over its limit by name, and takes one at the limit', async () => {
      const unit = w.clients.ownUnit;
      const doc = (await unit.request('GET', `/api/documents/${w.draftId}`)).json();
      const { id, ...row } = doc.projects[0].indicators[0];
      const put = (description: string, version: number) =>
        unit.request('PUT', `/api/indicators/${id}`, {
          headers: { 'if-match': `"${version}"` },
          body: { indicator: { ...row, description } },
        });

      const refused = await put('长'.repeat(TEXT_LIMITS.description + 1), doc.meta.version);
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({
        code: 'too_long',
        field: 'description',
        limit: 500,
        message: '“绩效指标描述”最多 500 个字，请精简后再保存。',
      });
      const english = await unit.request('PUT', `/api/indicators/${id}`, {
        headers: { 'if-match': `"${doc.meta.version}"`, 'accept-language': 'en' },
        body: { indicator: { ...row, description: '长'.repeat(501) } },
      });
      expect(english.json().message).toBe('The indicator description takes at most 500 characters: shorten it and save again.');

      const after = (await unit.request('GET', `/api/documents/${w.draftId}`)).json();
      expect(after.meta.version).toBe(doc.meta.version);
      expect((await put('长'.repeat(TEXT_LIMITS.description), doc.meta.version)).statusCode).toBe(200);
    });

    it('names the project name, among the fields that share a property name', async () => {
      const unit = w.clients.ownUnit;
      const doc = (await unit.request('GET', `/api/documents/${w.draftId}`)).json();
      const { id, indicators, ...project } = doc.projects[1];
      const r = await unit.request('PUT', `/api/projects/${id}`, {
        headers: { 'if-match': `"${doc.meta.version}"` },
        body: { project: { ...project, indicators: indicators.map(({ id: _, ...i }: { id: number }) => i), name: '名'.repeat(201) } },
      });
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({ code: 'too_long', field: 'projectName', limit: 200 });
    });

    it('refuses a spending checkpoint without its 时点 by name', async () => {
      const unit = w.clients.ownUnit;
      const doc = (await unit.request('GET', `/api/documents/${w.draftId}`)).json();
      const { id, indicators, ...project } = doc.projects[1];
      const r = await unit.request('PUT', `/api/projects/${id}`, {
        headers: { 'if-match': `"${doc.meta.version}"` },
        body: {
          project: {
            ...project,
            indicators: indicators.map(({ id: _, ...i }: { id: number }) => i),
            spendingPlan: [...project.spendingPlan, { checkpoint: '', percent: '100.00' }],
          },
        },
      });
      expect(r.statusCode).toBe(422);
      expect(r.json()).toMatchObject({ code: 'empty_text', field: 'checkpoint', message: '“支出计划时点”不能为空，请填写后再保存。' });
    });

    it('saves the columns only some provinces print, and refuses a weight that is no number by name', async () => {
      const unit = w.clients.ownUnit;
      const doc = (await unit.request('GET', `/api/documents/${w.draftId}`)).json();
      const { id, ...row } = doc.projects[0].indicators[0];
      const put = (indicator: object, version: number) =>
        unit.request('PUT', `/api/indicators/${id}`, { headers: { 'if-match': `"${version}"` }, body: { indicator } });
      const refused = await put({ ...row, weight: '十分' }, doc.meta.version);
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({
        code: 'not_decimal',
        field: 'weight',
        message: '“权重”应为数字（如 5 或 5.00，不带单位），请改正后再保存。',
      });
      const long = await put({ ...row, explanation: '解'.repeat(TEXT_LIMITS.explanation + 1) }, doc.meta.version);
      expect(long.json()).toMatchObject({ code: 'too_long', field: 'explanation' });
      expect((await put({ ...row, weight: '10.50', nature: '≥', measureUnit: '%' }, doc.meta.version)).statusCode).toBe(200);
      const after = (await unit.request('GET', `/api/documents/${w.draftId}`)).json();
      expect(after.projects[0].indicators[0]).toMatchObject({ id, weight: '10.50', nature: '≥', measureUnit: '%' });
      expect(after.projects[0].indicators[0]).not.toHaveProperty('direction');
    });

    it('saves the 部门整体支出绩效目标表, and refuses a fund total that is no number by name', async () => {
      const unit = w.clients.ownUnit;
      const doc = (await unit.request('GET', `/api/documents/${w.draftId}`)).json();
      const put = (department: object, version: number) =>
        unit.request('PUT', `/api/documents/${w.draftId}/department`, { headers: { 'if-match': `"${version}"` }, body: { department } });
      const table = {
        ...doc.department,
        funds: { amountUnit: '万元', total: '10.00', project: '6.00', basic: '4.00' },
        duties: [{ duty: '法律援助', task: '办理案件', projectName: '法律援助', amount: '5.50' }],
        indicators: [doc.projects[0].indicators.map(({ id: _, ...i }: { id: number }) => i)[0]],
      };
      const refused = await put({ ...table, funds: { ...table.funds, total: '十万' } }, doc.meta.version);
      expect(refused.statusCode).toBe(422);
      expect(refused.json()).toMatchObject({
        code: 'not_decimal',
        field: 'total',
        message: '“资金总额”应为数字（如 5 或 5.00，不带单位），请改正后再保存。',
      });
      expect((await put(table, doc.meta.version)).statusCode).toBe(200);
      expect((await unit.request('GET', `/api/documents/${w.draftId}`)).json().department).toEqual(table);
    });
  });
}
