/**
 * 自评任务 through the browser, on a real server with the demo county: the reviewer assigns a task
 * to every unit of the county; 怀来县农业农村局 (approved, with a year of actuals; its account made
 * through the API) sees the task with its reminder, starts it and submits its self-evaluation; the
 * reviewer sees it among the submitted, accepts it, draws the 抽评 sample with a chosen seed and
 * records the re-check beside the unit's own score. Screenshots go to test-output/e2e/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { confirm, eventually, signIn, signOut, START, STEP } from './support/pages.ts';
import type { RunningServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';

const TITLE = '2020年度自评（端到端）';
const SEED = 'e2e-seed-2020';

describe('self-evaluation tasks, review and sampling in the browser', () => {
  let server: RunningServer;
  let page: Page;
  let errors: string[];
  let session: Session;
  let unitPassword = '';

  beforeAll(async () => {
    session = await openSession();
    ({ server, page, errors } = session);
  }, START);

  afterAll(() => session?.close());

  it(
    'the reviewer assigns the year’s self-evaluation to the county’s units',
    async () => {
      // The admin makes an account for 农业农村局 (the admin page's own flow is the monitoring test's).
      await signIn(page, 'admin', server.passwords['admin']!, /\/admin/);
      const units = await call<{ items: Array<{ id: number; code: string }> }>(page, 'GET', '/api/admin/units?q=315005');
      ({ password: unitPassword } = await call<{ password: string }>(page, 'POST', '/api/admin/users', {
        body: { username: 'nongye', displayName: '农业农村局填报员', role: 'unit', unitId: units.items[0]!.id },
      }));
      await signOut(page);

      await signIn(page, 'huailai-czj', server.passwords['huailai-czj']!, /\/review/);
      await page.getByRole('menuitem', { name: '自评任务' }).click();
      await page.waitForURL(/\/evaluation-tasks$/);
      // The demo's task is there already.
      await page.locator('.evaluation-tasks').getByText('2020年度项目支出绩效自评').waitFor();
      await page.getByRole('button', { name: '布置自评任务' }).click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '布置自评任务' });
      await dialog.getByLabel('任务名称').fill(TITLE);
      await dialog.getByLabel('年度').fill('2020');
      const deadline = dialog.getByLabel('截止日期');
      await deadline.click();
      await deadline.fill('2099-03-31');
      await deadline.press('Enter');
      await page.locator('.ant-picker-dropdown').waitFor({ state: 'hidden' });
      await screenshot(page, '61-evaluation-task-assign');
      await dialog
        .getByRole('button', { name: '布 置' })
        .or(dialog.getByRole('button', { name: '布置' }))
        .click();
      await page.waitForURL(/\/evaluation-tasks\/\d+$/);
      await eventually(() => page.getByTestId('task-counts').innerText()).toMatch(/未开始\s*4/);
      await screenshot(page, '62-evaluation-task-progress');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the unit sees its task and reminder badge, starts it and submits its self-evaluation',
    async () => {
      await signIn(page, 'nongye', unitPassword, /\/unit$/);
      await page.getByRole('menuitem', { name: /自评任务/ }).click();
      await page.waitForURL(/\/my-evaluation-tasks$/);
      // The demo's task, past its deadline and not started, is the one reminder: the badge says 1.
      await page
        .locator('.evaluation-reminders')
        .getByText(/2020年度项目支出绩效自评.*逾期/)
        .waitFor();
      await eventually(() => page.locator('.app-menu .ant-badge-count').first().innerText()).toBe('1');
      const row = page.locator('.unit-evaluation-tasks tr').filter({ hasText: TITLE });
      await row.getByText('未开始').waitFor();
      await row.getByRole('button', { name: '开始自评' }).click();
      // Starting opens the self-evaluation the task is about.
      await page.waitForURL(/\/documents\/\d+\/evaluation/);
      await page.goBack();
      await page.waitForURL(/\/my-evaluation-tasks$/);
      await row.getByText('填报中').waitFor();
      await row.getByRole('button', { name: '提交自评' }).click();
      await confirm(page);
      await row.getByText('已提交').waitFor();
      await page.locator('.ant-modal-confirm').waitFor({ state: 'detached' });
      await expect(row.innerText()).resolves.toMatch(/\d+\.\d{2}/);
      await screenshot(page, '63-evaluation-task-unit-submitted');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the reviewer accepts it, draws the sample with a seed and records the re-check',
    async () => {
      await signIn(page, 'huailai-czj', server.passwords['huailai-czj']!, /\/review/);
      await page.getByRole('menuitem', { name: '自评任务' }).click();
      await page.locator('.evaluation-tasks').getByRole('link', { name: TITLE }).click();
      await page.waitForURL(/\/evaluation-tasks\/\d+$/);
      await eventually(() => page.getByTestId('task-counts').innerText()).toMatch(/待审核\s*1/);
      const row = page.locator('.evaluation-assignments tr').filter({ hasText: '怀来县农业农村局' });
      await row
        .getByRole('button', { name: '通过' })
        .or(row.getByRole('button', { name: '通 过' }))
        .click();
      await row.getByText('已通过').waitFor();
      await eventually(() => page.getByTestId('task-counts').innerText()).toMatch(/已通过\s*1/);

      await page.getByRole('button', { name: '抽取样本' }).click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '抽取抽评样本' });
      await dialog.getByLabel('按数量').check();
      await dialog.getByLabel('样本数量').fill('1');
      await dialog.getByLabel('随机种子').fill(SEED);
      await dialog.getByRole('button', { name: '抽取样本' }).click();
      await eventually(() => page.getByTestId('sample-summary').innerText()).toContain(SEED);
      const drawn = page.locator('.evaluation-rechecks tr').filter({ hasText: '怀来县农业农村局' });
      await drawn.getByText('未复核').waitFor();

      await drawn
        .getByRole('button', { name: '复核' })
        .or(drawn.getByRole('button', { name: '复 核' }))
        .click();
      const recheck = page.locator('.ant-modal').filter({ hasText: '抽评复核' });
      await recheck.getByLabel('复核得分').fill('85');
      await recheck.getByLabel('复核发现').fill('偏差原因说明充分，个别指标缺少佐证');
      await recheck.getByRole('button', { name: '保存复核' }).click();
      await drawn.getByText('85.00').waitFor();
      await drawn.getByText('良').first().waitFor();
      await screenshot(page, '64-evaluation-task-sample-recheck');

      // The sample the API recorded is what the seed draws from its population.
      const taskId = Number(/evaluation-tasks\/(\d+)/.exec(page.url())![1]);
      const detail = await call<{ sample: { seed: string; population: number[]; drawn: number } }>(
        page,
        'GET',
        `/api/evaluation-tasks/${taskId}`,
      );
      expect(detail.sample).toMatchObject({ seed: SEED, drawn: 1 });
      expect(errors).toEqual([]);
    },
    STEP,
  );
});
