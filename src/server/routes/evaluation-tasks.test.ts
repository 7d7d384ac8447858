/**
 * 自评任务, 自评审核 and 抽评 over HTTP, on PGlite and PostgreSQL: the demo's task (卫生健康局 accepted,
 * a sample drawn with its seed and re-checked); a reviewer assigns a task to the county, to a
 * sub-bureau outside theirs (422) and to chosen projects; tracking counts and the late filter; the
 * unit's tasks and reminders; start, submit (its score recorded), return with a comment, resubmit,
 * accept; stale versions 409; a draw whose seed and population give the same sample again; the
 * re-check graded beside the unit's own; every write audited with before and after.
 */
import { today } from '../actuals-access.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { drawSample } from '../../core/evaluation-tasks/sample.ts';
import { createUser } from '../../store/accounts.ts';
import { systemActor } from '../../store/audit.ts';
import { DEMO_SAMPLE_SEED, DEMO_TASK_TITLE } from '../demo-evaluation-tasks.ts';
import { openWorld, type World } from '../fixture.testing.ts';
import { TestClient, testDatabases } from '../testing.ts';

const v = (version: number) => ({ 'if-match': `"${version}"` });

for (const make of testDatabases()) {
  const database = make();
  describe(`自评任务 on ${database.name}`, () => {
    let w: World;
    let nongye: TestClient;
    let nongyeUnitId: number;
    beforeAll(async () => {
      w = await openWorld(database);
      nongyeUnitId = (await w.store.db.selectFrom('units').select('id').where('code', '=', '315005').executeTakeFirstOrThrow()).id;
      await createUser(w.store.db, systemActor('test'), {
        username: 'nongye',
        displayName: '农业农村局填报员',
        role: 'unit',
        unitId: nongyeUnitId,
        password: 'nongye-password-123',
      });
      nongye = new TestClient(w.app);
      await nongye.login('nongye', 'nongye-password-123');
    }, 120_000);
    afterAll(() => w?.close());

    const auditOf = (entity: string, id: number) =>
      w.store.db
        .selectFrom('audit_log')
        .selectAll()
        .where('entity', '=', entity)
        .where('entity_id', '=', String(id))
        .orderBy('id')
        .execute();

    it('the demo county shows its task, an accepted self-evaluation and a drawn, re-checked sample', async () => {
      const list = (await w.clients.reviewer.request('GET', '/api/evaluation-tasks')).json();
      const demo = list.items.find((t: { title: string }) => t.title === DEMO_TASK_TITLE);
      expect(demo).toMatchObject({ year: 2020, deadline: '2021-03-31', assigned: 4, scope: { kind: 'all' } });
      const detail = (await w.clients.reviewer.request('GET', `/api/evaluation-tasks/${demo.id}`)).json();
      expect(detail.counts).toEqual({ notStarted: 3, inProgress: 0, submitted: 0, returned: 0, accepted: 1, late: 3 });
      expect(detail.sample).toMatchObject({ seed: DEMO_SAMPLE_SEED, size: { percent: 20 }, drawn: 1 });
      expect(drawSample(detail.sample.population, DEMO_SAMPLE_SEED, 1)).toHaveLength(1);
      const rechecks = (await w.clients.reviewer.request('GET', `/api/evaluation-tasks/${demo.id}/sample/rechecks`)).json();
      expect(rechecks.items).toHaveLength(1);
      expect(rechecks.items[0]).toMatchObject({ unitCode: '315004', score: '88.50', grade: '良' });
      expect(rechecks.items[0].selfScore).toMatch(/^\d+\.\d{2}$/);
      expect(rechecks.items[0].findings).toContain('演示数据');
      // The demo unit (its 2020 document a draft) has not started: its reminder says the deadline has passed.
      const reminders = (await w.clients.ownUnit.request('GET', '/api/evaluation-reminders')).json();
      expect(reminders.count).toBe(1);
      expect(reminders.items[0]).toMatchObject({ kind: 'overdue', title: DEMO_TASK_TITLE });
      expect(reminders.items[0].message).toContain('逾期');
    });

    it('assigns to a bureau under the reviewer only, and refuses bad input naming the field', async () => {
      const huaian = (await w.store.db.selectFrom('bureaus').select('id').where('code', '=', '130728').executeTakeFirstOrThrow()).id;
      const outside = await w.clients.reviewer.request('POST', '/api/evaluation-tasks', {
        body: { year: 2020, title: '越级', deadline: '2021-03-31', scope: { kind: 'bureau', bureauId: huaian } },
      });
      expect(outside.statusCode).toBe(422);
      expect(outside.json()).toMatchObject({ code: 'invalid_task', field: 'scope.bureauId' });
      const badDate = await w.clients.reviewer.request('POST', '/api/evaluation-tasks', {
        body: { year: 2020, title: '日期', deadline: '2021-02-30', scope: { kind: 'all' } },
      });
      expect(badDate.statusCode).toBe(422);
      expect(badDate.json().message).toContain('截止日期');
      // The city's reviewer does not exist; the county's cannot reach 怀安's units, 怀安's reviewer reaches its own.
      const own = await w.clients.otherReviewer.request('POST', '/api/evaluation-tasks', {
        body: { year: 2020, title: '怀安县自评', deadline: '2099-01-31', scope: { kind: 'all' } },
      });
      expect(own.statusCode).toBe(201);
      expect(own.json().assigned).toBe(1);
      expect((await w.clients.reviewer.request('GET', `/api/evaluation-tasks/${own.json().id}`)).statusCode).toBe(403);
    });

    it('walks an assignment: start, submit, return with a comment, resubmit, accept — each audited, stale versions 409', async () => {
      // Three days after today as the server counts days (China's date, which turns at 16:00 UTC).
      const soon = new Date(Date.parse(`${today()}T00:00:00Z`) + 3 * 86_400_000).toISOString().slice(0, 10);
      const created = await w.clients.reviewer.request('POST', '/api/evaluation-tasks', {
        body: { year: 2020, title: '年度自评（测试）', deadline: soon, scope: { kind: 'all' } },
      });
      expect(created.statusCode).toBe(201);
      const task = created.json();
      expect(task.assigned).toBe(4);
      expect((await auditOf('evaluationTask', task.id))[0]).toMatchObject({ action: 'create' });

      const mine = (await nongye.request('GET', '/api/evaluation-assignments')).json().items;
      const a = mine.find((x: { taskId: number }) => x.taskId === task.id);
      expect(a).toMatchObject({ state: 'notStarted', late: false, title: '年度自评（测试）', unitCode: '315005' });
      const reminders = (await nongye.request('GET', '/api/evaluation-reminders')).json();
      expect(reminders.items.find((r: { taskId: number }) => r.taskId === task.id)).toMatchObject({ kind: 'week', daysLeft: 3 });

      // Someone else's assignment is not the unit's to start; a stale version changes nothing.
      expect((await w.clients.ownUnit.request('POST', `/api/evaluation-assignments/${a.id}/start`, { headers: v(1) })).statusCode).toBe(
        403,
      );
      const stale = await nongye.request('POST', `/api/evaluation-assignments/${a.id}/start`, { headers: v(7) });
      expect(stale.statusCode).toBe(409);
      expect(stale.json().code).toBe('stale_version');
      const started = await nongye.request('POST', `/api/evaluation-assignments/${a.id}/start`, { headers: v(1) });
      expect(started.json()).toMatchObject({ state: 'inProgress', version: 2 });

      // The reviewer cannot accept what is not submitted.
      const early = await w.clients.reviewer.request('POST', `/api/evaluation-assignments/${a.id}/review`, {
        headers: v(2),
        body: { decision: 'accept' },
      });
      expect(early.statusCode).toBe(409);
      expect(early.json().message).toContain('填报中');

      const submitted = await nongye.request('POST', `/api/evaluation-assignments/${a.id}/submit`, { headers: v(2) });
      expect(submitted.statusCode).toBe(200);
      expect(submitted.json()).toMatchObject({ state: 'submitted', version: 3 });
      expect(submitted.json().selfScore).toMatch(/^\d+\.\d{2}$/);
      expect(submitted.json().selfGrade).toMatch(/^[优良中差]$/);
      const evaluation = (await nongye.request('GET', `/api/documents/${submitted.json().documentId}/evaluation`)).json();
      expect(submitted.json().selfScore).toBe(evaluation.score);

      const noComment = await w.clients.reviewer.request('POST', `/api/evaluation-assignments/${a.id}/review`, {
        headers: v(3),
        body: { decision: 'return', comment: ' ' },
      });
      expect(noComment.statusCode).toBe(422);
      expect(noComment.json()).toMatchObject({ code: 'comment_required', field: 'comment' });
      expect(
        (
          await w.clients.otherReviewer.request('POST', `/api/evaluation-assignments/${a.id}/review`, {
            headers: v(3),
            body: { decision: 'accept' },
          })
        ).statusCode,
      ).toBe(403);
      const returned = await w.clients.reviewer.request('POST', `/api/evaluation-assignments/${a.id}/review`, {
        headers: v(3),
        body: { decision: 'return', comment: '请补充偏差原因的佐证' },
      });
      expect(returned.json()).toMatchObject({
        state: 'returned',
        reviewComment: '请补充偏差原因的佐证',
        reviewedByName: '怀来县财政局审核员',
      });
      const back = (await nongye.request('GET', '/api/evaluation-reminders')).json();
      expect(back.items.find((r: { taskId: number }) => r.taskId === task.id)).toMatchObject({ kind: 'returned' });

      const again = await nongye.request('POST', `/api/evaluation-assignments/${a.id}/submit`, { headers: v(4) });
      expect(again.json()).toMatchObject({ state: 'submitted', version: 5 });
      const accepted = await w.clients.reviewer.request('POST', `/api/evaluation-assignments/${a.id}/review`, {
        headers: v(5),
        body: { decision: 'accept', comment: '' },
      });
      expect(accepted.json()).toMatchObject({ state: 'accepted', version: 6 });
      expect(
        (await nongye.request('GET', '/api/evaluation-reminders')).json().items.some((r: { taskId: number }) => r.taskId === task.id),
      ).toBe(false);

      const trail = await auditOf('evaluationAssignment', a.id);
      expect(trail.map((t) => t.action)).toEqual(['start', 'submit', 'return', 'submit', 'accept']);
      expect(trail[2]).toMatchObject({
        before: { state: 'submitted' },
        after: { state: 'returned', reviewComment: '请补充偏差原因的佐证' },
      });

      const counts = (await w.clients.reviewer.request('GET', `/api/evaluation-tasks/${task.id}`)).json().counts;
      expect(counts).toEqual({ notStarted: 3, inProgress: 0, submitted: 0, returned: 0, accepted: 1, late: 0 });
      const accepteds = (await w.clients.reviewer.request('GET', `/api/evaluation-tasks/${task.id}/assignments?state=accepted`)).json();
      expect(accepteds.items.map((x: { unitCode: string }) => x.unitCode)).toEqual(['315005']);
      expect(accepteds.total).toEqual({ value: 1, exact: true });
      // Not late yet: the late filter is empty before the deadline.
      expect((await w.clients.reviewer.request('GET', `/api/evaluation-tasks/${task.id}/assignments?late=true`)).json().items).toEqual([]);

      // 抽评: a stale task version is 409; the draw records its seed, and the seed redraws the same sample.
      const drawStale = await w.clients.reviewer.request('POST', `/api/evaluation-tasks/${task.id}/sample`, {
        headers: v(9),
        body: { size: { count: 1 } },
      });
      expect(drawStale.statusCode).toBe(409);
      const badSize = await w.clients.reviewer.request('POST', `/api/evaluation-tasks/${task.id}/sample`, {
        headers: v(1),
        body: { size: { percent: 0 } },
      });
      expect(badSize.statusCode).toBe(422);
      const drawn = await w.clients.reviewer.request('POST', `/api/evaluation-tasks/${task.id}/sample`, {
        headers: v(1),
        body: { size: { count: 1 } },
      });
      expect(drawn.statusCode).toBe(201);
      expect(drawn.json().seed).toMatch(/^[0-9a-f]{16}$/);
      expect(drawn.json().population).toEqual([a.id]);
      const twice = await w.clients.reviewer.request('POST', `/api/evaluation-tasks/${task.id}/sample`, {
        headers: v(2),
        body: { size: { count: 1 } },
      });
      expect(twice.json().code).toBe('sample_exists');
      const [recheck] = (await w.clients.reviewer.request('GET', `/api/evaluation-tasks/${task.id}/sample/rechecks`)).json().items;
      expect(recheck).toMatchObject({ assignmentId: a.id, selfScore: submitted.json().selfScore, score: null });
      expect(drawSample(drawn.json().population, drawn.json().seed, 1)).toEqual([recheck.assignmentId]);

      const badScore = await w.clients.reviewer.request('PUT', `/api/evaluation-rechecks/${recheck.id}`, {
        headers: v(1),
        body: { score: '101', findings: '' },
      });
      expect(badScore.statusCode).toBe(422);
      expect(badScore.json().field).toBe('score');
      const saved = await w.clients.reviewer.request('PUT', `/api/evaluation-rechecks/${recheck.id}`, {
        headers: v(1),
        body: { score: '79.5', findings: '满意度调查样本不足' },
      });
      expect(saved.json()).toMatchObject({ score: '79.50', grade: '中', findings: '满意度调查样本不足', version: 2 });
      expect(
        (
          await w.clients.reviewer.request('PUT', `/api/evaluation-rechecks/${recheck.id}`, {
            headers: v(1),
            body: { score: '80', findings: '' },
          })
        ).statusCode,
      ).toBe(409);
      expect((await auditOf('evaluationRecheck', recheck.id))[0]).toMatchObject({
        before: { score: null },
        after: { score: '79.50', grade: '中' },
      });
    });

    it('refuses to submit a self-evaluation before the targets are approved', async () => {
      const demo = (await w.clients.ownUnit.request('GET', '/api/evaluation-assignments')).json().items[0];
      const r = await w.clients.ownUnit.request('POST', `/api/evaluation-assignments/${demo.id}/submit`, { headers: v(demo.version) });
      expect(r.statusCode).toBe(422);
      expect(r.json().code).toBe('not_approved');
    });

    it('assigns chosen projects to their units only, and scores those projects only', async () => {
      const doc = await w.store.db
        .selectFrom('documents as d')
        .innerJoin('units as u', 'u.id', 'd.unit_id')
        .select('d.id')
        .where('u.code', '=', '315005')
        .executeTakeFirstOrThrow();
      const projects = await w.store.db
        .selectFrom('projects')
        .select(['id', 'code'])
        .where('document_id', '=', doc.id)
        .orderBy('id')
        .execute();
      const chosen = projects[0]!;
      const created = await w.clients.reviewer.request('POST', '/api/evaluation-tasks', {
        body: { year: 2020, title: '重点项目自评', deadline: '2099-12-31', scope: { kind: 'projects', projectIds: [chosen.id] } },
      });
      expect(created.json().assigned).toBe(1);
      const a = (await nongye.request('GET', '/api/evaluation-assignments'))
        .json()
        .items.find((x: { taskId: number }) => x.taskId === created.json().id);
      expect(a.projectCodes).toEqual([chosen.code]);
      const submitted = (await nongye.request('POST', `/api/evaluation-assignments/${a.id}/submit`, { headers: v(1) })).json();
      const evaluation = (await nongye.request('GET', `/api/documents/${doc.id}/evaluation`)).json();
      const own = evaluation.projects.find((p: { projectCode: string }) => p.projectCode === chosen.code);
      expect(submitted.selfScore).toBe(own.total);
      const missing = await w.clients.reviewer.request('POST', '/api/evaluation-tasks', {
        body: { year: 2020, title: '不存在', deadline: '2099-12-31', scope: { kind: 'projects', projectIds: [99999999] } },
      });
      expect(missing.statusCode).toBe(422);
    });
  });
}
