/**
 * The whole yearly cycle through the browser alone, on a real server with the demo county:
 * the unit signs in, imports the seed, fixes findings in the editor (submitting is refused while
 * errors remain), submits; the reviewer returns it with a comment; the unit fixes and resubmits;
 * the reviewer approves and publishes; an anonymous visitor finds it. Screenshots of each step go
 * to test-output/e2e/.
 */
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { confirm, eventually, findingCounts, newPage, openProjectTab, saved, signIn, signOut, START, STEP } from './support/pages.ts';
import type { RunningServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';
import { ROOT } from '../scripts/web-build.ts';

const SEED = join(ROOT, 'samples/huailai-sifaju-2020.txt');

describe('the yearly cycle in the browser', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  let session: Session;

  beforeAll(async () => {
    session = await openSession();
    ({ server, browser, page, errors } = session);
  }, START);

  afterAll(() => session?.close());

  const unit = () => signIn(page, 'sifaju', server.passwords['sifaju']!, /\/unit$/);
  const reviewer = () => signIn(page, 'huailai-czj', server.passwords['huailai-czj']!, /\/review/);

  /** Types a target value into an indicator row of the open project and checks how it is read. */
  async function setTarget(row: number, text: string, reading: RegExp) {
    const input = page.getByLabel(`指标值 ${row}`, { exact: true });
    await input.fill(text);
    const cell = page.locator('td[data-col="target"]').nth(row - 1);
    await eventually(() => cell.getByTestId('target-reading').innerText()).toMatch(reading);
  }

  it(
    'the unit signs in and imports the seed, seeing a preview first',
    async () => {
      await page.goto('/');
      await page.waitForURL(/\/public$/);
      await unit();
      await eventually(() => page.getByTestId('budget-total').innerText()).toContain('91.10');
      await screenshot(page, '01-unit-home');

      await page.getByRole('link', { name: '导入文件' }).click();
      await page.locator('input[type="file"]').setInputFiles(SEED);
      const preview = page.getByTestId('import-preview');
      await preview.waitFor();
      expect(await preview.innerText()).toContain('怀来县司法局 2020 年：6 个项目，32 行指标');
      expect(await preview.innerText()).toContain('预算合计 91.10 万元');
      // The demo already holds the seed as a draft: the preview says it will be replaced.
      expect(await preview.innerText()).toContain('确认后将以导入内容替换');
      await screenshot(page, '02-import-preview');

      await page.getByRole('button', { name: '确认导入' }).click();
      await page.waitForURL(/\/documents\/\d+\/edit$/);
      await page.getByRole('tab', { name: '部门整体绩效目标' }).waitFor();
      await eventually(() => findingCounts(page)).toMatchObject({ error: 5 });
    },
    STEP,
  );

  it(
    'the editor reads a target as it is typed, clears the finding live, and saves',
    async () => {
      await openProjectTab(page, /法律援助/);
      const target6 = page.locator('td[data-col="target"]').nth(5);
      expect(await target6.getByTestId('target-reading').innerText()).toContain('未填写指标值');
      await setTarget(6, '≥ 95 %', /定量.*≥.*95.*%.*正向/s);
      await eventually(() => findingCounts(page)).toMatchObject({ error: 4 });
      await setTarget(6, '较好', /定性.*较好/s);
      await setTarget(6, '≥90%', /≥.*90.*%/s);
      await saved(page);
      await screenshot(page, '03-editor-fixed-finding');
    },
    STEP,
  );

  it(
    'submitting is refused while errors remain, with the errors listed',
    async () => {
      await page.getByRole('button', { name: '提交审核' }).click();
      const blocked = page.getByTestId('submit-blocked');
      await blocked.waitFor();
      const text = await blocked.innerText();
      expect(text).toContain('315-0103-YBN-TSVA 第 3 行');
      expect(text).toContain('315-0101-JBN-GXGK 第 4 行');
      expect(text).toContain('315-0103-JBN-NGVM 第 6 行');
      await screenshot(page, '04-submit-blocked');
      await page.getByRole('button', { name: /知道了|确定|OK/ }).click();
    },
    STEP,
  );

  it(
    'the unit fixes the other errors and submits',
    async () => {
      await openProjectTab(page, /22号/);
      await setTarget(3, '≤5%', /≤.*5.*%.*反向/s);
      await setTarget(4, '明显改善', /定性/);
      await openProjectTab(page, /普法宣传/);
      await setTarget(4, '≥90%', /≥/);
      await openProjectTab(page, /6、社区矫正/);
      await setTarget(6, '≥95%', /≥/);
      await eventually(() => findingCounts(page)).toMatchObject({ error: 0 });
      await saved(page);

      await page.getByRole('button', { name: '提交审核' }).click();
      await confirm(page);
      await page.waitForURL(/\/unit$/);
      await page.locator('[data-status="submitted"]').first().waitFor();
      await screenshot(page, '05-submitted');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the reviewer finds it in the queue and returns it with a comment on a field',
    async () => {
      await reviewer();
      const totals = page.getByTestId('queue-totals');
      await eventually(() => totals.innerText()).toContain('共 1 份文件，预算合计 91.10 万元');
      await screenshot(page, '06-review-queue');

      await page
        .getByRole('link', { name: /怀来县司法局/ })
        .first()
        .click();
      await page.waitForURL(/\/review\/\d+/);
      await openProjectTab(page, /法律援助/);
      // Comment on row 1's basis, then return the document with a comment.
      const basis1 = page.locator('td[id$="-indicators_basis-1"]');
      await basis1.getByRole('button', { name: '批注' }).click();
      await page.getByLabel('写下审核意见……').fill('结案率的确定依据请写明数据来源（如 2019 年案件统计）。');
      await page.getByRole('button', { name: '添加批注' }).click();
      await eventually(() => basis1.locator('.notes-comment').count()).toBe(1);

      await page.getByRole('button', { name: '退回修改' }).first().click();
      await page.getByLabel('退回意见（必填，单位将看到）').fill('指标值确定依据多为指标名称本身，请逐项写明依据后重新提交。');
      await screenshot(page, '07-review-return');
      await page.locator('.ant-modal').getByRole('button', { name: '退回修改' }).click();
      await page.waitForURL(/\/review$/);
      await signOut(page);
    },
    STEP,
  );

  it(
    'the unit sees the comments, fixes the basis and resubmits',
    async () => {
      await unit();
      await page.locator('[data-status="returned"]').first().waitFor();
      await eventually(() => page.locator('.ant-alert').first().innerText()).toContain('请逐项写明依据');
      await page.getByRole('button', { name: '编辑' }).click();
      await page.waitForURL(/\/edit/);
      await eventually(() => page.getByTestId('review-comments').innerText()).toContain('数据来源');
      await openProjectTab(page, /法律援助/);
      await page.getByLabel('指标值确定依据 1', { exact: true }).fill('2019年法律援助案件结案统计及2020年工作计划');
      await saved(page);
      await screenshot(page, '08-unit-fixes-after-return');
      await page.getByRole('button', { name: '提交审核' }).click();
      await confirm(page);
      await page.waitForURL(/\/unit$/);
      await page.locator('[data-status="submitted"]').first().waitFor();
      await signOut(page);
    },
    STEP,
  );

  it(
    'the reviewer approves it from the queue with the batch action, then publishes it',
    async () => {
      await reviewer();
      const row = page.locator('tr').filter({ hasText: '怀来县司法局' });
      await row.getByRole('checkbox').check();
      await page.getByRole('button', { name: /批量审核通过（1）/ }).click();
      await confirm(page);
      await page.getByText('已审核通过 1 份。').waitFor();
      // The queue shows submitted documents; add 已审核 to the status filter to find it again.
      await page.getByLabel('状态', { exact: true }).click();
      await page.locator('.ant-select-item-option[title="已审核"]').click();
      await page.keyboard.press('Escape');
      await page.locator('tr').filter({ hasText: '怀来县司法局' }).locator('[data-status="approved"]').waitFor();
      await page
        .getByRole('link', { name: /怀来县司法局/ })
        .first()
        .click();
      await page.waitForURL(/\/review\/\d+/);
      await page.locator('.page-title [data-status="approved"]').waitFor();
      await page.getByRole('button', { name: '公开' }).click();
      await confirm(page);
      await page.locator('.page-title [data-status="published"]').waitFor();
      await page.getByRole('tab', { name: '办理记录' }).click();
      const timeline = page.locator('.audit-timeline');
      await timeline.waitFor();
      const history = await timeline.innerText();
      for (const step of ['公开', '审核通过', '退回修改', '提交审核', '导入']) expect(history).toContain(step);
      expect(history).toContain('已审核 → 已公开');
      await screenshot(page, '09-approved-published');
      await signOut(page);
    },
    STEP,
  );

  it(
    'an anonymous visitor finds the published document by a project name',
    async () => {
      const visitor = await newPage(browser, server.url);
      const p = visitor.page;
      await p.goto('/public');
      await p.getByLabel('搜索项目名称').fill('法律援助');
      await p.getByLabel('搜索项目名称').press('Enter');
      await p.getByRole('link', { name: '法律援助' }).waitFor();
      await screenshot(p, '10-public-search');
      await p.getByRole('link', { name: '法律援助' }).click();
      await p.waitForURL(/\/public\/documents\/\d+/);
      await p.getByRole('heading', { name: '怀来县司法局 2020 年度预算绩效目标' }).waitFor();
      const body = await p.locator('.public-document-body').innerText();
      expect(body).toContain('第一部分 部门整体绩效目标');
      expect(body).toContain('法律援助绩效目标表');
      expect(body).toContain('2019年法律援助案件结案统计及2020年工作计划');
      expect(await p.locator('.official-form').count()).toBe(6);
      await screenshot(p, '11-public-document');
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
      expect(errors).toEqual([]);
    },
    STEP,
  );
});
