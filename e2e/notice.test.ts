/**
 * 绩效目标批复 through the browser, on a real server with the demo county (issue 16): the reviewer finds
 * the demo's issued notice, drafts a new one, picks 怀来县农业农村局's approved 2020 targets in the
 * picker and issues it; the admin makes an account for 农业农村局, whose staff find the notice under
 * 批复, open it and download its 批复表 as Word, and see the notice on their document's page.
 * Screenshots go to test-output/e2e/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SCREENSHOTS, screenshot } from './support/browser.ts';
import { choose, confirm, eventually, signIn, signOut, START, STEP } from './support/pages.ts';
import type { RunningServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';

const NUMBER = '怀财绩〔2020〕5号';
const TITLE = '怀来县财政局关于批复农业农村局2020年度项目支出绩效目标的通知';

describe('approval notices in the browser', () => {
  let session: Session;
  let server: RunningServer;
  let page: Page;
  let unitPassword: string;

  beforeAll(async () => {
    session = await openSession();
    ({ server, page } = session);
  }, START);
  afterAll(() => session?.close());

  it(
    'the reviewer sees the demo notice, drafts a notice, picks the approved targets and issues it',
    async () => {
      await signIn(page, 'huailai-czj', server.passwords['huailai-czj']!, /\/review/);
      await page.getByRole('link', { name: '绩效目标批复' }).click();
      await page.waitForURL(/\/notices$/);
      await page.getByRole('link', { name: '怀财绩〔2020〕1号' }).waitFor();
      await screenshot(page, '60-notices-list');

      await page.getByRole('button', { name: '新建批复通知' }).click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '新建批复通知' });
      await dialog.getByLabel('年度').fill('2020');
      await dialog.getByLabel('文号').fill(NUMBER);
      await dialog.getByLabel('标题').fill(TITLE);
      await dialog.getByLabel('正文').fill('现将你单位2020年度项目支出绩效目标批复如下，请严格执行。');
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await page.waitForURL(/\/notices\/\d+$/);
      await eventually(() => page.getByTestId('notice-state').innerText()).toBe('草稿');

      await page.getByRole('button', { name: /加入绩效目标/ }).click();
      const picker = page.locator('.ant-modal').filter({ hasText: '选择已审核、尚未批复的绩效目标' });
      const row = picker.locator('tr').filter({ hasText: '怀来县农业农村局' });
      await row.waitFor();
      // 卫生健康局's targets are in the demo notice already: not offered again.
      expect(await picker.locator('tr').filter({ hasText: '怀来县卫生健康局' }).count()).toBe(0);
      await row.getByRole('checkbox').check();
      await screenshot(page, '61-notice-picker');
      await picker.getByRole('button', { name: /加\s*入/ }).click();
      await page.locator('tr').filter({ hasText: '315005 怀来县农业农村局' }).waitFor();

      await page.getByRole('button', { name: /印\s*发/ }).click();
      await confirm(page);
      await eventually(() => page.getByTestId('notice-state').innerText()).toBe('已印发');
      await screenshot(page, '62-notice-issued');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the admin makes an account for 农业农村局',
    async () => {
      await signIn(page, 'admin', server.passwords['admin']!, /\/admin/);
      await page.getByRole('button', { name: '新建用户' }).click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '新建用户' });
      await dialog.getByLabel('用户名', { exact: true }).fill('nongye');
      await dialog.getByLabel('姓名或称呼', { exact: true }).fill('农业农村局填报员');
      await choose(page, dialog, '单位', '315005', /怀来县农业农村局/);
      await dialog.getByRole('button', { name: '建立' }).click();
      const shown = page.getByTestId('new-password');
      await shown.waitFor();
      unitPassword = (await shown.innerText()).trim();
      await page.getByRole('button', { name: '已记下，关闭' }).click();
      await signOut(page);
    },
    STEP,
  );

  it(
    'the unit finds the notice under 批复 and downloads its 批复表',
    async () => {
      await signIn(page, 'nongye', unitPassword, /\/unit$/);
      await page.getByRole('link', { name: '批复', exact: true }).click();
      await page.waitForURL(/\/notices$/);
      // Only what was issued to it: the demo notice to 卫生健康局 is not listed.
      await page.getByRole('link', { name: NUMBER }).waitFor();
      expect(await page.getByRole('link', { name: '怀财绩〔2020〕1号' }).count()).toBe(0);
      await screenshot(page, '63-unit-notices');

      await page.getByRole('link', { name: NUMBER }).click();
      await page.locator('tr').filter({ hasText: '怀来县农业农村局' }).waitFor();
      await screenshot(page, '64-unit-notice');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid$="-docx"]').filter({ hasText: '批复表' }).first().click(),
      ]);
      const file = join(SCREENSHOTS, 'approval-form.docx');
      await download.saveAs(file);
      expect(download.suggestedFilename()).toBe(`${NUMBER} 怀来县农业农村局项目支出绩效目标批复表.docx`);
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      expect(bytes.length).toBeGreaterThan(5000);

      // The document's own pages name the notice that issued it.
      await page.getByRole('link', { name: '运行监控' }).click();
      await page.waitForURL(/\/documents\/\d+\/monitoring/);
      await eventually(() => page.getByTestId('document-notices').innerText()).toContain(NUMBER);
      await screenshot(page, '65-document-notice');
    },
    STEP,
  );
});
