/**
 * What a resubmission changed, through the browser: the unit submits the corrected targets, the
 * reviewer comments on a cell and returns them, the unit finds the comment from the banner (which
 * says where it is), changes that one value and resubmits, and the reviewer's 修改对比 shows exactly
 * that change — as does 查看修改 on the resubmission in the audit timeline.
 */
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../scripts/web-build.ts';
import { screenshot } from './support/browser.ts';
import { confirm, eventually, findingCounts, openProjectTab, saved, signIn, signOut, START, STEP } from './support/pages.ts';
import type { RunningServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';

const CORRECTED = join(ROOT, 'samples/huailai-sifaju-2020-corrected.txt');
const CELL_COMMENT = '受援人数请与2019年实际受援人数核对。';

describe('a resubmission compared with the returned version', () => {
  let session: Session;
  let server: RunningServer;
  let page: Page;

  beforeAll(async () => {
    session = await openSession();
    ({ server, page } = session);
  }, START);

  afterAll(() => session?.close());

  const unit = () => signIn(page, 'sifaju', server.passwords['sifaju']!, /\/unit$/);
  const reviewer = () => signIn(page, 'huailai-czj', server.passwords['huailai-czj']!, /\/review/);

  async function submit() {
    await page.getByRole('button', { name: '提交审核' }).click();
    await confirm(page);
    await page.waitForURL(/\/unit$/);
    await page.locator('[data-status="submitted"]').first().waitFor();
  }

  async function openFromQueue() {
    await page
      .getByRole('link', { name: /怀来县司法局/ })
      .first()
      .click();
    await page.waitForURL(/\/review\/\d+/);
  }

  it(
    'the unit imports the corrected targets and submits them',
    async () => {
      await unit();
      await page.getByRole('link', { name: '导入文件' }).click();
      await page.locator('input[type="file"]').setInputFiles(CORRECTED);
      await page.getByTestId('import-preview').waitFor();
      await page.getByRole('button', { name: '确认导入' }).click();
      await page.waitForURL(/\/documents\/\d+\/edit$/);
      await eventually(() => findingCounts(page)).toMatchObject({ error: 0 });
      await submit();
      await signOut(page);
    },
    STEP,
  );

  it(
    'the reviewer comments on a cell and returns the document',
    async () => {
      await reviewer();
      await openFromQueue();
      await openProjectTab(page, /法律援助/);
      const target4 = page.locator('td[id$="-indicators_target-4"]');
      await target4.getByRole('button', { name: '批注' }).click();
      await page.getByLabel('写下审核意见……').fill(CELL_COMMENT);
      await page.getByRole('button', { name: '添加批注' }).click();
      await eventually(() => target4.locator('.notes-comment').count()).toBe(1);
      await page.getByRole('button', { name: '退回修改' }).first().click();
      await page.getByLabel('退回意见（必填，单位将看到）').fill('请核实受援人数后重新提交。');
      await page.locator('.ant-modal').getByRole('button', { name: '退回修改' }).click();
      await page.waitForURL(/\/review$/);
      await signOut(page);
    },
    STEP,
  );

  it(
    'the unit finds the cell comment from the banner, changes that value and resubmits',
    async () => {
      await unit();
      await page.getByRole('button', { name: '编辑' }).click();
      await page.waitForURL(/\/edit/);
      const banner = page.getByTestId('review-comments');
      const placed = banner.locator('.placed-comment').filter({ hasText: CELL_COMMENT });
      await eventually(() => placed.locator('.comment-anchor').innerText()).toBe('项目：法律援助 · 第 4 行指标 · 字段：指标值');
      await placed.getByRole('button', { name: '在表中查看这条批注' }).click();
      await page
        .locator('.part-nav')
        .getByRole('tab', { name: /法律援助/, selected: true })
        .waitFor();
      await page.locator('.notes-popover').filter({ hasText: CELL_COMMENT }).waitFor();
      await screenshot(page, '31-comment-opened-from-banner');

      await page.getByLabel('指标值 4', { exact: true }).fill('≥160人');
      await saved(page);
      await submit();
      await signOut(page);
    },
    STEP,
  );

  it(
    'the reviewer sees exactly that change in 修改对比, and from the timeline',
    async () => {
      await reviewer();
      await openFromQueue();
      await page.getByRole('button', { name: '修改对比' }).click();
      const diff = page.getByTestId('version-diff');
      await diff.getByTestId('diff-part').waitFor();
      expect(await diff.getByTestId('diff-count').innerText()).toBe('共 1 处修改');
      expect(await diff.getByTestId('diff-part').locator('h5').innerText()).toContain('项目：法律援助');
      const rows = diff.locator('.diff-table tbody tr');
      expect(await rows.count()).toBe(1);
      expect(await rows.locator('td').first().innerText()).toContain('第 4 行「受援困难群众人数」 / 指标值');
      expect(await rows.locator('del').innerText()).toBe('≥150人');
      expect(await rows.locator('ins').innerText()).toBe('≥160人');
      await screenshot(page, '32-review-version-diff');
      await page.keyboard.press('Escape');

      await page.getByRole('tab', { name: '办理记录' }).click();
      const resubmission = page.locator('.audit-timeline').getByRole('button', { name: '查看修改' });
      await eventually(() => resubmission.count()).toBe(1);
      await resubmission.click();
      await eventually(() => page.getByTestId('version-diff').last().locator('ins').innerText()).toBe('≥160人');
      expect(session.errors).toEqual([]);
    },
    STEP,
  );
});
