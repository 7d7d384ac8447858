/**
 * 目标调整 over HTTP, on PGlite and PostgreSQL: the demo's approved adjustment of 卫生健康局 (public,
 * with what changed); 农业农村局's unit drafts, edits (If-Match, 409 when stale), submits (422 while
 * unchanged), is returned with a comment, resubmits; the reviewer approves; the document carries the
 * adjusted targets as its next version, monitoring before the effective date uses the former targets
 * and from it the adjusted ones, the self-evaluation the adjusted ones; every step audited.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../store/accounts.ts';
import { systemActor } from '../../store/audit.ts';
import { DEMO_ADJUSTMENT_REASON } from '../demo-adjustment.ts';
import { openWorld, type World } from '../fixture.testing.ts';
import { TestClient, testDatabases } from '../testing.ts';

for (const make of testDatabases()) {
  const database = make();
  describe(`目标调整 on ${database.name}`, () => {
    let w: World;
    let unit: TestClient;
    let documentId = 0;
    let publishedId = 0;

    const documentOf = async (code: string) =>
      await w.store.db
        .selectFrom('documents as d')
        .innerJoin('units as u', 'u.id', 'd.unit_id')
        .select(['d.id', 'u.id as unitId'])
        .where('u.code', '=', code)
        .executeTakeFirstOrThrow();

    beforeAll(async () => {
      w = await openWorld(database);
      const nongye = await documentOf('315005');
      documentId = nongye.id;
      publishedId = (await documentOf('315004')).id;
      const password = 'nongye-password-123';
      await createUser(w.store.db, systemActor('test'), {
        username: 'nongye',
        displayName: '农业农村局填报员',
        role: 'unit',
        unitId: nongye.unitId,
        password,
      });
      unit = new TestClient(w.app);
      await unit.login('nongye', password);
    }, 120_000);
    afterAll(() => w?.close());

    it('the demo shows one approved adjustment of the published document, to anyone, with what changed', async () => {
      const r = await w.clients.anonymous.request('GET', `/api/public/documents/${publishedId}/adjustments`);
      expect(r.statusCode).toBe(200);
      const [first, ...rest] = r.json().items;
      expect(rest).toEqual([]);
      expect(first).toMatchObject({ number: 1, reason: DEMO_ADJUSTMENT_REASON, effectiveDate: '2020-07-01' });
      expect(first.changes[0].changes[0]).toMatchObject({ kind: 'changed', field: 'indicators.target' });
      // Not published: no public list.
      expect((await w.clients.anonymous.request('GET', `/api/public/documents/${documentId}/adjustments`)).statusCode).toBe(404);
    });

    it('the unit drafts, edits with If-Match, submits, is returned, resubmits; the reviewer approves; all audited', async () => {
      const created = await unit.request('POST', `/api/documents/${documentId}/adjustments`, {
        body: { reason: '上半年任务调整', effectiveDate: '2020-07-01' },
      });
      expect(created.statusCode).toBe(201);
      const a = created.json();
      expect(a).toMatchObject({ number: 1, state: 'draft', version: 1, changes: [] });
      // One open request at a time; a date outside the year is refused with the field named.
      const second = await unit.request('POST', `/api/documents/${documentId}/adjustments`, {
        body: { reason: 'x', effectiveDate: '2020-08-01' },
      });
      expect(second.statusCode).toBe(409);
      expect(second.json().code).toBe('adjustment_open');
      // Submitting an unchanged request is refused.
      const unchanged = await unit.request('POST', `/api/adjustments/${a.id}/submit`, { headers: { 'if-match': '"1"' }, body: {} });
      expect(unchanged.statusCode).toBe(422);
      expect(unchanged.json().code).toBe('unchanged');

      const project = a.content.projects[0];
      const before = project.indicators[0].target as string;
      const adjusted = {
        ...a.content,
        projects: [
          {
            ...project,
            budget: { ...project.budget },
            indicators: [{ ...project.indicators[0], target: '≥1次' }, ...project.indicators.slice(1)],
          },
          ...a.content.projects.slice(1),
        ],
      };
      const badDate = await unit.request('PUT', `/api/adjustments/${a.id}`, {
        headers: { 'if-match': '"1"' },
        body: { effectiveDate: '2021-01-01' },
      });
      expect(badDate.statusCode).toBe(422);
      expect(badDate.json().message).toContain('生效日期');
      const saved = await unit.request('PUT', `/api/adjustments/${a.id}`, { headers: { 'if-match': '"1"' }, body: { content: adjusted } });
      expect(saved.statusCode).toBe(200);
      expect(saved.json().version).toBe(2);
      expect(saved.json().changes[0].changes).toEqual([expect.objectContaining({ kind: 'changed', before, after: '≥1次' })]);
      const stale = await unit.request('PUT', `/api/adjustments/${a.id}`, { headers: { 'if-match': '"1"' }, body: { reason: '再改' } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale_version');

      const submitted = await unit.request('POST', `/api/adjustments/${a.id}/submit`, { headers: { 'if-match': '"2"' }, body: {} });
      expect(submitted.statusCode).toBe(200);
      expect(submitted.json().state).toBe('submitted');
      const queue = (await w.clients.reviewer.request('GET', '/api/adjustments')).json();
      expect(queue.items.map((i: { id: number }) => i.id)).toEqual([a.id]);
      expect((await w.clients.otherReviewer.request('GET', '/api/adjustments')).json().items).toEqual([]);

      const noComment = await w.clients.reviewer.request('POST', `/api/adjustments/${a.id}/return`, {
        headers: { 'if-match': '"3"' },
        body: {},
      });
      expect(noComment.statusCode).toBe(422);
      const returned = await w.clients.reviewer.request('POST', `/api/adjustments/${a.id}/return`, {
        headers: { 'if-match': '"3"' },
        body: { comment: '请补充调整依据。' },
      });
      expect(returned.json()).toMatchObject({ state: 'returned', reviewComment: '请补充调整依据。' });
      const edited = await unit.request('PUT', `/api/adjustments/${a.id}`, {
        headers: { 'if-match': '"4"' },
        body: { reason: '上半年任务调整（附主管部门意见）' },
      });
      expect(edited.json().state).toBe('draft');
      await unit.request('POST', `/api/adjustments/${a.id}/submit`, { headers: { 'if-match': '"5"' }, body: {} });

      const docBefore = (await w.clients.reviewer.request('GET', `/api/documents/${documentId}`)).json().meta.version;
      const approved = await w.clients.reviewer.request('POST', `/api/adjustments/${a.id}/approve`, {
        headers: { 'if-match': '"6"' },
        body: {},
      });
      expect(approved.statusCode).toBe(200);
      expect(approved.json()).toMatchObject({ state: 'approved', approvedVersion: docBefore + 1 });

      // Both versions stay readable.
      const doc = (await w.clients.reviewer.request('GET', `/api/documents/${documentId}`)).json();
      expect(doc.meta).toMatchObject({ version: docBefore + 1, status: 'approved' });
      expect(doc.projects[0].indicators[0].target).toBe('≥1次');
      const versions = (await w.clients.reviewer.request('GET', `/api/documents/${documentId}/versions`)).json();
      // The adjusted targets as the newest version, the approved submission before them.
      const [latest, earlier] = versions.items as Array<{ version: number }>;
      expect(latest!.version).toBe(docBefore + 1);
      const old = (await w.clients.reviewer.request('GET', `/api/documents/${documentId}/versions/${earlier!.version}`)).json();
      expect(old.content.projects[0].indicators[0].target).toBe(before);

      // Monitoring uses the targets in force on each date; the self-evaluation the adjusted ones.
      const targetOn = async (date: string) =>
        (await unit.request('GET', `/api/documents/${documentId}/monitoring?date=${date}`)).json().projects[0].indicators[0].target;
      expect(await targetOn('2020-06-30')).toBe(before);
      expect(await targetOn('2020-07-01')).toBe('≥1次');
      const evaluation = (await unit.request('GET', `/api/documents/${documentId}/evaluation`)).json();
      expect(evaluation.projects[0].indicators[0].target).toBe('≥1次');
      const midYear = (await unit.request('GET', `/api/documents/${documentId}/evaluation?asOf=2020-06-30`)).json();
      expect(midYear.projects[0].indicators[0].target).toBe(before);

      const audit = await w.store.db
        .selectFrom('audit_log')
        .select(['action', 'entity', 'before', 'after'])
        .where('document_id', '=', documentId)
        .where('entity', 'in', ['adjustment', 'document'])
        .where('action', 'in', ['create', 'update', 'submit', 'return', 'approve', 'adjust'])
        .orderBy('id')
        .execute();
      const steps = audit.filter((e) => e.entity === 'adjustment' || e.action === 'adjust');
      expect(steps.map((e) => `${e.entity}:${e.action}`)).toEqual([
        'adjustment:create',
        'adjustment:update',
        'adjustment:submit',
        'adjustment:return',
        'adjustment:update',
        'adjustment:submit',
        'document:adjust',
        'adjustment:approve',
      ]);
      expect(steps.at(-1)).toMatchObject({ before: { state: 'submitted' }, after: { state: 'approved' } });

      // A later request may not take effect before this one.
      const next = (
        await unit.request('POST', `/api/documents/${documentId}/adjustments`, { body: { reason: '再调整', effectiveDate: '2020-03-01' } })
      ).json();
      const moved = { ...next.content, projects: next.content.projects.slice(0, -1) };
      await unit.request('PUT', `/api/adjustments/${next.id}`, { headers: { 'if-match': '"1"' }, body: { content: moved } });
      await unit.request('POST', `/api/adjustments/${next.id}/submit`, { headers: { 'if-match': '"2"' }, body: {} });
      const early = await w.clients.reviewer.request('POST', `/api/adjustments/${next.id}/approve`, {
        headers: { 'if-match': '"3"' },
        body: {},
      });
      expect(early.statusCode).toBe(422);
      expect(early.json().code).toBe('effective_date_order');
      const listed = (await unit.request('GET', `/api/documents/${documentId}/adjustments?limit=1`)).json();
      expect(listed.items.map((i: { number: number }) => i.number)).toEqual([2]);
      expect(listed.nextCursor).not.toBeNull();
    });
  });
}
