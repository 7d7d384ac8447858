/**
 * The authorization matrix: each role × each endpoint gets exactly the status the rules give.
 * Writes carry a stale If-Match, so a caller who is allowed reaches the version check (409) and
 * changes nothing, while one who is not is turned away first (401/403).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { blankAssessment } from '../core/ex-ante/assessment.ts';
import { exactSum } from '../store/amounts.ts';
import { openWorld, ROLES, ROOT, type RoleName, type World } from './fixture.testing.ts';
import { testDatabases } from './testing.ts';
import { rebuildAggregates } from '../store/aggregates/rebuild.ts';
import type { AdjustmentsTable } from '../store/adjustments/adjustments.ts';
import { systemActor } from '../store/audit.ts';
import { addEvidence, openRectification } from '../store/rectification/items.ts';

const SEED = readFileSync(join(ROOT, 'samples/huailai-sifaju-2020.txt'));
const ACTUALS = readFileSync(join(ROOT, 'src/formats/actuals/fixtures/huailai-2020-actuals.csv'));
const STALE = { 'if-match': '"999"' };
const STATUSES = ['draft', 'submitted', 'returned', 'approved', 'published'] as const;
const pick = (t: { documents: number; budgetTotal: string; statusCounts: object }) => ({
  documents: t.documents,
  budgetTotal: t.budgetTotal,
  statusCounts: t.statusCounts,
});

type Expect = Record<RoleName, number>;
const only = (allowed: Partial<Record<RoleName, number>>, denied = 403): Expect =>
  Object.fromEntries(ROLES.map((r) => [r, allowed[r] ?? (r === 'anonymous' ? 401 : denied)])) as Expect;
const everyone = (status: number): Expect => Object.fromEntries(ROLES.map((r) => [r, status])) as Expect;
/** What visitors read outside /api/public: an evaluator signed in reaches only its own routes and /api/public (403). */
const visitors = (status: number): Expect => ({ ...everyone(status), evaluator: 403 });
/** Every internal role; a third-party evaluator gets `evaluator` (403: it reaches only its evaluations, docs/evaluations.md). */
const signedIn = (status: number, evaluator = 403): Expect => ({ ...everyone(status), anonymous: 401, evaluator });

