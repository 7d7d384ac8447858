/**
 * A year's evaluation side through the browser, on a real server with the demo county (issue 17),
 * with 怀来县农业农村局 (approved, with a year of actuals; its account made by the admin) as the unit:
 * - 自评任务: the reviewer assigns the year's self-evaluation to the county's units; the unit sees it
 *   with its reminder badge, starts and submits it; the reviewer returns it with a comment, the unit
 *   reads the comment and resubmits, the reviewer accepts it, draws the 抽评 sample with a seed and
 *   records the re-check beside the unit's own score;
 * - 绩效评价: the reviewer makes a third-party institution's account and assigns it an evaluation of
 *   one of the unit's projects; the institution signs in, sees only that evaluation and the project's
 *   targets, records the score, a finding and its report, submits; the reviewer accepts;
 * - 整改: the reviewer opens an item from the accepted evaluation's finding and one from a finding of
 *   the unit's review page; the unit answers the first with an evidence file, the reviewer closes it;
 *   the bureau dashboard counts the demo's overdue item;
 * - 结果应用: the report shows the evaluation's grade beside the project's self-evaluation, and its
 *   Excel download holds the same.
 * Screenshots go to test-output/e2e/80-… in the order of the year.
 */
import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readXlsxTables } from '../src/formats/tables/read-xlsx-tables.ts';
import { call } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { signInReviewer, unitAccount } from './support/people.ts';
import { button, choose, confirm, eventually, signIn, signOut, START, STEP } from './support/pages.ts';
import type { RunningServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';

const UNIT = '怀来县农业农村局';
const TASK = '2020年度自评（端到端）';
const SEED = 'e2e-seed-2020';
const RETURNED = '请补充偏差原因说明（e2e）';
const ORGANISATION = '中信绩效评价有限公司';
const EVALUATION = '农业项目财政重点评价（端到端）';
const FINDING = '满意度调查样本不足，结论依据不充分（e2e）。';
const REPORT = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('a year’s evaluation side in the browser', () => {
  let server: RunningServer;
  let page: Page;
  let errors: string[];
  let session: Session;
  let unitPassword = '';
  let evaluatorPassword = '';
  let taskPath = '';
  let evaluationPath = '';
  let itemPath = '';
  let unitDocumentId = 0;

  beforeAll(async () => {
    session = await openSession();
    ({ server, page, errors } = session);
  }, START);

  afterAll(() => session?.close());

  const reviewer = () => signInReviewer(page, server);
  const unit = () => signIn(page, 'nongye', unitPassword, /\/unit$/);
  const taskRow = () => page.locator('.evaluation-assignments tr').filter({ hasText: UNIT });
  const unitTaskRow = () => page.locator('.unit-evaluation-tasks tr').filter({ hasText: TASK });
  const evaluationRows = () => page.locator('.evaluations-page tbody tr.ant-table-row');
  const evaluationState = () => page.locator('.evaluation-page h3').innerText();
  const itemState = () => page.locator('.page-title [data-state]').first().getAttribute('data-state');

  const openUnitTasks = async () => {
    await page.getByRole('menuitem', { name: /自评任务/ }).click();
    await page.waitForURL(/\/my-evaluation-tasks$/);
  };
  const openTask = async () => {
    await page.goto(taskPath);
    await taskRow().waitFor();
  };

  it(
    'the reviewer assigns the year’s self-evaluation to the county’s units',
    async () => {
      unitPassword = await unitAccount(page, server, '315005', 'nongye', '农业农村局填报员');
      await reviewer();
      await page.getByRole('menuitem', { name: '自评任务' }).click();
      await page.waitForURL(/\/evaluation-tasks$/);
      // The demo's task is there already.
      await page.locator('.evaluation-tasks').getByText('2020年度项目支出绩效自评').waitFor();
      await page.getByRole('button', { name: '布置自评任务' }).click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '布置自评任务' });
      await dialog.getByLabel('任务名称').fill(TASK);
      await dialog.getByLabel('年度').fill('2020');
      const deadline = dialog.getByLabel('截止日期');
      await deadline.click();
      await deadline.fill('2099-03-31');
      await deadline.press('Enter');
      await page.locator('.ant-picker-dropdown').waitFor({ state: 'hidden' });
      await screenshot(page, '80-evaluation-side-assign');
      await button(dialog, '布置').click();
      await page.waitForURL(/\/evaluation-tasks\/\d+$/);
      taskPath = new URL(page.url()).pathname;
      await eventually(() => page.getByTestId('task-counts').innerText()).toMatch(/未开始\s*4/);
      await screenshot(page, '81-evaluation-side-task-progress');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the unit sees its task and reminder badge, starts it and submits its self-evaluation',
    async () => {
      await unit();
      await openUnitTasks();
      // The demo's task, past its deadline and not started, is the one reminder: the badge says 1.
      await page
        .locator('.evaluation-reminders')
        .getByText(/2020年度项目支出绩效自评.*逾期/)
        .waitFor();
      await eventually(() => page.locator('.app-menu .ant-badge-count').first().innerText()).toBe('1');
      await unitTaskRow().getByText('未开始').waitFor();
      await unitTaskRow().getByRole('button', { name: '开始自评' }).click();
      // Starting opens the self-evaluation the task is about.
      await page.waitForURL(/\/documents\/\d+\/evaluation/);
      await page.goBack();
      await page.waitForURL(/\/my-evaluation-tasks$/);
      await unitTaskRow().getByText('填报中').waitFor();
      await submitSelfEvaluation();
      await screenshot(page, '82-evaluation-side-unit-submitted');
      await signOut(page);
    },
    STEP,
  );

  async function submitSelfEvaluation() {
    await unitTaskRow().getByRole('button', { name: '提交自评' }).click();
    await confirm(page);
    await unitTaskRow().getByText('已提交').waitFor();
    await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
    await expect(unitTaskRow().innerText()).resolves.toMatch(/\d+\.\d{2}/);
  }

  it(
    'the reviewer returns it with a comment; the unit reads it and submits again',
    async () => {
      await reviewer();
      await openTask();
      await eventually(() => page.getByTestId('task-counts').innerText()).toMatch(/待审核\s*1/);
      await button(taskRow(), '退回').click();
      const dialog = page.locator('.ant-modal').filter({ hasText: `退回自评：${UNIT}` });
      await dialog.getByLabel('退回意见').fill(RETURNED);
      await screenshot(page, '83-evaluation-side-return');
      await button(dialog, '退回').click();
      await taskRow().getByText('已退回').waitFor();
      await signOut(page);

      await unit();
      await openUnitTasks();
      await page
        .locator('.evaluation-reminders')
        .getByText(/被退回修改/)
        .waitFor();
      await unitTaskRow().getByText(RETURNED).waitFor();
      await screenshot(page, '84-evaluation-side-unit-returned');
      await submitSelfEvaluation();
      await signOut(page);
    },
    STEP,
  );

  it(
    'the reviewer accepts it, draws the sample with a seed and records the re-check',
    async () => {
      await reviewer();
      await openTask();
      await eventually(() => page.getByTestId('task-counts').innerText()).toMatch(/待审核\s*1/);
      await button(taskRow(), '通过').click();
      await taskRow().getByText('已通过').waitFor();
      await eventually(() => page.getByTestId('task-counts').innerText()).toMatch(/已通过\s*1/);

      await page.getByRole('button', { name: '抽取样本' }).click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '抽取抽评样本' });
      await dialog.getByLabel('按数量').check();
      await dialog.getByLabel('样本数量').fill('1');
      await dialog.getByLabel('随机种子').fill(SEED);
      await dialog.getByRole('button', { name: '抽取样本' }).click();
      await eventually(() => page.getByTestId('sample-summary').innerText()).toContain(SEED);
      const drawn = page.locator('.evaluation-rechecks tr').filter({ hasText: UNIT });
      await drawn.getByText('未复核').waitFor();

      await button(drawn, '复核').click();
      const recheck = page.locator('.ant-modal').filter({ hasText: '抽评复核' });
      await recheck.getByLabel('复核得分').fill('85');
      await recheck.getByLabel('复核发现').fill('偏差原因说明充分，个别指标缺少佐证');
      await recheck.getByRole('button', { name: '保存复核' }).click();
      await drawn.getByText('85.00').waitFor();
      await drawn.getByText('良').first().waitFor();
      await screenshot(page, '85-evaluation-side-sample-recheck');

      // The sample the API recorded is what the seed drew.
      const taskId = Number(/evaluation-tasks\/(\d+)/.exec(taskPath)![1]);
      const detail = await call<{ sample: { seed: string; drawn: number } }>(page, 'GET', `/api/evaluation-tasks/${taskId}`);
      expect(detail.sample).toMatchObject({ seed: SEED, drawn: 1 });
    },
    STEP,
  );

  it(
    'the reviewer makes a third-party account and assigns it an evaluation of one of the unit’s projects',
    async () => {
      await page.getByRole('menuitem', { name: '绩效评价' }).click();
      await page.waitForURL(/\/evaluations$/);
      // The demo's accepted 财政评价 is there from the first start.
      await eventually(() => evaluationRows().first().innerText()).toContain('已验收');

      await page.getByRole('button', { name: '新建第三方机构账号' }).click();
      const account = page.getByRole('dialog', { name: '新建第三方机构账号' });
      await account.getByLabel('机构名称', { exact: true }).fill(ORGANISATION);
      await account.getByLabel('用户名', { exact: true }).fill('zhongxin');
      await account.getByLabel('联系人', { exact: true }).fill('张评价');
      await button(account, '确定').click();
      const shown = page.getByTestId('new-password');
      await shown.waitFor();
      evaluatorPassword = (await shown.innerText()).trim();
      await account.getByRole('button', { name: '已记下，关闭' }).click();

      await page.getByRole('button', { name: '新建评价' }).click();
      const plan = page.getByRole('dialog', { name: '新建评价' });
      await plan.getByLabel('评价名称', { exact: true }).fill(EVALUATION);
      // The unit's first project, found by its name (the list is long, and only its visible part is drawn).
      const documents = await call<{ items: Array<{ id: number; unitCode: string }> }>(page, 'GET', '/api/documents?year=2020&limit=50');
      unitDocumentId = documents.items.find((d) => d.unitCode === '315005')!.id;
      const { projects } = await call<{ projects: Array<{ name: string }> }>(page, 'GET', `/api/documents/${unitDocumentId}`);
      const name = projects[0]!.name;
      // The 2021 draft copied on from it has a project of the same name.
      const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      await choose(page, plan, '评价的项目', name, new RegExp(literal(`${UNIT} · ${name}（2020）`)));
      // The year follows the project's.
      expect(await plan.getByLabel('年度', { exact: true }).inputValue()).toBe('2020');
      await plan.getByLabel('评价主体', { exact: true }).fill(ORGANISATION);
      await choose(page, plan, '委托的第三方机构账号', '', new RegExp(ORGANISATION));
      await screenshot(page, '86-evaluation-side-evaluation-plan');
      await button(plan, '确定').click();
      await page.waitForURL(/\/evaluations\/\d+$/);
      evaluationPath = new URL(page.url()).pathname;
      await eventually(evaluationState).toContain('已布置');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the third party sees only its evaluation, records the score, a finding and the report, and submits',
    async () => {
      await signIn(page, 'zhongxin', evaluatorPassword, /\/evaluations$/);
      await eventually(() => evaluationRows().count()).toBe(1);
      expect(await evaluationRows().first().innerText()).toContain(EVALUATION);
      // Its menu holds the evaluations only.
      expect(await page.getByRole('menuitem', { name: '审核' }).count()).toBe(0);
      await screenshot(page, '87-evaluation-side-evaluator-list');
      await evaluationRows().first().getByRole('link', { name: EVALUATION }).click();
      await page.waitForURL(evaluationPath);
      // The project's targets, read-only.
      await page.locator('.evaluation-subject').getByText('绩效指标描述').waitFor();

      await page.getByLabel('得分', { exact: true }).fill('88.5');
      await page.getByLabel('评价结论', { exact: true }).fill('项目目标基本实现（e2e）。');
      await page.getByRole('button', { name: '保存得分和结论' }).click();
      await eventually(() => page.getByTestId('evaluation-score').innerText()).toBe('88.50 分（良）');

      await page.getByLabel('问题描述', { exact: true }).fill(FINDING);
      await page.getByLabel('涉及指标或环节', { exact: true }).fill('满意度指标');
      await page.getByRole('button', { name: '添加问题' }).click();
      await eventually(() => page.locator('.evaluation-findings tbody').innerText()).toContain(FINDING);

      await page.locator('input[type=file]').setInputFiles({ name: '评价报告.pdf', mimeType: 'application/pdf', buffer: REPORT });
      await page.getByRole('link', { name: /下载评价报告/ }).waitFor();
      await screenshot(page, '88-evaluation-side-evaluator-recorded');

      await page.getByRole('button', { name: '提交评价结果' }).click();
      await eventually(evaluationState).toContain('已提交');
      expect(await page.getByRole('button', { name: '添加问题' }).count()).toBe(0);
      await signOut(page);
    },
    STEP,
  );

  it(
    'the reviewer accepts it and orders its finding rectified',
    async () => {
      await reviewer();
      await page.goto(evaluationPath);
      await button(page, '验收').click();
      await eventually(evaluationState).toContain('已验收');
      expect(await page.getByTestId('evaluation-score').innerText()).toBe('88.50 分（良）');
      await screenshot(page, '89-evaluation-side-evaluation-accepted');

      await page.locator('.evaluation-findings tr').filter({ hasText: FINDING }).getByRole('button', { name: '下达整改' }).click();
      await openItem('补充满意度调查，重新测算满意度（e2e）', '90-evaluation-side-rectify-evaluation');
    },
    STEP,
  );

  /** Fills in and sends the open 下达整改 dialog. */
  async function openItem(requirement: string, shot: string) {
    const dialog = page.getByRole('dialog', { name: '下达整改事项' });
    await dialog.getByLabel('整改要求').fill(requirement);
    await screenshot(page, shot);
    await button(dialog, '下达').click();
    await dialog.waitFor({ state: 'hidden' });
  }

  it(
    'the reviewer opens another item from a finding of the unit’s review page',
    async () => {
      await page.goto(`/review/${unitDocumentId}`);
      const panel = page.locator('.findings-panel');
      await panel.getByText(/^全文/).click();
      const entry = panel
        .locator('.findings-entry')
        .filter({ has: page.getByRole('button', { name: '下达整改' }) })
        .first();
      await entry.getByRole('button', { name: '下达整改' }).click();
      await openItem('补全指标值，并说明取值依据（e2e）', '91-evaluation-side-rectify-review');

      await page.getByRole('menuitem', { name: '整改' }).click();
      await page.waitForURL(/\/rectifications$/);
      const fromEvaluation = page.getByRole('row').filter({ hasText: FINDING });
      await eventually(() => fromEvaluation.innerText()).toContain('绩效评价');
      await eventually(() => page.getByRole('row').filter({ hasText: UNIT }).filter({ hasText: '目标审核' }).count()).toBeGreaterThan(0);
      await fromEvaluation.getByRole('link').first().click();
      await page.waitForURL(/\/rectifications\/\d+$/);
      itemPath = new URL(page.url()).pathname;
      await eventually(() => page.getByTestId('rectification-finding').innerText()).toContain(FINDING);
      await signOut(page);
    },
    STEP,
  );

  it(
    'the unit answers the evaluation’s item with an evidence file',
    async () => {
      await unit();
      await page.getByRole('menuitem', { name: '整改' }).click();
      await page.waitForURL(/\/rectifications$/);
      await page.getByRole('row').filter({ hasText: FINDING }).getByRole('link').first().click();
      await page.waitForURL(itemPath);
      await page.getByLabel('整改情况').fill('已补充满意度调查，样本 300 份（e2e）');
      const evidence = join(tmpdir(), '满意度调查报告.pdf');
      writeFileSync(evidence, '%PDF-1.4\n% 满意度调查报告（e2e）\n');
      await page.locator('.rectification-response input[type=file]').setInputFiles(evidence);
      await page.getByRole('link', { name: /满意度调查报告\.pdf/ }).waitFor();
      await screenshot(page, '92-evaluation-side-rectification-respond');
      await page.getByRole('button', { name: /提交整改情况/ }).click();
      await eventually(itemState).toBe('responded');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the reviewer closes it; the dashboard counts the demo’s overdue item',
    async () => {
      await reviewer();
      await page.goto(itemPath);
      await page.getByLabel('审核意见').fill('整改到位，同意销号（e2e）');
      await page.getByRole('button', { name: /销号/ }).click();
      await eventually(itemState).toBe('closed');
      await eventually(() => page.getByTestId('rectification-closing-note').innerText()).toContain('同意销号');
      await screenshot(page, '93-evaluation-side-rectification-closed');
      await page.getByRole('menuitem', { name: '数据看板' }).click();
      await page.waitForURL(/\/dashboard/);
      await eventually(() => page.getByTestId('overdue-card').innerText()).toMatch(/逾期整改事项\s*1/);
      await screenshot(page, '94-evaluation-side-dashboard-overdue');
    },
    STEP,
  );

  it(
    'the results report shows the evaluation’s grade beside the self-evaluation, on the page and in its workbook',
    async () => {
      await page.getByRole('menuitem', { name: '结果应用' }).click();
      await page.waitForURL(/\/results/);
      await page.getByLabel('评价年度').fill('2020');
      await page.getByLabel('评价年度').press('Enter');
      const row = page.getByRole('row').filter({ hasText: UNIT }).filter({ hasText: '88.50' });
      await row.waitFor();
      const cells = row.locator('td');
      // 自评得分, 自评等级, 评价得分, 评价等级 (columns 5 to 8).
      expect(await cells.nth(4).innerText()).toMatch(/^\d+\.\d{2}$/);
      expect(await cells.nth(5).innerText()).toMatch(/^[优良中差]$/);
      expect(await cells.nth(6).innerText()).toBe('88.50');
      expect(await cells.nth(7).innerText()).toBe('良');
      const project = (await cells.nth(1).innerText()).trim();
      // The project's name reads across its column, not a character a line.
      expect((await cells.nth(2).boundingBox())!.width).toBeGreaterThan(200);
      await screenshot(page, '95-evaluation-side-results');

      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /导出 Excel/ }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/评价结果应用表\.xlsx$/);
      const workbook = await readXlsxTables(await readFile((await file.path())!), file.suggestedFilename());
      const rows = workbook.tables.flatMap((t) => t.rows.map((r) => r.map((c) => c.text)));
      const line = rows.find((r) => r.includes(project));
      expect(line).toBeDefined();
      expect(line).toEqual(expect.arrayContaining(['良']));
      expect(line!.some((t) => /^88\.50?$/.test(t))).toBe(true);
      expect(errors).toEqual([]);
    },
    STEP,
  );
});
