/**
 * 绩效评价 over HTTP, on PGlite and PostgreSQL: the demo's accepted 财政评价; a reviewer making a
 * third-party account and an evaluation of 怀来县司法局's project assigned to it; the evaluator seeing
 * only that and its subject's document, recording the score (graded by the bands), findings (ids kept)
 * and a report, submitting; the bureau returning with a comment and accepting; the unit seeing it only
 * once accepted. Stale writes are 409, each write is audited with before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openWorld, type World } from '../fixture.testing.ts';
import { TestClient, testDatabases } from '../testing.ts';

const PDF = Buffer.from('%PDF-1.4\n% 评价报告\n%%EOF\n');

for (const make of testDatabases()) {
  const database = make();
  describe(`绩效评价 on ${database.name}`, () => {
    let w: World;
    let third: TestClient;
    let evaluationId: number;
    let version: number;
    let findingIds: number[] = [];
    let project: { code: string; name: string };

    const ifMatch = (v: number) => ({ 'if-match': `"${v}"` });
    const asThird = (method: string, path: string, options: Parameters<TestClient['request']>[2] = {}) =>
      third.request(method as 'GET', `/api/evaluations/${evaluationId}${path}`, options);

    beforeAll(async () => {
      w = await openWorld(database);
      project = (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}`)).json().projects[0];
    }, 120_000);
    afterAll(() => w?.close());

    it('the demo county has one accepted 财政评价 by a third party, with findings and a PDF report', async () => {
      const list = (await w.clients.reviewer.request('GET', '/api/evaluations')).json();
      expect(list.total).toEqual({ value: 1, exact: true });
      const [e] = list.items;
      expect(e).toMatchObject({ kind: 'finance', state: 'accepted', score: '86.50', grade: '良', subject: { kind: 'project' } });
      const whole = (await w.clients.reviewer.request('GET', `/api/evaluations/${e.id}`)).json();
      expect(whole.evaluators).toEqual([expect.objectContaining({ organisation: expect.stringContaining('演示数据') })]);
      expect(whole.findings).toHaveLength(3);
      expect(whole.report).toMatchObject({ contentType: 'application/pdf' });
      const report = await w.clients.reviewer.request('GET', `/api/evaluations/${e.id}/report`);
      expect(report.headers['content-type']).toBe('application/pdf');
      expect(report.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      expect(report.rawPayload.byteLength).toBe(whole.report.size);
    });

    it('a reviewer makes a third-party account for its bureau; an admin’s needs an organisation', async () => {
      const r = await w.clients.reviewer.request('POST', '/api/evaluations/evaluators', {
        body: { username: 'zhongxin-pingjia', displayName: '张评价', organisation: '中信绩效评价有限公司' },
      });
      expect(r.statusCode).toBe(201);
      expect(r.json().user).toMatchObject({ role: 'evaluator', bureauId: w.countyId, organisation: '中信绩效评价有限公司' });
      third = new TestClient(w.app);
      await third.login('zhongxin-pingjia', r.json().password);
      const bad = await w.clients.admin.request('POST', '/api/admin/users', {
        body: { username: 'no-org', displayName: 'x', role: 'evaluator', bureauId: w.countyId },
      });
      expect(bad.statusCode).toBe(422);
    });

    it('the reviewer plans an evaluation of a project and assigns it; unknown subjects and evaluators are refused', async () => {
      const evaluators = (await w.clients.reviewer.request('GET', '/api/evaluations/evaluators?q=zhongxin')).json().items;
      expect(evaluators.map((e: { username: string }) => e.username)).toEqual(['zhongxin-pingjia']);
      const body = {
        year: 2020,
        kind: 'department',
        title: '法律援助项目部门评价',
        evaluatingBody: '中信绩效评价有限公司',
        subject: { documentId: w.draftId, projectCode: project.code },
        evaluatorIds: [evaluators[0].id],
      };
      const noProject = await w.clients.reviewer.request('POST', '/api/evaluations', {
        body: { ...body, subject: { documentId: w.draftId, projectCode: 'NOPE' } },
      });
      expect(noProject.statusCode).toBe(422);
      expect(noProject.json().message).toContain('NOPE');
      // A reviewer is no evaluator, and 怀安's reviewer does not reach 怀来's project.
      const reviewerId = (await w.store.db.selectFrom('users').select('id').where('username', '=', 'huailai-czj').executeTakeFirstOrThrow())
        .id;
      expect(
        (await w.clients.reviewer.request('POST', '/api/evaluations', { body: { ...body, evaluatorIds: [reviewerId] } })).statusCode,
      ).toBe(422);
      expect((await w.clients.otherReviewer.request('POST', '/api/evaluations', { body: { ...body, evaluatorIds: [] } })).statusCode).toBe(
        422,
      );
      const r = await w.clients.reviewer.request('POST', '/api/evaluations', { body });
      expect(r.statusCode).toBe(201);
      expect(r.json()).toMatchObject({ state: 'planned', version: 1, subject: { projectName: project.name, documentId: w.draftId } });
      evaluationId = r.json().id;
      version = 1;
    });

    it('the evaluator sees only its assignment and its subject’s document, read-only; nothing else', async () => {
      const list = (await third.request('GET', '/api/evaluations')).json();
      expect(list.items.map((e: { id: number }) => e.id)).toEqual([evaluationId]);
      const demo = (await w.clients.reviewer.request('GET', '/api/evaluations?state=accepted')).json().items[0].id;
      expect((await third.request('GET', `/api/evaluations/${demo}`)).statusCode).toBe(404);
      expect((await third.request('GET', `/api/evaluations/${demo}/report`)).statusCode).toBe(404);
      expect((await w.clients.evaluator.request('GET', `/api/evaluations/${evaluationId}`)).statusCode).toBe(404);
      expect((await third.request('GET', `/api/documents/${w.draftId}`)).statusCode).toBe(200);
      expect((await w.clients.evaluator.request('GET', `/api/documents/${w.draftId}`)).statusCode).toBe(403);
      expect((await third.request('GET', '/api/documents?year=2020')).statusCode).toBe(403);
      const doc = (await third.request('GET', `/api/documents/${w.draftId}`)).json();
      const edit = await third.request('POST', `/api/documents/${w.draftId}/submit`, { headers: ifMatch(doc.meta.version) });
      expect(edit.statusCode).toBe(403);
      // The bureau does not record where it commissioned a third party.
      expect(
        (
          await w.clients.reviewer.request('PUT', `/api/evaluations/${evaluationId}/result`, {
            headers: ifMatch(version),
            body: { score: '90', summary: '' },
          })
        ).statusCode,
      ).toBe(403);
    });

    it('records the score (graded by the bands), with 409 on a stale version and 422 on a score out of range', async () => {
      const bad = await asThird('PUT', '/result', { headers: ifMatch(version), body: { score: '100.5', summary: '' } });
      expect(bad.statusCode).toBe(422);
      expect(bad.json()).toMatchObject({ field: 'score' });
      const r = await asThird('PUT', '/result', { headers: ifMatch(version), body: { score: '79.95', summary: '目标基本实现。' } });
      expect(r.statusCode).toBe(200);
      version = r.json().version;
      const stale = await asThird('PUT', '/result', { headers: ifMatch(version - 1), body: { score: '95', summary: '' } });
      expect(stale.statusCode).toBe(409);
      expect(stale.json()).toMatchObject({ code: 'stale_version', currentVersion: version });
      const now = (await asThird('GET', '')).json();
      expect(now).toMatchObject({ state: 'inProgress', score: '79.95', grade: '中', summary: '目标基本实现。' });
    });

    it('findings keep their ids through edits', async () => {
      for (const text of ['指标未量化。', '支出进度滞后。', '满意度样本不足。']) {
        const r = await asThird('POST', '/findings', {
          headers: ifMatch(version),
          body: { text, severity: 'moderate', concerns: '产出指标' },
        });
        expect(r.statusCode).toBe(201);
        version = r.json().version;
        findingIds.push(r.json().findingId);
      }
      const edited = await asThird('PUT', `/findings/${findingIds[1]}`, {
        headers: ifMatch(version),
        body: { text: '上半年支出进度滞后。', severity: 'minor' },
      });
      expect(edited.statusCode).toBe(200);
      version = edited.json().version;
      const removed = await asThird('DELETE', `/findings/${findingIds[2]}`, { headers: ifMatch(version) });
      expect(removed.statusCode).toBe(200);
      version = removed.json().version;
      findingIds = findingIds.slice(0, 2);
      const findings = (await asThird('GET', '')).json().findings;
      expect(findings).toEqual([
        { id: findingIds[0], evaluationId, text: '指标未量化。', severity: 'moderate', concerns: '产出指标' },
        { id: findingIds[1], evaluationId, text: '上半年支出进度滞后。', severity: 'minor', concerns: null },
      ]);
    });

    it('takes a PDF or Word report and gives it back with its type; other files are refused', async () => {
      const text = await asThird('PUT', '/report?fileName=report.txt', {
        headers: ifMatch(version),
        raw: Buffer.from('not a report'),
        contentType: 'application/octet-stream',
      });
      expect(text.statusCode).toBe(422);
      const r = await asThird('PUT', `/report?fileName=${encodeURIComponent('评价报告.pdf')}`, {
        headers: ifMatch(version),
        raw: PDF,
        contentType: 'application/octet-stream',
      });
      expect(r.statusCode).toBe(200);
      version = r.json().version;
      const back = await asThird('GET', '/report');
      expect(back.headers['content-type']).toBe('application/pdf');
      expect(back.headers['content-disposition']).toContain(encodeURIComponent('评价报告.pdf'));
      expect(back.rawPayload.equals(PDF)).toBe(true);
    });

    it('submits; the bureau returns with a comment, then accepts; the unit sees it only once accepted', async () => {
      const submitted = await asThird('POST', '/submit', { headers: ifMatch(version) });
      expect(submitted.statusCode).toBe(200);
      version = submitted.json().version;
      const late = await asThird('PUT', '/result', { headers: ifMatch(version), body: { score: '95', summary: '' } });
      expect(late.statusCode).toBe(409);
      expect(late.json().code).toBe('invalid_state');
      expect((await w.clients.ownUnit.request('GET', `/api/evaluations/${evaluationId}`)).statusCode).toBe(404);
      const path = `/api/evaluations/${evaluationId}`;
      expect(
        (await w.clients.reviewer.request('POST', `${path}/return`, { headers: ifMatch(version), body: { comment: ' ' } })).statusCode,
      ).toBe(422);
      const returned = await w.clients.reviewer.request('POST', `${path}/return`, {
        headers: ifMatch(version),
        body: { comment: '请补充满意度调查。' },
      });
      expect(returned.statusCode).toBe(200);
      version = returned.json().version;
      expect((await asThird('GET', '')).json()).toMatchObject({ state: 'inProgress', returnComment: '请补充满意度调查。' });
      version = (await asThird('PUT', '/result', { headers: ifMatch(version), body: { score: '91', summary: '已补充。' } })).json().version;
      version = (await asThird('POST', '/submit', { headers: ifMatch(version) })).json().version;
      const accepted = await w.clients.reviewer.request('POST', `${path}/accept`, { headers: ifMatch(version) });
      expect(accepted.statusCode).toBe(200);
      const seen = await w.clients.ownUnit.request('GET', path);
      expect(seen.statusCode).toBe(200);
      expect(seen.json()).toMatchObject({ state: 'accepted', score: '91.00', grade: '优', returnComment: null });
      expect(seen.json().findings.map((f: { id: number }) => f.id)).toEqual(findingIds);
      expect((await w.clients.ownUnit.request('GET', '/api/evaluations')).json().items.map((e: { id: number }) => e.id)).toEqual([
        evaluationId,
      ]);
      expect((await w.clients.otherUnit.request('GET', path)).statusCode).toBe(404);
      // Accepted findings stay for good.
      const gone = await asThird('DELETE', `/findings/${findingIds[0]}`, { headers: ifMatch(version + 1) });
      expect(gone.statusCode).toBe(409);
    });

    it('audits every write with before and after', async () => {
      const log = await w.store.db
        .selectFrom('audit_log')
        .select(['action', 'before', 'after'])
        .where('entity', '=', 'evaluation')
        .where('entity_id', '=', String(evaluationId))
        .orderBy('id')
        .execute();
      expect(log.map((l) => l.action)).toEqual([
        'create',
        'record',
        'addFinding',
        'addFinding',
        'addFinding',
        'editFinding',
        'deleteFinding',
        'uploadReport',
        'submit',
        'return',
        'record',
        'submit',
        'accept',
      ]);
      const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v) as { state: string; score: string | null };
      const accept = log.at(-1)!;
      expect(parse(accept.before).state).toBe('submitted');
      expect(parse(accept.after).state).toBe('accepted');
      expect(parse(log[1]!.before).score).toBeNull();
    });
  });
}