for (const make of testDatabases()) {
  const database = make();
  describe(`authorization matrix on ${database.name}`, () => {
    let w: World;
    let projectId: number;
    let indicatorId: number;
    let publishedId: number;
    let spendingId: number;
    let seedModel: unknown;
    let adjustmentId: number;
    let demoAdjustmentId: number;
    let demoNoticeId: number;
    let unitNoticeId: number;
    /** The demo's accepted 财政评价 (卫生健康局's project, assigned to the demo's evaluator, not the world's). */
    let evaluationId: number;
    let publishedIndicatorId: number;
    beforeAll(async () => {
      w = await openWorld(database);
      evaluationId = (await w.store.db.selectFrom('evaluations').select('id').executeTakeFirstOrThrow()).id;
      const doc = (await w.clients.ownUnit.request('GET', `/api/documents/${w.draftId}`)).json();
      projectId = doc.projects[0].id;
      indicatorId = doc.projects[0].indicators[0].id;
      // A published document of another unit of the demo county.
      const other = await w.store.db
        .selectFrom('documents as d')
        .innerJoin('units as u', 'u.id', 'd.unit_id')
        .select('d.id')
        .where('u.code', '=', '315003')
        .executeTakeFirstOrThrow();
      await w.store.db.updateTable('documents').set({ status: 'published' }).where('id', '=', other.id).execute();
      // Written behind the store's back: its aggregates are built as after a bulk load.
      await rebuildAggregates(w.store.db, [other.id]);
      publishedId = other.id;
      publishedIndicatorId = (
        await w.store.db
          .selectFrom('indicators as i')
          .innerJoin('projects as p', 'p.id', 'i.project_id')
          .select('i.id')
          .where('p.document_id', '=', publishedId)
          .limit(1)
          .executeTakeFirstOrThrow()
      ).id;
      seedModel = (
        await w.clients.admin.request('POST', '/api/import/preview?fileName=seed.txt', { raw: SEED, contentType: 'text/plain' })
      ).json().documents[0].document;
      // A spending figure on the draft (drafts take none over the API): allowed writers reach the status check.
      const spending = await w.store.db
        .insertInto('actual_spending')
        .values({
          document_id: w.draftId,
          project_id: projectId,
          project_code: doc.projects[0].code,
          date: '2020-03-31',
          cumulative: '1.00',
          recorded_by: null,
          recorded_by_name: 'test',
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      spendingId = spending.id;
      // A 目标调整 request of the own unit, written behind the store's back (the draft has no approved targets to adjust).
      const adjustments = w.store.db.withTables<{ adjustments: AdjustmentsTable }>();
      adjustmentId = (
        await adjustments
          .insertInto('adjustments')
          .values({
            document_id: w.draftId,
            number: 1,
            state: 'draft',
            reason: '测试',
            effective_date: '2020-07-01',
            base_version: 1,
            base_content: '{}',
            content: '{}',
            created_by: null,
            created_by_name: 'test',
            submitted_at: null,
            decided_at: null,
            decided_by_name: null,
            approved_version: null,
            review_comment: null,
          })
          .returning('id')
          .executeTakeFirstOrThrow()
      ).id;
      demoAdjustmentId = (
        await adjustments.selectFrom('adjustments').select('id').where('state', '=', 'approved').executeTakeFirstOrThrow()
      ).id;
      demoNoticeId = (await w.store.db.selectFrom('approval_notices').select('id').orderBy('id').executeTakeFirstOrThrow()).id;
      // An issued notice covering the unit's document, written behind the store's back (its draft cannot be approved as it is).
      const unitNotice = await w.store.db
        .insertInto('approval_notices')
        .values({ bureau_id: w.countyId, year: 2020, number: '测试〔2020〕1号', title: '测试', notice_date: '2020-03-01', state: 'issued' })
        .returning('id')
        .executeTakeFirstOrThrow();
      unitNoticeId = unitNotice.id;
      const draft = await w.store.db
        .selectFrom('documents')
        .select(['version', 'unit_id'])
        .where('id', '=', w.draftId)
        .executeTakeFirstOrThrow();
      await w.store.db
        .insertInto('approval_notice_documents')
        .values({
          notice_id: unitNoticeId,
          document_id: w.draftId,
          document_version: draft.version,
          unit_id: draft.unit_id,
          state: 'issued',
        })
        .execute();
    }, 120_000);
    afterAll(() => w?.close());

    // A 整改 item of the unit's draft with one evidence file, opened once behind the API.
    let item: Promise<{ id: number; fileId: number }> | undefined;
    const sifajuItem = () =>
      (item ??= (async () => {
        const actor = systemActor('test');
        const opened = await openRectification(w.store.db, actor, {
          documentId: w.draftId,
          projectCode: null,
          indicatorIndex: null,
          field: '',
          severity: null,
          finding: '问题',
          suggestion: '',
          requirement: '',
          source: { kind: 'review', ruleId: 'x' },
          deadline: '2099-01-01',
        });
        const { file } = await addEvidence(w.store.db, actor, opened.id, opened.version, 'a.pdf', Buffer.from('pdf'));
        return { id: opened.id, fileId: file.id };
      })());

    const project = () => ({
      code: 'X-1',
      name: '测试项目',
      unit: { code: '315002', name: '怀来县司法局' },
      amountUnit: '万元',
      budget: { total: '1.00', fiscal: '1.00', other: null, sources: [] },
      useOfFunds: '用途',
      spendingPlan: [],
      goals: [],
      indicators: [],
      department: null,
      attribute: null,
      period: null,
    });
    const indicator = {
      term: 'annual',
      level1: '产出指标',
      level2: '数量指标',
      level3: '',
      description: '件数',
      target: '≥1件',
      basis: '计划',
      remark: '',
    };

    const libraryContent = { level1: '产出指标', level2: '数量指标', level3: '测试指标', unit: '件', target: '≥1件', field: 'justice' };
    /** The demo county's first library entry in a state (the demo's application, its learned entries). */
    const countyEntry = async (state: 'proposed' | 'approved') =>
      (
        await w.store.db
          .selectFrom('library_entries')
          .select('id')
          .where('bureau_id', '=', w.countyId)
          .where('state', '=', state)
          .orderBy('id')
          .limit(1)
          .executeTakeFirstOrThrow()
      ).id;

    /** The demo's 自评任务, 司法局's assignment in it, and its 抽评 re-check. */
    const demoTask = async () =>
      (await w.store.db.selectFrom('evaluation_tasks').select('id').orderBy('id').limit(1).executeTakeFirstOrThrow()).id;
    const demoAssignment = async () =>
      (
        await w.store.db
          .selectFrom('evaluation_assignments as a')
          .innerJoin('units as u', 'u.id', 'a.unit_id')
          .select('a.id')
          .where('a.task_id', '=', await demoTask())
          .where('u.code', '=', '315002')
          .executeTakeFirstOrThrow()
      ).id;
    const demoRecheck = async () =>
      (
        await w.store.db
          .selectFrom('evaluation_rechecks')
          .select('id')
          .where('task_id', '=', await demoTask())
          .executeTakeFirstOrThrow()
      ).id;
    /** The demo's fund the province issued to the county and the county broke down (./demo-transfer.ts). */
    const demoTransfer = async () => {
      const r = await w.store.db
        .selectFrom('transfer_breakdowns as b')
        .innerJoin('transfer_allocations as a', 'a.id', 'b.allocation_id')
        .select(['a.fund_id', 'a.id as allocation_id', 'b.id as breakdown_id', 'b.project_id'])
        .where('a.bureau_id', '=', w.countyId)
        .executeTakeFirstOrThrow();
      return { fundId: r.fund_id, allocationId: r.allocation_id, breakdownId: r.breakdown_id, projectId: r.project_id };
    };
    const transferFund = {
      year: 2020,
      code: 'MATRIX',
      name: '测试专项',
      department: '测试',
      amount: '10',
      amountCentral: '5',
      amountLocal: '4',
      goal: '',
      indicators: [{ level1: '产出指标', level2: '数量指标', level3: '件数', target: '≥1件' }],
    };

    const cases: Array<{ name: string; run: (role: RoleName) => Promise<{ statusCode: number }>; expect: Expect }> = [
      {
        name: 'GET a draft',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      { name: 'GET a published document', run: (r) => w.clients[r].request('GET', `/api/documents/${publishedId}`), expect: everyone(200) },
      {
        name: 'GET a draft project',
        run: (r) => w.clients[r].request('GET', `/api/projects/${projectId}`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET findings',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/findings`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET audit',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/audit`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET audit summary',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/audit?detail=summary`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      // A document's versions, as its audit trail: for those who read it, signed in.
      {
        name: 'GET versions',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/versions`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET versions of a published document',
        run: (r) => w.clients[r].request('GET', `/api/documents/${publishedId}/versions`),
        expect: signedIn(200),
      },
      {
        name: 'GET a version',
        run: async (r) =>
          w.clients[r].request(
            'GET',
            `/api/documents/${w.draftId}/versions/${(await w.store.db.selectFrom('documents').select('version').where('id', '=', w.draftId).executeTakeFirstOrThrow()).version}`,
          ),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET review settings of a draft',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/review-settings`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET review settings of a published document',
        run: (r) => w.clients[r].request('GET', `/api/documents/${publishedId}/review-settings`),
        expect: visitors(200),
      },
      { name: 'GET public units', run: (r) => w.clients[r].request('GET', '/api/public/units'), expect: everyone(200) },
      // Issue 15: history as the document reads; suggestions for a project as its document reads, a free query signed in;
      // the public comparison of a published row by anyone, of a draft's by no one.
      {
        name: 'GET history of a draft',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/history`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET history of a published document',
        run: (r) => w.clients[r].request('GET', `/api/documents/${publishedId}/history`),
        // A third-party evaluator reads only the documents of what it was assigned, and those whole.
        expect: { ...everyone(200), evaluator: 403 },
      },
      {
        name: 'GET suggestions for a draft project',
        run: (r) => w.clients[r].request('GET', `/api/projects/${projectId}/suggestions`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET suggestions for a published project',
        run: async (r) => {
          const project = await w.store.db
            .selectFrom('projects')
            .select('id')
            .where('document_id', '=', publishedId)
            .limit(1)
            .executeTakeFirstOrThrow();
          return w.clients[r].request('GET', `/api/projects/${project.id}/suggestions`);
        },
        expect: signedIn(200),
      },
      {
        name: 'GET suggestions for a name',
        run: (r) => w.clients[r].request('GET', `/api/suggestions?name=${encodeURIComponent('法律援助')}`),
        expect: signedIn(200),
      },
      {
        name: 'GET public peers of a published row',
        run: (r) => w.clients[r].request('GET', `/api/public/indicators/${publishedIndicatorId}/peers`),
        expect: everyone(200),
      },
      {
        name: "GET public peers of a draft's row",
        run: (r) => w.clients[r].request('GET', `/api/public/indicators/${indicatorId}/peers`),
        expect: everyone(404),
      },
      {
        name: 'GET comments',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/comments`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      { name: 'GET document list', run: (r) => w.clients[r].request('GET', '/api/documents?year=2020'), expect: signedIn(200) },
      { name: 'GET document summary', run: (r) => w.clients[r].request('GET', '/api/documents/summary?year=2020'), expect: signedIn(200) },
      { name: 'GET project list', run: (r) => w.clients[r].request('GET', '/api/projects?q=%E6%B3%95'), expect: signedIn(200) },
      {
        name: 'GET bureau totals',
        run: (r) => w.clients[r].request('GET', `/api/bureaus/${w.countyId}/totals?year=2020`),
        expect: signedIn(200),
      },
      { name: 'GET public list', run: (r) => w.clients[r].request('GET', '/api/public/documents'), expect: everyone(200) },
      {
        name: 'GET public totals',
        run: (r) => w.clients[r].request('GET', `/api/public/bureaus/${w.countyId}/totals?year=2020`),
        expect: everyone(200),
      },
      { name: 'GET me', run: (r) => w.clients[r].request('GET', '/api/auth/me'), expect: signedIn(200, 200) },
      {
        name: 'POST check',
        run: (r) =>
          w.clients[r].request('POST', '/api/check', {
            body: { unit: { code: null, name: 'x' }, year: 2020, department: null, projects: [] },
          }),
        expect: signedIn(200),
      },
      {
        name: 'PUT department',
        run: (r) => w.clients[r].request('PUT', `/api/documents/${w.draftId}/department`, { headers: STALE, body: { department: null } }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'POST project',
        run: (r) => w.clients[r].request('POST', `/api/documents/${w.draftId}/projects`, { headers: STALE, body: { project: project() } }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'PUT project',
        run: (r) => w.clients[r].request('PUT', `/api/projects/${projectId}`, { headers: STALE, body: { project: project() } }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'DELETE project',
        run: (r) => w.clients[r].request('DELETE', `/api/projects/${projectId}`, { headers: STALE }),
        expect: only({ ownUnit: 409 }),
      },
      // 事前绩效评估: the unit, its reviewers and admins read it, published or not; only the unit writes it.
      {
        name: 'GET ex-ante context of a draft',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/ex-ante`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET ex-ante context of a published document',
        run: (r) => w.clients[r].request('GET', `/api/documents/${publishedId}/ex-ante`),
        expect: only({ reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET ex-ante assessment',
        run: (r) => w.clients[r].request('GET', `/api/projects/${projectId}/ex-ante`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'PUT ex-ante assessment',
        run: (r) =>
          w.clients[r].request('PUT', `/api/projects/${projectId}/ex-ante`, { headers: STALE, body: { assessment: blankAssessment('') } }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'GET ex-ante report of a project without one',
        run: (r) => w.clients[r].request('GET', `/api/projects/${projectId}/ex-ante/report.docx`),
        expect: only({ ownUnit: 404, reviewer: 404, admin: 404 }),
      },
      // 转移支付: the province set and issued the demo's funds to the county; the county's reviewer receives
      // and breaks down, the other county sees nothing of them, admins read; no one here is the setter.
      {
        name: 'GET transfer funds',
        run: (r) => w.clients[r].request('GET', '/api/transfer-funds'),
        expect: only({ reviewer: 200, otherReviewer: 200, admin: 200 }),
      },
      {
        name: 'POST transfer fund (amounts that do not add up)',
        run: (r) => w.clients[r].request('POST', '/api/transfer-funds', { body: transferFund }),
        expect: only({ reviewer: 422, otherReviewer: 422 }),
      },
      {
        name: 'GET transfer fund',
        run: async (r) => w.clients[r].request('GET', `/api/transfer-funds/${(await demoTransfer()).fundId}`),
        expect: only({ reviewer: 200, admin: 200 }),
      },
      {
        name: 'PUT transfer fund',
        run: async (r) =>
          w.clients[r].request('PUT', `/api/transfer-funds/${(await demoTransfer()).fundId}`, {
            headers: STALE,
            body: { fund: { ...transferFund, amountLocal: '5' }, allocations: [] },
          }),
        expect: only({}),
      },
      {
        name: 'POST transfer fund issue',
        run: async (r) => w.clients[r].request('POST', `/api/transfer-funds/${(await demoTransfer()).fundId}/issue`, { headers: STALE }),
        expect: only({}),
      },
      {
        name: 'GET transfer fund roll-up',
        run: async (r) => w.clients[r].request('GET', `/api/transfer-funds/${(await demoTransfer()).fundId}/rollup`),
        expect: only({ reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET transfer fund table (DOCX)',
        run: async (r) => w.clients[r].request('GET', `/api/transfer-funds/${(await demoTransfer()).fundId}/table.docx`),
        expect: only({ reviewer: 200, admin: 200 }),
      },
      {
        name: 'POST transfer allocation accept',
        run: async (r) =>
          w.clients[r].request('POST', `/api/transfer-allocations/${(await demoTransfer()).allocationId}/accept`, { headers: STALE }),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'GET transfer allocation candidate projects',
        run: async (r) => w.clients[r].request('GET', `/api/transfer-allocations/${(await demoTransfer()).allocationId}/projects`),
        expect: only({ reviewer: 200 }),
      },
      {
        name: 'POST transfer breakdown',
        run: async (r) =>
          w.clients[r].request('POST', `/api/transfer-allocations/${(await demoTransfer()).allocationId}/breakdowns`, {
            headers: STALE,
            body: { projectId, amount: '1', mapping: [null, null, null] },
          }),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'PUT transfer breakdown',
        run: async (r) =>
          w.clients[r].request('PUT', `/api/transfer-breakdowns/${(await demoTransfer()).breakdownId}`, {
            headers: STALE,
            body: { amount: '1', mapping: [null, null, null] },
          }),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'DELETE transfer breakdown',
        run: async (r) =>
          w.clients[r].request('DELETE', `/api/transfer-breakdowns/${(await demoTransfer()).breakdownId}`, { headers: STALE }),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'GET the transfer funds a project spends',
        run: async (r) => w.clients[r].request('GET', `/api/projects/${(await demoTransfer()).projectId}/transfers`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET adjustments of a draft',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/adjustments`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'POST adjustment of a draft (only approved targets are adjusted)',
        run: (r) =>
          w.clients[r].request('POST', `/api/documents/${w.draftId}/adjustments`, {
            body: { reason: '测试', effectiveDate: '2020-07-01' },
          }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'GET adjustment queue',
        run: (r) => w.clients[r].request('GET', '/api/adjustments'),
        expect: signedIn(200),
      },
      {
        name: 'GET an adjustment of another unit of the county',
        run: (r) => w.clients[r].request('GET', `/api/adjustments/${demoAdjustmentId}`),
        expect: only({ reviewer: 200, admin: 200 }),
      },
      {
        name: 'PUT adjustment',
        run: (r) => w.clients[r].request('PUT', `/api/adjustments/${adjustmentId}`, { headers: STALE, body: { reason: '改' } }),
        expect: only({ ownUnit: 409 }),
      },
      ...(['submit', 'withdraw', 'return', 'approve'] as const).map((step) => ({
        name: `POST adjustment ${step}`,
        run: (r: RoleName) =>
          w.clients[r].request('POST', `/api/adjustments/${adjustmentId}/${step}`, { headers: STALE, body: { comment: '意见' } }),
        expect: only(step === 'submit' || step === 'withdraw' ? { ownUnit: 409 } : { reviewer: 409 }),
      })),
      {
        name: 'GET public adjustments of a published document',
        run: (r) => w.clients[r].request('GET', `/api/public/documents/${publishedId}/adjustments`),
        expect: everyone(200),
      },
      {
        name: 'POST evaluation task (a blank title: the allowed reach the check)',
        run: (r) =>
          w.clients[r].request('POST', '/api/evaluation-tasks', {
            body: { year: 2020, title: ' ', deadline: '2021-03-31', scope: { kind: 'all' } },
          }),
        expect: only({ reviewer: 422, otherReviewer: 422 }),
      },
      {
        name: 'GET evaluation tasks',
        run: (r) => w.clients[r].request('GET', '/api/evaluation-tasks'),
        expect: only({ reviewer: 200, otherReviewer: 200, admin: 200 }),
      },
      {
        name: 'GET the demo evaluation task',
        run: async (r) => w.clients[r].request('GET', `/api/evaluation-tasks/${await demoTask()}`),
        expect: only({ reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET the demo evaluation task’s assignments',
        run: async (r) => w.clients[r].request('GET', `/api/evaluation-tasks/${await demoTask()}/assignments`),
        expect: only({ reviewer: 200, admin: 200 }),
      },
      {
        name: 'POST evaluation sample',
        run: async (r) =>
          w.clients[r].request('POST', `/api/evaluation-tasks/${await demoTask()}/sample`, {
            headers: STALE,
            body: { size: { count: 1 } },
          }),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'GET evaluation sample re-checks',
        run: async (r) => w.clients[r].request('GET', `/api/evaluation-tasks/${await demoTask()}/sample/rechecks`),
        expect: only({ reviewer: 200, admin: 200 }),
      },
      {
        name: 'PUT evaluation re-check',
        run: async (r) =>
          w.clients[r].request('PUT', `/api/evaluation-rechecks/${await demoRecheck()}`, {
            headers: STALE,
            body: { score: '80', findings: '' },
          }),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'GET my evaluation assignments',
        run: (r) => w.clients[r].request('GET', '/api/evaluation-assignments'),
        expect: only({ ownUnit: 200, otherUnit: 200 }),
      },
      {
        name: 'POST start an evaluation assignment',
        run: async (r) => w.clients[r].request('POST', `/api/evaluation-assignments/${await demoAssignment()}/start`, { headers: STALE }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'POST submit an evaluation assignment',
        run: async (r) => w.clients[r].request('POST', `/api/evaluation-assignments/${await demoAssignment()}/submit`, { headers: STALE }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'POST review an evaluation assignment',
        run: async (r) =>
          w.clients[r].request('POST', `/api/evaluation-assignments/${await demoAssignment()}/review`, {
            headers: STALE,
            body: { decision: 'accept' },
          }),
        expect: only({ reviewer: 409 }),
      },
      { name: 'GET evaluation reminders', run: (r) => w.clients[r].request('GET', '/api/evaluation-reminders'), expect: signedIn(200) },
      {
        name: 'POST indicator',
        run: (r) => w.clients[r].request('POST', `/api/projects/${projectId}/indicators`, { headers: STALE, body: { indicator } }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'PUT indicator',
        run: (r) => w.clients[r].request('PUT', `/api/indicators/${indicatorId}`, { headers: STALE, body: { indicator } }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'DELETE indicator',
        run: (r) => w.clients[r].request('DELETE', `/api/indicators/${indicatorId}`, { headers: STALE }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'submit',
        run: (r) => w.clients[r].request('POST', `/api/documents/${w.draftId}/submit`, { headers: STALE }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'withdraw',
        run: (r) => w.clients[r].request('POST', `/api/documents/${w.draftId}/withdraw`, { headers: STALE }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'return',
        run: (r) =>
          w.clients[r].request('POST', `/api/documents/${w.draftId}/return`, { headers: STALE, body: { comment: { body: '请修改' } } }),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'approve',
        run: (r) => w.clients[r].request('POST', `/api/documents/${w.draftId}/approve`, { headers: STALE }),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'publish',
        run: (r) => w.clients[r].request('POST', `/api/documents/${w.draftId}/publish`, { headers: STALE }),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'POST comment',
        run: (r) => w.clients[r].request('POST', `/api/documents/${w.draftId}/comments`, { body: { body: '意见' } }),
        expect: only({ ownUnit: 201, reviewer: 201 }),
      },
      {
        name: 'import preview',
        run: (r) => w.clients[r].request('POST', '/api/import/preview?fileName=seed.txt', { raw: SEED, contentType: 'text/plain' }),
        // Another unit's staff may import, but not a file of 怀来县司法局.
        expect: only({ ownUnit: 200, otherUnit: 422, admin: 200 }),
      },
      {
        name: 'import commit over a draft',
        run: (r) =>
          w.clients[r].request('POST', '/api/import/commit', { body: { documents: [{ document: seedModel, replaceVersion: 999 }] } }),
        // As editing it: its unit's staff reach the version check; another unit's file is not theirs.
        expect: only({ ownUnit: 409, otherUnit: 422 }),
      },
      { name: 'next year', run: (r) => w.clients[r].request('POST', `/api/documents/${publishedId}/next-year`), expect: only({}) },
      { name: 'GET admin users', run: (r) => w.clients[r].request('GET', '/api/admin/users'), expect: only({ admin: 200 }) },
      {
        name: 'POST admin unit',
        run: (r) =>
          w.clients[r].request('POST', '/api/admin/units', { body: { code: `9${r.length}${r}`, name: '新单位', bureauId: w.countyId } }),
        expect: only({ admin: 201 }),
      },
      {
        name: 'PATCH admin bureau',
        run: (r) => w.clients[r].request('PATCH', `/api/admin/bureaus/${w.countyId}`, { body: { name: '怀来县财政局' } }),
        expect: only({ admin: 200 }),
      },
      // Actuals, monitoring, self-evaluation: read by those who act on the document, even a published one; recorded by the unit.
      {
        name: 'GET project actuals',
        run: (r) => w.clients[r].request('GET', `/api/projects/${projectId}/actuals`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET document actuals',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/actuals?kind=spending`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET monitoring',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/monitoring?date=2020-06-30`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET monitoring of a published document',
        run: (r) => w.clients[r].request('GET', `/api/documents/${publishedId}/monitoring?date=2020-06-30`),
        expect: only({ reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET evaluation',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/evaluation`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET 监控表 xlsx',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/monitoring/export?format=xlsx&date=2020-06-30`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET 自评表 docx',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/evaluation/export?format=docx`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET unit dashboard',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/dashboard?date=2020-06-30`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'POST spending',
        run: (r) =>
          w.clients[r].request('POST', `/api/projects/${projectId}/actuals/spending`, { body: { date: '2020-06-30', cumulative: '2.00' } }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'PUT spending',
        run: (r) =>
          w.clients[r].request('PUT', `/api/actuals/spending/${spendingId}`, {
            headers: STALE,
            body: { date: '2020-03-31', cumulative: '2.00' },
          }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'DELETE spending',
        run: (r) => w.clients[r].request('DELETE', `/api/actuals/spending/${spendingId}`, { headers: STALE }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'actuals import preview',
        run: (r) =>
          w.clients[r].request('POST', `/api/documents/${w.draftId}/actuals/import/preview?fileName=a.csv`, {
            raw: ACTUALS,
            contentType: 'text/csv',
          }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'actuals import commit',
        run: (r) =>
          w.clients[r].request('POST', `/api/documents/${w.draftId}/actuals/import/commit`, { body: { actuals: { projects: [] } } }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'publish evaluation',
        run: (r) => w.clients[r].request('POST', `/api/documents/${w.draftId}/evaluation/publish`),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'withdraw evaluation',
        run: (r) => w.clients[r].request('POST', `/api/documents/${w.draftId}/evaluation/withdraw`),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'GET public evaluation (not published)',
        run: (r) => w.clients[r].request('GET', `/api/public/documents/${w.draftId}/evaluation`),
        expect: everyone(404),
      },
      { name: 'GET warning list', run: (r) => w.clients[r].request('GET', '/api/monitoring/projects?year=2020'), expect: signedIn(200) },
      {
        name: 'GET bureau dashboard',
        run: (r) => w.clients[r].request('GET', `/api/bureaus/${w.countyId}/dashboard?year=2020`),
        expect: only({ reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET bureau settings',
        run: (r) => w.clients[r].request('GET', `/api/bureaus/${w.countyId}/settings`),
        expect: signedIn(200),
      },
      {
        name: 'PUT bureau settings',
        run: (r) =>
          w.clients[r].request('PUT', `/api/bureaus/${w.countyId}/settings`, {
            headers: STALE,
            body: { monitoring: null, evaluation: null },
          }),
        expect: only({ reviewer: 409, admin: 409 }),
      },
      // Downloads: as reading the document (anyone a published one); a bureau's bundle for its reviewers and admins.
      {
        name: 'GET export of a draft',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/export?format=json`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET export of a published document',
        run: (r) => w.clients[r].request('GET', `/api/documents/${publishedId}/export?format=json`),
        expect: visitors(200),
      },
      { name: 'GET export formats', run: (r) => w.clients[r].request('GET', '/api/export-formats'), expect: visitors(200) },
      {
        name: 'GET XLSX template',
        run: (r) => w.clients[r].request('GET', '/api/templates/targets.xlsx?year=2020'),
        expect: visitors(200),
      },
      {
        name: 'GET bureau bundle',
        run: (r) => w.clients[r].request('GET', `/api/bureaus/${w.countyId}/export?year=2020&format=json`),
        expect: only({ reviewer: 200, admin: 200 }),
      },
      // The indicator library: internal (the public gets 401); units apply and see their bureau's approved entries and
      // their own applications; reviewers decide on their bureau's; admins read.
      { name: 'GET library', run: (r) => w.clients[r].request('GET', '/api/library'), expect: signedIn(200) },
      {
        name: 'GET a library application',
        run: async (r) => w.clients[r].request('GET', `/api/library/${await countyEntry('proposed')}`),
        expect: { ...only({ ownUnit: 200, reviewer: 200, admin: 200 }, 404), evaluator: 403 },
      },
      { name: 'GET library export', run: (r) => w.clients[r].request('GET', '/api/library/export?format=xlsx'), expect: signedIn(200) },
      {
        name: 'POST library application',
        run: (r) => w.clients[r].request('POST', '/api/library/applications', { body: { entry: libraryContent } }),
        expect: only({ ownUnit: 201, otherUnit: 201 }),
      },
      {
        name: 'POST library entry',
        run: (r) => w.clients[r].request('POST', '/api/library/entries', { body: { entry: libraryContent } }),
        expect: only({ reviewer: 201, otherReviewer: 201 }),
      },
      {
        name: 'PUT library entry',
        run: async (r) =>
          w.clients[r].request('PUT', `/api/library/entries/${await countyEntry('proposed')}`, {
            headers: STALE,
            body: { entry: libraryContent },
          }),
        // The applicant unit, and the reviewers of its bureau.
        expect: only({ ownUnit: 409, reviewer: 409 }),
      },
      {
        name: 'POST library decision',
        run: async (r) =>
          w.clients[r].request('POST', `/api/library/entries/${await countyEntry('proposed')}/decision`, {
            headers: STALE,
            body: { decision: 'approve' },
          }),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'POST library retire',
        run: async (r) => w.clients[r].request('POST', `/api/library/entries/${await countyEntry('approved')}/retire`, { headers: STALE }),
        expect: only({ reviewer: 409 }),
      },
      {
        // The version is checked before the state: the reviewers of its bureau get as far as the stale 409.
        name: 'POST library reinstate',
        run: async (r) =>
          w.clients[r].request('POST', `/api/library/entries/${await countyEntry('approved')}/reinstate`, { headers: STALE }),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'DELETE library application',
        run: async (r) => w.clients[r].request('DELETE', `/api/library/entries/${await countyEntry('proposed')}`, { headers: STALE }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'POST library import',
        run: (r) =>
          w.clients[r].request('POST', '/api/library/import?fileName=lib.json', {
            raw: '{"format":"x"}',
            contentType: 'application/octet-stream',
          }),
        // A reviewer reaches the file's check (422); nothing is imported.
        expect: only({ reviewer: 422, otherReviewer: 422 }),
      },
      // 绩效目标批复: reviewers over the notice's bureau write; its units read it once issued to them; admins read.
      { name: 'GET notices', run: (r) => w.clients[r].request('GET', '/api/notices'), expect: signedIn(200) },
      {
        name: 'GET a notice',
        run: (r) => w.clients[r].request('GET', `/api/notices/${demoNoticeId}`),
        expect: only({ reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET a notice issued to the unit',
        run: (r) => w.clients[r].request('GET', `/api/notices/${unitNoticeId}`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET a notice’s documents',
        run: (r) => w.clients[r].request('GET', `/api/notices/${unitNoticeId}/documents`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET a 批复表',
        run: (r) => w.clients[r].request('GET', `/api/notices/${unitNoticeId}/documents/${w.draftId}/export?format=docx`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET a notice file',
        run: (r) => w.clients[r].request('GET', `/api/notices/${demoNoticeId}/export?format=docx`),
        expect: only({ reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET a document’s notices',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/notices`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'POST notice',
        // A date that is no date: an allowed reviewer reaches the check (422); nothing is written.
        run: (r) =>
          w.clients[r].request('POST', '/api/notices', { body: { number: 'X1', title: 't', date: '2020-02-30', body: '', year: 2020 } }),
        expect: only({ reviewer: 422, otherReviewer: 422 }),
      },
      {
        name: 'PUT notice',
        run: (r) =>
          w.clients[r].request('PUT', `/api/notices/${demoNoticeId}`, {
            headers: STALE,
            body: { number: 'X1', title: 't', date: '2020-03-01', body: '' },
          }),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'DELETE notice',
        run: (r) => w.clients[r].request('DELETE', `/api/notices/${demoNoticeId}`, { headers: STALE }),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'GET notice candidates',
        run: (r) => w.clients[r].request('GET', `/api/notices/${demoNoticeId}/candidates`),
        expect: only({ reviewer: 200 }),
      },
      {
        name: 'POST notice documents',
        run: (r) =>
          w.clients[r].request('POST', `/api/notices/${demoNoticeId}/documents`, { headers: STALE, body: { documentIds: [w.draftId] } }),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'DELETE notice document',
        run: (r) => w.clients[r].request('DELETE', `/api/notices/${demoNoticeId}/documents/${w.draftId}`, { headers: STALE }),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'POST notice issue',
        run: (r) => w.clients[r].request('POST', `/api/notices/${demoNoticeId}/issue`, { headers: STALE }),
        expect: only({ reviewer: 409 }),
      },
      {
        name: 'POST notice withdraw',
        run: (r) => w.clients[r].request('POST', `/api/notices/${demoNoticeId}/withdraw`, { headers: STALE, body: { reason: '测试' } }),
        expect: only({ reviewer: 409 }),
      },
      // 整改: the reviewers over the unit open, close and reopen; the unit answers; those and admins read.
      { name: 'GET rectification list', run: (r) => w.clients[r].request('GET', '/api/rectifications'), expect: signedIn(200) },
      { name: 'GET rectification summary', run: (r) => w.clients[r].request('GET', '/api/rectifications/summary'), expect: signedIn(200) },
      {
        name: 'POST rectification',
        run: (r) =>
          w.clients[r].request('POST', '/api/rectifications', {
            body: {
              documentId: w.draftId,
              projectCode: 'NO-SUCH',
              indicatorIndex: null,
              field: '',
              severity: null,
              finding: '问题',
              suggestion: '',
              requirement: '',
              source: { kind: 'review', ruleId: 'x' },
              deadline: '2099-01-01',
            },
          }),
        // An allowed reviewer reaches the project check (422); nothing is opened.
        expect: only({ reviewer: 422 }),
      },
      {
        name: 'GET rectification',
        run: async (r) => w.clients[r].request('GET', `/api/rectifications/${(await sifajuItem()).id}`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET rectification evidence',
        run: async (r) => w.clients[r].request('GET', `/api/rectification-files/${(await sifajuItem()).fileId}`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      ...(['respond', 'close', 'reopen'] as const).map((step) => ({
        name: `POST rectification ${step}`,
        run: async (r: RoleName) =>
          w.clients[r].request('POST', `/api/rectifications/${(await sifajuItem()).id}/${step}`, {
            headers: STALE,
            body: { text: '说明' },
          }),
        expect: step === 'respond' ? only({ ownUnit: 409 }) : only({ reviewer: 409 }),
      })),
      {
        name: 'POST rectification evidence',
        run: async (r) =>
          w.clients[r].request('POST', `/api/rectifications/${(await sifajuItem()).id}/files?fileName=a.pdf`, {
            headers: STALE,
            raw: Buffer.from('pdf'),
          }),
        expect: only({ ownUnit: 409 }),
      },
      {
        name: 'GET carried from last year',
        run: (r) => w.clients[r].request('GET', `/api/documents/${w.draftId}/carried`),
        expect: only({ ownUnit: 200, reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET results report',
        run: (r) => w.clients[r].request('GET', `/api/results?year=2020&bureauId=${w.countyId}&limit=1`),
        expect: only({ reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET results report XLSX',
        run: (r) => w.clients[r].request('GET', `/api/results/export.xlsx?year=2020&bureauId=${w.countyId}`),
        expect: only({ reviewer: 200, admin: 200 }),
      },
      {
        name: 'GET public bureau bundle',
        run: (r) => w.clients[r].request('GET', `/api/public/bureaus/${w.countyId}/export?year=2020&format=opendata`),
        expect: everyone(200),
      },
    ];

    // 绩效评价: a reviewer of the county plans, accepts and returns; the assigned evaluator records; the
    // world's evaluator is assigned nothing and so sees nothing (404); a unit sees only its own projects'.
    const stale = { headers: { 'if-match': '"999"' } };
    cases.push(
      { name: 'GET evaluations', run: (r) => w.clients[r].request('GET', '/api/evaluations'), expect: signedIn(200, 200) },
      {
        name: 'GET an evaluation',
        run: (r) => w.clients[r].request('GET', `/api/evaluations/${evaluationId}`),
        expect: only({ reviewer: 200, admin: 200 }, 404),
      },
      {
        name: 'GET an evaluation report',
        run: (r) => w.clients[r].request('GET', `/api/evaluations/${evaluationId}/report`),
        expect: only({ reviewer: 200, admin: 200 }, 404),
      },
      {
        name: 'POST evaluation',
        run: (r) =>
          w.clients[r].request('POST', '/api/evaluations', {
            body: { year: 2020, kind: 'finance', title: '测试评价', evaluatingBody: '县财政局', subject: { policyName: '测试政策' } },
          }),
        expect: only({ reviewer: 201, otherReviewer: 201 }),
      },
      {
        name: 'PUT evaluation plan',
        run: (r) => w.clients[r].request('PUT', `/api/evaluations/${evaluationId}`, { ...stale, body: { title: 'x' } }),
        expect: only({ reviewer: 409, admin: 403 }, 404),
      },
      {
        name: 'PUT evaluation result',
        run: (r) =>
          w.clients[r].request('PUT', `/api/evaluations/${evaluationId}/result`, { ...stale, body: { score: '90', summary: '' } }),
        expect: only({ reviewer: 403, admin: 403 }, 404),
      },
      {
        name: 'POST evaluation finding',
        run: (r) =>
          w.clients[r].request('POST', `/api/evaluations/${evaluationId}/findings`, { ...stale, body: { text: 'x', severity: 'minor' } }),
        expect: only({ reviewer: 403, admin: 403 }, 404),
      },
      {
        name: 'PUT evaluation report',
        run: (r) =>
          w.clients[r].request('PUT', `/api/evaluations/${evaluationId}/report?fileName=r.pdf`, {
            ...stale,
            raw: '%PDF-1.4',
            contentType: 'application/octet-stream',
          }),
        expect: only({ reviewer: 403, admin: 403 }, 404),
      },
      {
        name: 'POST evaluation submit',
        run: (r) => w.clients[r].request('POST', `/api/evaluations/${evaluationId}/submit`, stale),
        expect: only({ reviewer: 403, admin: 403 }, 404),
      },
      {
        name: 'POST evaluation accept',
        run: (r) => w.clients[r].request('POST', `/api/evaluations/${evaluationId}/accept`, stale),
        expect: only({ reviewer: 409, admin: 403 }, 404),
      },
      {
        name: 'POST evaluation return',
        run: (r) => w.clients[r].request('POST', `/api/evaluations/${evaluationId}/return`, { ...stale, body: { comment: 'x' } }),
        expect: only({ reviewer: 409, admin: 403 }, 404),
      },
      {
        name: 'GET evaluators',
        run: (r) => w.clients[r].request('GET', '/api/evaluations/evaluators'),
        expect: only({ reviewer: 200, otherReviewer: 200, admin: 200 }),
      },
      {
        name: 'POST evaluator account',
        run: (r) =>
          w.clients[r].request('POST', '/api/evaluations/evaluators', {
            body: { username: `pj-${r}`, displayName: '联系人', organisation: '某评价机构' },
          }),
        expect: only({ reviewer: 201, otherReviewer: 201 }),
      },
    );

    it.each(cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
      const got: Partial<Expect> = {};
      for (const role of ROLES) got[role] = (await c.run(role)).statusCode;
      expect(got).toEqual(c.expect);
    });

    // Aggregates count published documents and, besides them, only what the caller acts on: the figures
    // each role gets are recomputed here from the rows and must match exactly. Admin asks first, so an
    // answer cached for a wider scope and served to a narrower one would show.
    describe('aggregates count no unpublished document of someone else', () => {
      type Row = { id: number; unitId: number; bureauId: number; status: string; budget: string; projects: number };
      let rows: Row[];
      let huaianId: number;
      let cityId: number;
      // The evaluator reads no totals or lists of documents at all (403, in the matrix above).
      const signedInRoles = ROLES.filter((r) => r !== 'anonymous' && r !== 'evaluator').reverse();
      beforeAll(async () => {
        rows = (
          await w.store.db
            .selectFrom('documents as d')
            .innerJoin('units as u', 'u.id', 'd.unit_id')
            .select(['d.id', 'd.unit_id', 'u.bureau_id', 'd.status', 'd.budget_total', 'd.project_count'])
            .where('d.year', '=', 2020)
            .execute()
        ).map((r) => ({
          id: r.id,
          unitId: r.unit_id,
          bureauId: r.bureau_id,
          status: r.status,
          budget: r.budget_total,
          projects: r.project_count,
        }));
        const bureau = (code: string) => w.store.db.selectFrom('bureaus').select('id').where('code', '=', code).executeTakeFirstOrThrow();
        huaianId = (await bureau('130728')).id;
        cityId = (await bureau('1307')).id;
      });
      const ownUnitId = () => rows.find((r) => r.id === w.draftId)!.unitId;
      /** The documents a role acts on, whatever their status. */
      const actsOn = (role: RoleName, r: Row) =>
        ({
          anonymous: false,
          ownUnit: r.unitId === ownUnitId(),
          otherUnit: r.unitId === w.otherUnitId,
          reviewer: r.bureauId === w.countyId,
          otherReviewer: r.bureauId === huaianId,
          admin: true,
          evaluator: false,
        })[role];
      const figures = (docs: Row[]) => ({
        documents: docs.length,
        budgetTotal: exactSum(docs.map((d) => d.budget)),
        statusCounts: Object.fromEntries(STATUSES.map((s) => [s, docs.filter((d) => d.status === s).length]).filter(([, n]) => n !== 0)),
      });

      it('has unpublished documents of several units to leak', () => {
        expect(rows.filter((r) => r.status !== 'published' && r.bureauId === w.countyId).length).toBeGreaterThanOrEqual(2);
        expect(rows.some((r) => r.status === 'approved')).toBe(true);
      });

      it('totals: published documents, and the caller’s own in any status', async () => {
        for (const role of signedInRoles)
          for (const [bureauId, under] of [
            [w.countyId, (r: Row) => r.bureauId === w.countyId],
            [cityId, () => true],
          ] as const) {
            const t = (await w.clients[role].request('GET', `/api/bureaus/${bureauId}/totals?year=2020`)).json();
            const counted = rows.filter((r) => under(r) && (r.status === 'published' || actsOn(role, r)));
            expect({ role, bureauId, ...pick(t.bureau) }).toEqual({ role, bureauId, ...figures(counted) });
          }
      });

      /** Every page of a list, one row a page, following the cursors. */
      const everyPage = async (role: RoleName, path: string) => {
        const items: Array<{ id: number; documentId?: number }> = [];
        let first: { total: { value: number; exact: boolean } } | undefined;
        for (let cursor = ''; ; ) {
          const page = (await w.clients[role].request('GET', `${path}&limit=1${cursor && `&cursor=${cursor}`}`)).json();
          first ??= page;
          items.push(...page.items);
          if (page.nextCursor === null) return { items, total: first!.total };
          cursor = page.nextCursor;
        }
      };

      it('document and project lists: only what the caller acts on, on every page, in their counts and sums', async () => {
        for (const role of signedInRoles) {
          const listed = rows.filter((r) => actsOn(role, r));
          const docs = await everyPage(role, '/api/documents?year=2020');
          expect({ role, ids: docs.items.map((d) => d.id).sort(), total: docs.total }).toEqual({
            role,
            ids: listed.map((r) => r.id).sort(),
            total: { value: listed.length, exact: true },
          });
          const summary = (await w.clients[role].request('GET', '/api/documents/summary?year=2020')).json();
          expect({ role, documents: summary.total, budgetTotal: summary.budgetTotal, statusCounts: summary.statusCounts }).toEqual({
            role,
            ...figures(listed),
          });
          const projects = await everyPage(role, '/api/projects?year=2020');
          const projectCount = listed.reduce((n, r) => n + r.projects, 0);
          expect({ role, projects: projects.items.length, total: projects.total.value }).toEqual({
            role,
            projects: projectCount,
            total: projectCount,
          });
          expect(projects.items.every((p) => listed.some((r) => r.id === p.documentId))).toBe(true);
        }
      });

      it('warning list: only monitored projects of documents the caller acts on', async () => {
        const monitored = await w.store.db.selectFrom('project_monitoring').select('document_id').distinct().execute();
        expect(monitored.length).toBeGreaterThan(0);
        for (const role of signedInRoles) {
          const list = (await w.clients[role].request('GET', '/api/monitoring/projects?year=2020&date=2020-12-31&limit=200')).json();
          const units = new Set(rows.filter((r) => actsOn(role, r)).map((r) => r.unitId));
          expect({ role, foreign: list.items.filter((i: { unitId: number }) => !units.has(i.unitId)).length }).toEqual({
            role,
            foreign: 0,
          });
          const { green, yellow, red } = list.lightCounts;
          expect(green + yellow + red).toBe(list.total);
          if (role === 'ownUnit' || role === 'otherUnit' || role === 'otherReviewer')
            expect({ role, total: list.total }).toEqual({ role, total: 0 });
          else expect(list.total).toBeGreaterThan(0);
        }
      });

      it('bureau dashboard, its CSV and the bureau bundle: no figures for those who do not act on the bureau', async () => {
        const reads = [
          `/api/bureaus/${w.countyId}/dashboard?year=2020&date=2020-12-31`,
          `/api/bureaus/${w.countyId}/dashboard?year=2020&date=2020-12-31&format=csv&chart=groupExecution`,
          `/api/bureaus/${cityId}/dashboard?year=2020&date=2020-12-31&format=csv&chart=lights`,
          `/api/bureaus/${w.countyId}/export?year=2020&format=json`,
        ];
        for (const role of ['ownUnit', 'otherUnit', 'otherReviewer'] as const)
          for (const url of reads) {
            const r = await w.clients[role].request('GET', url);
            expect({ role, url, status: r.statusCode, code: r.json().code }).toEqual({ role, url, status: 403, code: 'forbidden' });
          }
        // Those who may read it get the county's units and no one else's.
        const csv = (await w.clients.reviewer.request('GET', reads[1]!)).body;
        const countyUnits = await w.store.db.selectFrom('units').select('name').where('bureau_id', '=', w.countyId).execute();
        const lines = csv
          .replace(/^\uFEFF/, '')
          .trim()
          .split(/\r?\n/)
          .slice(1);
        expect(lines.length).toBeGreaterThan(0);
        for (const line of lines) expect(countyUnits.map((u) => u.name)).toContain(line.split(',')[0]);
      });
    });

    // One rule for changing a unit's document, whether through the editor's routes or by importing a
    // file over it: its unit's staff (editsContent). An admin loads a file only as a new draft.
    describe('importing over a document follows the editing rule', () => {
      const preview = async (role: RoleName) =>
        (await w.clients[role].request('POST', '/api/import/preview?fileName=seed.txt', { raw: SEED, contentType: 'text/plain' })).json()
          .documents[0];
      const version = async () =>
        (await w.store.db.selectFrom('documents').select('version').where('id', '=', w.draftId).executeTakeFirstOrThrow()).version;

      it('previews the draft as replaceable for its unit only', async () => {
        expect((await preview('ownUnit')).existing).toMatchObject({ id: w.draftId, status: 'draft', replaceable: true });
        expect((await preview('admin')).existing).toMatchObject({ id: w.draftId, status: 'draft', replaceable: false });
      });

      it('turns the admin away from both paths and lets the unit through both', async () => {
        const { document } = await preview('admin');
        const current = await version();
        const editDepartment = (role: RoleName, v: number) =>
          w.clients[role].request('PUT', `/api/documents/${w.draftId}/department`, {
            headers: { 'if-match': `"${v}"` },
            body: { department: null },
          });
        const importOver = (role: RoleName, v: number) =>
          w.clients[role].request('POST', '/api/import/commit', { body: { documents: [{ document, replaceVersion: v }] } });

        expect((await editDepartment('admin', current)).statusCode).toBe(403);
        const refused = await importOver('admin', current);
        expect(refused.statusCode).toBe(403);
        expect(refused.json()).toMatchObject({ code: 'forbidden', message: expect.stringContaining('怀来县司法局') });
        expect(await version()).toBe(current);

        const edited = await editDepartment('ownUnit', current);
        expect(edited.statusCode).toBe(200);
        const imported = await importOver('ownUnit', edited.json().version);
        expect(imported.statusCode).toBe(201);
        expect(imported.json().documents).toEqual([{ id: w.draftId, version: edited.json().version + 1 }]);
      });

      it('lets the admin load a unit’s file as a new draft where the unit has none for the year', async () => {
        const { document } = await preview('admin');
        const r = await w.clients.admin.request('POST', '/api/import/commit', {
          body: { documents: [{ document: { ...document, year: 2022 } }] },
        });
        expect(r.statusCode).toBe(201);
        const created = await w.clients.ownUnit.request('GET', `/api/documents/${r.json().documents[0].id}`);
        expect(created.json().meta).toMatchObject({ year: 2022, status: 'draft', unitCode: '315002' });
      });
    });

    it('refuses a state-changing request without the CSRF token', async () => {
      const r = await w.clients.ownUnit.request('PUT', `/api/documents/${w.draftId}/department`, {
        headers: { ...STALE, 'x-csrf-token': 'forged' },
        body: { department: null },
      });
      expect(r.statusCode).toBe(403);
      expect(r.json().code).toBe('csrf');
    });
  });
}
