/**
 * 转移支付区域绩效目标 through the browser, on a real server with the demo county (issue 16): the admin
 * makes an account for 河北省财政厅's reviewer, who sets a fund on /transfers (新建专项), gives
 * 怀来县财政局 its money and targets and issues it (下达); the county's reviewer accepts it (接收),
 * breaks it down to 司法局's project that spends it (分解到项目) and the roll-up (分解汇总) shows the
 * county's money and indicator broken down; 司法局 sees the funds its project spends. Screenshots go to
 * test-output/e2e/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { choose, eventually, openProjectTab, signIn, signOut, START, STEP } from './support/pages.ts';
import type { RunningServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';

const FUND = '2020年社区矫正补助资金（测试）';
const INDICATOR = '社区矫正人员信息核查率';
/** 冀财政法[2019]19号's project of the seed: what the fund pays for in 怀来县司法局. */
const PROJECT = '315-0103-YBN-UP1C';

describe('transfer-payment targets in the browser', () => {
  let server: RunningServer;
  let page: Page;
  let errors: string[];
  let session: Session;
  let provincePassword = '';

  beforeAll(async () => {
    session = await openSession();
    ({ server, page, errors } = session);
  }, START);

  afterAll(() => session?.close());

  it(
    'the province’s reviewer sets a fund and issues it to the county with its money and targets',
    async () => {
      await signIn(page, 'admin', server.passwords['admin']!, /\/admin/);
      await page.getByRole('button', { name: '新建用户' }).click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '新建用户' });
      await dialog.getByLabel('用户名', { exact: true }).fill('hebei-czt');
      await dialog.getByLabel('姓名或称呼', { exact: true }).fill('河北省财政厅审核员');
      await choose(page, dialog, '角色', '', /^财政审核$/);
      await choose(page, dialog, '财政部门', '', /河北省财政厅/);
      await dialog.getByRole('button', { name: '建立' }).click();
      const shown = page.getByTestId('new-password');
      await shown.waitFor();
      provincePassword = (await shown.innerText()).trim();
      await page.getByRole('button', { name: '已记下，关闭' }).click();
      await signOut(page);

      await signIn(page, 'hebei-czt', provincePassword, /\/review/);
      await page.getByRole('link', { name: '转移支付' }).click();
      await page.waitForURL(/\/transfers$/);
      await page.getByRole('button', { name: '新建专项' }).click();
      const create = page.locator('.ant-modal').filter({ hasText: '新建专项' });
      await create.getByLabel('年度', { exact: true }).fill('2020');
      await create.getByLabel('专项编码', { exact: true }).fill('冀财政法[2020]1号');
      await create.getByLabel('专项名称', { exact: true }).fill(FUND);
      await create.getByLabel('主管部门', { exact: true }).fill('河北省司法厅');
      await create.getByLabel('年度金额（万元）', { exact: true }).fill('10.00');
      await create.getByLabel('其中：中央补助', { exact: true }).fill('6.00');
      await create.getByLabel('地方资金', { exact: true }).fill('4.00');
      await create.getByLabel('年度总体目标', { exact: true }).fill('深化社区矫正工作，降低重新违法犯罪率。');
      await create.getByLabel('二级指标 1', { exact: true }).fill('质量指标');
      await create.getByLabel('三级指标 1', { exact: true }).fill(INDICATOR);
      await create.getByLabel('指标值 1', { exact: true }).fill('=100%');
      await create.getByRole('button', { name: /保\s*存/ }).click();
      await page.waitForURL(/\/transfers\/\d+$/);

      await page.getByRole('button', { name: '添加地区' }).click();
      await choose(page, page, '下达地区 1', '怀来', /怀来县财政局/);
      await page.getByLabel('年度金额（万元） 1', { exact: true }).fill('4.10');
      await page.getByLabel(`${INDICATOR} 指标值 1`, { exact: true }).fill('=100%');
      await page.getByRole('button', { name: /保\s*存/ }).click();
      await page.getByText('已保存').first().waitFor();
      const issue = page.getByRole('button', { name: /^下\s*达$/ });
      await eventually(() => issue.isEnabled()).toBe(true);
      await screenshot(page, '60-transfer-set');
      await issue.click();
      await page
        .locator('.ant-popover')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      await page.locator('[data-testid="allocation"]').filter({ hasText: '下达给怀来县财政局' }).waitFor();
      await eventually(() => page.locator('h3').innerText()).toContain('已下达');
      await screenshot(page, '61-transfer-issued');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the county’s reviewer accepts it, breaks it down to the project that spends it, and the roll-up shows it',
    async () => {
      await signIn(page, 'huailai-czj', server.passwords['huailai-czj']!, /\/review/);
      await page.getByRole('link', { name: '转移支付' }).click();
      await page.getByRole('link', { name: FUND }).click();
      await page.waitForURL(/\/transfers\/\d+$/);
      const allocation = page.locator('[data-testid="allocation"]');
      await allocation.getByRole('button', { name: /接\s*收/ }).click();
      await eventually(() => allocation.innerText()).toContain('已接收');

      await allocation.getByRole('button', { name: '分解到项目' }).click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '选择项目' });
      await choose(page, dialog, '选择项目', '社区矫正', new RegExp(PROJECT.replace(/[-]/g, '\\-')));
      await dialog.getByLabel('年度金额（万元）', { exact: true }).fill('4.10');
      await choose(page, dialog, `承接“${INDICATOR}”的项目指标`, '', new RegExp(`^1\\. ${INDICATOR}`));
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await eventually(() => allocation.innerText()).toContain(PROJECT);

      const county = page.locator('[data-testid="rollup-block"]').filter({ hasText: '怀来县财政局' });
      await eventually(() => county.innerText()).toContain('资金：下达 4.10 万元，已分解到项目 4.10 万元');
      expect(await county.locator('tbody').innerText()).toContain('已分解');
      expect(await county.locator('tbody').innerText()).not.toContain('未分解');
      // The fund's other 5.90 万元 is still with the province: the whole is not broken down.
      const whole = page.locator('[data-testid="rollup-block"]').filter({ hasText: '全部地区' });
      expect(await whole.innerText()).toContain('已分解到项目 4.10 万元');
      await screenshot(page, '62-transfer-broken-down');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the unit sees which funds its project spends',
    async () => {
      await signIn(page, 'sifaju', server.passwords['sifaju']!, /\/unit$/);
      await page.getByRole('button', { name: '编辑' }).click();
      await page.waitForURL(/\/documents\/\d+\/edit/);
      await openProjectTab(page, /社区矫正补助资金/);
      const spends = page.locator('.project-transfers');
      await eventually(() => spends.innerText()).toContain(FUND);
      // The demo's own fund for the same project, issued by the same province.
      expect(await spends.innerText()).toContain('2020年社区矫正补助资金（演示数据）（河北省财政厅下达，分解到本项目 4.10 万元）');
      await screenshot(page, '63-transfer-project-spends');
      expect(errors).toEqual([]);
    },
    STEP,
  );
});
