/**
 * The whole cycle over HTTP, on PGlite and on PostgreSQL: the unit imports the seed (preview, then
 * commit), fixes, submits; the reviewer returns it with a comment; the unit fixes and resubmits;
 * the reviewer approves and publishes; an anonymous visitor finds and reads it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import type { Store } from '../store/database.ts';
import type { DemoAccount } from './demo.ts';
import { openDemo } from './fixture.testing.ts';
import { TestClient, testDatabases, type TestDatabase } from './testing.ts';

const ROOT = join(import.meta.dirname, '../..');
const SEED = readFileSync(join(ROOT, 'samples/huailai-sifaju-2020.txt'));

for (const make of testDatabases()) {
  const database: TestDatabase = make();
  describe(`full review cycle over HTTP on ${database.name}`, () => {
    let store: Store;
    let app: FastifyInstance;
    let accounts: DemoAccount[];
    const pass = (role: string) => accounts.find((a) => a.role === role)!;

    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ store, app, accounts, close } = await openDemo(database));
    }, 120_000);
    afterAll(() => close?.());

    it('takes the seed from import to anonymous read', async () => {
      const unit = new TestClient(app);
      const reviewer = new TestClient(app);
      const anonymous = new TestClient(app);
      await unit.login(pass('unit').username, pass('unit').password);
      await reviewer.login(pass('reviewer').username, pass('reviewer').password);

      // The demo holds the seed as the 2020 draft; the unit imports the file over it: preview, then commit.
      const preview = await unit.request('POST', '/api/import/preview?fileName=seed.txt', { raw: SEED, contentType: 'text/plain' });
      expect(preview.statusCode).toBe(200);
      const [previewed] = preview.json().documents;
      expect(previewed.document.projects).toHaveLength(6);
      expect(previewed.existing).toMatchObject({ status: 'draft' });
      const id: number = previewed.existing.id;
      const commit = await unit.request('POST', '/api/import/commit', {
        body: { documents: [{ document: previewed.document, replaceVersion: previewed.existing.version }] },
      });
      expect(commit.statusCode).toBe(201);
      let version: number = commit.json().documents[0].version;
      const ifMatch = () => ({ 'if-match': `"${version}"` });

      const doc = await unit.request('GET', `/api/documents/${id}`);
      expect(doc.statusCode).toBe(200);
      const stored = doc.json();
      expect(stored.meta).toMatchObject({ status: 'draft', version, projectCount: 6, budgetTotal: '91.10' });
      expect(stored.projects[0].budget.total).toBe('5.00');
      expect(stored.projects.reduce((n: number, p: { indicators: unknown[] }) => n + p.indicators.length, 0)).toBe(32);
      expect(doc.headers.etag).toBe(`"${version}"`);
      expect((await unit.request('GET', `/api/documents/${id}`, { headers: { 'if-none-match': `"${version}"` } })).statusCode).toBe(304);

      // The seed as published has empty target values: submitting is refused with the findings.
      const refused = await unit.request('POST', `/api/documents/${id}/submit`, { headers: ifMatch() });
      expect(refused.statusCode, refused.body).toBe(422);
      expect(refused.json().code).toBe('review_errors');
      const errors: Array<{ projectCode: string; indicatorIndex: number | null }> = refused.json().findings;
      expect(errors.length).toBeGreaterThan(0);
      expect(refused.json().message).toMatch(/错误/);

      // The unit fills every empty target (the editor's whole-project autosave) and submits.
      type Row = { id?: number; target: string };
      for (const project of stored.projects as Array<{ id: number; indicators: Row[]; findingCounts?: unknown }>) {
        if (!project.indicators.some((i) => i.target.trim() === '')) continue;
        const { id: projectId, findingCounts: _c, ...content } = project;
        const indicators = project.indicators.map(({ id: _i, ...i }) => ({ ...i, target: i.target.trim() === '' ? '≥95%' : i.target }));
        const put = await unit.request('PUT', `/api/projects/${projectId}`, {
          body: { project: { ...content, indicators } },
          headers: ifMatch(),
        });
        expect(put.statusCode, put.body).toBe(200);
        expect(put.json().version).toBe(version + 1);
        version = put.json().version;
      }
      const submitted = await unit.request('POST', `/api/documents/${id}/submit`, { headers: ifMatch() });
      expect(submitted.statusCode, submitted.body).toBe(200);
      expect(submitted.json()).toEqual({ version: version + 1, status: 'submitted' });
      version++;
      const project = stored.projects[0];
      const { id: _pid, findingCounts: _fc, ...fixedContent } = project;
      const fixed = { ...fixedContent, indicators: project.indicators.map(({ id: _i, ...i }: Row) => i) };

      // The unit can no longer edit; the reviewer sees it in the queue and returns it with a comment.
      expect((await unit.request('PUT', `/api/projects/${project.id}`, { body: { project: fixed }, headers: ifMatch() })).statusCode).toBe(
        409,
      );
      const queue = await reviewer.request('GET', '/api/documents?status=submitted&year=2020');
      expect(queue.json().items.map((d: { id: number }) => d.id)).toContain(id);
      const summary = await reviewer.request('GET', '/api/documents/summary?status=submitted&year=2020');
      expect(summary.json()).toMatchObject({ budgetTotal: '91.10', statusCounts: { submitted: 1 } });
      const returned = await reviewer.request('POST', `/api/documents/${id}/return`, {
        headers: ifMatch(),
        body: { comment: { body: '法律援助项目的满意度指标请写明依据。', projectId: project.id, indicatorIndex: 1, field: 'basis' } },
      });
      expect(returned.statusCode).toBe(200);
      expect(returned.json().status).toBe('returned');
      version = returned.json().version;
      const comments = await unit.request('GET', `/api/documents/${id}/comments`);
      expect(comments.json().items[0]).toMatchObject({
        projectId: project.id,
        indicatorIndex: 1,
        field: 'basis',
        authorName: '怀来县财政局审核员',
      });

      // The unit fixes one row (the document turns back into a draft) and resubmits.
      const row = (await unit.request('GET', `/api/documents/${id}`)).json().projects[0].indicators[0];
      const { id: rowId, ...rowContent } = row;
      const edit = await unit.request('PUT', `/api/indicators/${rowId}`, {
        headers: ifMatch(),
        body: { indicator: { ...rowContent, basis: '《法律援助条例》及年度工作计划' } },
      });
      expect(edit.statusCode).toBe(200);
      version = edit.json().version;
      const afterEdit = (await unit.request('GET', `/api/documents/${id}`)).json();
      expect(afterEdit.meta.status).toBe('draft');
      expect(afterEdit.projects[0].indicators[0].basis).toBe('《法律援助条例》及年度工作计划');
      expect((await unit.request('POST', `/api/documents/${id}/submit`, { headers: ifMatch() })).statusCode).toBe(200);
      version++;

      // Not yet public; the reviewer approves and publishes.
      expect((await anonymous.request('GET', `/api/documents/${id}`)).statusCode).toBe(401);
      expect((await reviewer.request('POST', `/api/documents/${id}/approve`, { headers: ifMatch() })).json()).toEqual({
        version: version + 1,
        status: 'approved',
      });
      version++;
      expect((await reviewer.request('POST', `/api/documents/${id}/publish`, { headers: ifMatch() })).json()).toEqual({
        version: version + 1,
        status: 'published',
      });
      version++;

      // Anyone finds it by a word of a project name and reads it; nobody edits it any more.
      const found = await anonymous.request('GET', `/api/public/projects?q=${encodeURIComponent('援助')}&year=2020`);
      expect(found.json().items.map((p: { documentId: number }) => p.documentId)).toContain(id);
      const published = await anonymous.request('GET', `/api/documents/${id}`);
      expect(published.statusCode).toBe(200);
      expect(published.json().meta.status).toBe('published');
      // Beside the one the demo publishes from the start (卫生健康局).
      const list = await anonymous.request('GET', '/api/public/documents?year=2020');
      expect(
        list
          .json()
          .items.map((d: { unitName: string }) => d.unitName)
          .sort(),
      ).toEqual(['怀来县卫生健康局', '怀来县司法局'].sort());
      expect(list.json().items.map((d: { id: number }) => d.id)).toContain(id);
      expect((await unit.request('PUT', `/api/projects/${project.id}`, { body: { project: fixed }, headers: ifMatch() })).statusCode).toBe(
        409,
      );

      // Every step is in the audit trail, newest first, with before and after.
      const audit = (await reviewer.request('GET', `/api/documents/${id}/audit`)).json().items;
      const actions = audit.map((a: { action: string }) => a.action);
      expect(actions.slice(0, 8)).toEqual(['publish', 'approve', 'submit', 'update', 'reopen', 'return', 'create', 'submit']);
      expect(actions.filter((a: string) => a === 'import')).toHaveLength(2); // the demo's seeding and the unit's import
      expect(audit.find((a: { action: string }) => a.action === 'return').after).toMatchObject({ status: 'returned' });
    });

    it('starts next year from this year and totals a bureau exactly', async () => {
      const unit = new TestClient(app);
      await unit.login(pass('unit').username, pass('unit').password);
      const list = (await unit.request('GET', '/api/documents?year=2020')).json();
      expect(list.total).toEqual({ value: 1, exact: true });
      const next = await unit.request('POST', `/api/documents/${list.items[0].id}/next-year`);
      expect(next.statusCode).toBe(201);
      const copy = (await unit.request('GET', `/api/documents/${next.json().id}`)).json();
      expect(copy.meta).toMatchObject({ year: 2021, status: 'draft', copiedFromId: list.items[0].id, budgetTotal: '91.10' });
      expect((await unit.request('POST', `/api/documents/${list.items[0].id}/next-year`)).statusCode).toBe(409);
      const reviewer = new TestClient(app);
      await reviewer.login(pass('reviewer').username, pass('reviewer').password);
      const bureaus = (await reviewer.request('GET', '/api/bureaus')).json().items;
      const province = bureaus.find((b: { depth: number }) => b.depth === 0);
      const totals = (await reviewer.request('GET', `/api/bureaus/${province.id}/totals?year=2020`)).json();
      expect(totals.bureau.units).toBe(4);
      expect(totals.bureau.documents).toBe(4);
      expect(totals.children).toHaveLength(1);
      expect(totals.children[0].budgetTotal).toBe(totals.bureau.budgetTotal);
    });
  });
}
