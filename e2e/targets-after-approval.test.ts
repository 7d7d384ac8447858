/**
 * Issue 16's stages after a target is drafted, walked through the browser on a real server with the
 * demo county: the county's reviewer sets its 事前绩效评估金额标准; 怀来县教育局 marks a project of its
 * 2020 draft 新增, is refused the submission until the project's 事前绩效评估 is filled in, and then
 * submits; the reviewer reads the assessment, approves the targets and issues them in a 批复 notice,
 * which the unit finds and whose 批复表 it downloads; the unit requests a 目标调整 from 7月1日, the
 * reviewer approves it, and monitoring shows the former target until 6月30日 and the adjusted one from
 * 7月1日 while the self-evaluation judges by the adjusted one; 河北省财政厅's reviewer sets a 转移支付
 * fund and issues it to the county, whose reviewer accepts it and breaks it down to 司法局's project,
 * the roll-up showing it; 司法局 sees the fund under its project, and a visitor reads the demo's
 * published 目标调整记录. Screenshots 70-… go to test-output/e2e/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdjustmentView } from '../src/web/api/adjustment-types.ts';
import { makeAccount } from './support/accounts.ts';
import { call } from './support/api.ts';
import { SCREENSHOTS, screenshot } from './support/browser.ts';
import {
  choose,
  confirm,
  eventually,
  findingCounts,
  newPage,
  openProjectTab,
  saved,
  signIn,
  signOut,
  START,
  STEP,
} from './support/pages.ts';
import type { RunningServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';

const UNIT = { code: '315003', name: '怀来县教育局' };
/** The draft's first project (122.10 万元), made 新增 above the county's amount of 100 万元. */
const NEW_PROJECT = /专项检查/;
const NUMBER = '怀财绩〔2020〕6号';
const TITLE = '怀来县财政局关于批复教育局2020年度项目支出绩效目标的通知';
const FUND = '2020年社区矫正补助资金（测试）';
const INDICATOR = '社区矫正人员信息核查率';
/** 冀财政法[2019]19号's project of the seed: what the fund pays for in 怀来县司法局. */
const FUNDED_PROJECT = '315-0103-YBN-UP1C';
const SECTIONS = ['立项必要性', '投入经济性', '绩效目标合理性', '实施方案可行性', '筹资合规性'];

describe('targets after approval: ex-ante assessment, approval notice, adjustment and transfer payment in the browser', () => {
  let session: Session;
  let server: RunningServer;
  let page: Page;
  let errors: string[];
  let unitPassword = '';
  let provincePassword = '';
  let documentId = 0;
  let adjustment: AdjustmentView;
  /** The row adjusted (1-based), its target before and after. */
  let row = 0;
  let before = '';
  let after = '';

  beforeAll(async () => {
    session = await openSession();
    ({ server, page, errors } = session);
  }, START);
  afterAll(() => session?.close());

  const unit = () => signIn(page, 'jiaoyu', unitPassword, /\/unit$/);
  const reviewer = () => signIn(page, 'huailai-czj', server.passwords['huailai-czj']!, /\/review/);

  it(
    'the admin makes the accounts; the county’s reviewer sets the 事前绩效评估金额标准',
    async () => {
      unitPassword = await makeAccount(page, server, { username: 'jiaoyu', displayName: '教育局填报员', unit: UNIT });
      provincePassword = await makeAccount(page, server, {
        username: 'hebei-czt',
        displayName: '河北省财政厅审核员',
        reviewerOf: '河北省财政厅',
      });

      await reviewer();
      await page.getByRole('menuitem', { name: '设置' }).click();
      await page.waitForURL(/\/settings/);
      // The county sets its own 审核规则 (the demo's come from the defaults), which opens the amount.
      await page.getByRole('switch', { name: '审核规则：本级设定' }).click();
      const amount = page.getByLabel('事前绩效评估金额标准', { exact: true });
      await amount.fill('100');
      await page.getByRole('button', { name: '保存设置' }).click();
      await page.getByText(/设置已保存/).waitFor();
      await amount.scrollIntoViewIfNeeded();
      await screenshot(page, '70-ex-ante-threshold');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the unit marks a project 新增: submitting is refused until its 事前绩效评估 is complete, then accepted',
    async () => {
      await unit();
      await page.getByRole('button', { name: '编辑' }).click();
      await page.waitForURL(/\/documents\/\d+\/edit/);
      documentId = Number(/documents\/(\d+)/.exec(page.url())![1]);
      await openProjectTab(page, NEW_PROJECT);
      await choose(page, page, '项目属性', '', /^新增$/);
      const panel = page.getByTestId('ex-ante-panel');
      await eventually(() => panel.innerText()).toContain('本项目为新增项目，预算数达到 100 万元');
      await saved(page);
      await eventually(() => findingCounts(page)).toMatchObject({ error: 1 });

      await page.getByRole('button', { name: '提交审核' }).click();
      const blocked = page.getByTestId('submit-blocked');
      await eventually(() => blocked.innerText()).toContain('没有事前绩效评估');
      await screenshot(page, '71-ex-ante-required');
      await page.getByRole('button', { name: /知道了|确定|OK/ }).click();
      // The server refuses it too, not only the page.
      const { meta } = await call<{ meta: { version: number } }>(page, 'GET', `/api/documents/${documentId}`);
      await expect(call(page, 'POST', `/api/documents/${documentId}/submit`, { body: {}, version: meta.version })).rejects.toThrow(
        /422.*事前绩效评估/,
      );

      for (const name of SECTIONS) {
        await panel.getByLabel(`${name} 评估情况`, { exact: true }).fill('论证充分，依据可靠。');
        await panel.getByLabel(`${name} 得分`, { exact: true }).fill('18');
      }
      await panel.getByLabel('予以支持', { exact: true }).check();
      await panel.getByLabel('评估机构（单位）名称', { exact: true }).fill(UNIT.name);
      await panel.getByLabel('评估日期', { exact: true }).fill('2019-10-15');
      await eventually(() => panel.innerText()).toContain('总分：90');
      await panel.getByRole('button', { name: /保存评估/ }).click();
      await page.getByText('事前绩效评估已保存').waitFor();
      await eventually(() => findingCounts(page)).toMatchObject({ error: 0 });
      await screenshot(page, '72-ex-ante-assessed');

      await page.getByRole('button', { name: '提交审核' }).click();
      await confirm(page);
      await page.waitForURL(/\/unit$/);
      await page.locator('[data-status="submitted"]').first().waitFor();
      await signOut(page);
    },
    STEP,
  );

  it(
    'the reviewer reads the assessment, approves the targets and issues them in a 批复 notice',
    async () => {
      await reviewer();
      await page.goto(`/review/${documentId}`);
      await openProjectTab(page, NEW_PROJECT);
      await eventually(() => page.getByTestId('ex-ante-panel').innerText()).toContain('予以支持（总分 90）');
      await screenshot(page, '73-review-ex-ante');
      await page.getByRole('button', { name: '审核通过' }).first().click();
      await confirm(page);
      await page.locator('.page-title [data-status="approved"]').waitFor();

      await page.getByRole('menuitem', { name: '绩效目标批复' }).click();
      await page.waitForURL(/\/notices$/);
      // The demo's notice to 卫生健康局.
      await page.getByRole('link', { name: '怀财绩〔2020〕1号' }).waitFor();
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
      const offered = picker.locator('tr').filter({ hasText: UNIT.name });
      await offered.waitFor();
      // 卫生健康局's targets are in the demo notice already: not offered again.
      expect(await picker.locator('tr').filter({ hasText: '怀来县卫生健康局' }).count()).toBe(0);
      await offered.getByRole('checkbox').check();
      await screenshot(page, '74-notice-picker');
      await picker.getByRole('button', { name: /加\s*入/ }).click();
      await page
        .locator('tr')
        .filter({ hasText: `${UNIT.code} ${UNIT.name}` })
        .waitFor();
      await page.getByRole('button', { name: /印\s*发/ }).click();
      await confirm(page);
      await eventually(() => page.getByTestId('notice-state').innerText()).toBe('已印发');
      await screenshot(page, '75-notice-issued');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the unit finds the notice under 批复 and downloads its 批复表',
    async () => {
      await unit();
      await page.getByRole('menuitem', { name: '批复' }).click();
      await page.waitForURL(/\/notices$/);
      // Only what was issued to it: the demo notice to 卫生健康局 is not listed.
      await page.getByRole('link', { name: NUMBER }).waitFor();
      expect(await page.getByRole('link', { name: '怀财绩〔2020〕1号' }).count()).toBe(0);
      await page.getByRole('link', { name: NUMBER }).click();
      await page.locator('tr').filter({ hasText: UNIT.name }).waitFor();
      await screenshot(page, '76-unit-notice');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-testid$="-docx"]').filter({ hasText: '批复表' }).first().click(),
      ]);
      const file = join(SCREENSHOTS, 'approval-form.docx');
      await download.saveAs(file);
      expect(download.suggestedFilename()).toBe(`${NUMBER} ${UNIT.name}项目支出绩效目标批复表.docx`);
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      expect(bytes.length).toBeGreaterThan(5000);
    },
    STEP,
  );

  it(
    'the unit requests an adjustment of a target from 7月1日 with a reason, and submits it',
    async () => {
      await page.getByRole('menuitem', { name: '目标调整' }).click();
      await page.waitForURL(/\/adjustments$/);
      await page.locator('.adjustable-documents tr').filter({ hasText: UNIT.name }).getByRole('button', { name: '申请目标调整' }).click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '申请目标调整' });
      await dialog.getByLabel('调整原因').fill('上级调整检查任务，下调首个项目的一项指标。');
      // The effective date offered is 7月1日 of the budget year.
      expect(await dialog.getByLabel('生效日期').inputValue()).toBe('2020-07-01');
      await dialog.getByRole('button', { name: '建立调整申请' }).click();
      await page.waitForURL(/\/adjustments\/\d+$/);
      const id = Number(/adjustments\/(\d+)/.exec(page.url())![1]);
      adjustment = await call<AdjustmentView>(page, 'GET', `/api/adjustments/${id}`);
      expect(adjustment.documentId).toBe(documentId);
      const indicators = adjustment.content.projects[0]!.indicators;
      const k = indicators.findIndex((i) => /\d/.test(i.target));
      row = k + 1;
      before = indicators[k]!.target;
      after = before.replace(/\d+(\.\d+)?/, '1');
      expect(after).not.toBe(before);

      await page.getByLabel(`指标值 ${row}`, { exact: true }).fill(after);
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('已保存。').waitFor();
      const changes = page.getByTestId('adjustment-changes');
      await eventually(() => changes.locator('ins').first().innerText()).toBe(after);
      expect(await changes.locator('del').first().innerText()).toBe(before);
      await screenshot(page, '77-adjustment-requested');
      await page.getByRole('button', { name: '提交审核' }).click();
      await page.getByText('已提交，等待财政部门审核。').waitFor();
      await page.locator('.adjustment-page [data-state="submitted"]').waitFor();
      await signOut(page);
    },
    STEP,
  );

  it(
    'the reviewer approves it: monitoring shows the former target until 6月30日 and the adjusted one from 7月1日; the self-evaluation uses the adjusted one',
    async () => {
      await reviewer();
      await page.getByRole('menuitem', { name: '目标调整' }).click();
      await page.waitForURL(/\/adjustments$/);
      await page.locator('tr').filter({ hasText: UNIT.name }).getByRole('link', { name: '第 1 次调整' }).click();
      await page.waitForURL(new RegExp(`/adjustments/${adjustment.id}$`));
      await eventually(() => page.getByTestId('adjustment-changes').locator('ins').first().innerText()).toBe(after);
      await page.getByRole('button', { name: '批准调整' }).click();
      await page.locator('.ant-modal').getByRole('button', { name: '批准调整' }).click();
      await page.getByText('已批准，调整后的目标自生效日期起执行。').waitFor();
      await page.locator('.adjustment-page [data-state="approved"]').waitFor();
      await screenshot(page, '78-adjustment-approved');

      const code = adjustment.content.projects[0]!.code;
      const targetOn = async (date: string) => {
        await page.goto(`/documents/${documentId}/monitoring?date=${date}`);
        await page.getByRole('link', { name: new RegExp(code) }).click();
        const panel = page.getByTestId('project-monitoring');
        await eventually(() => panel.innerText()).toContain(code);
        return panel.locator('section[aria-labelledby="indicators-heading"] .ant-table-tbody tr.ant-table-row').nth(row - 1);
      };
      const until = await targetOn('2020-06-30');
      await eventually(() => until.innerText()).toContain(before);
      expect(await until.innerText()).not.toContain(after);
      await screenshot(page, '79-monitoring-former-target');
      // From the effective date, through the approval's link.
      await page.goto(`/adjustments/${adjustment.id}`);
      await page.getByRole('link', { name: '查看运行监控' }).click();
      await page.waitForURL(/monitoring\?date=2020-07-01/);
      const from = await targetOn('2020-07-01');
      await eventually(() => from.innerText()).toContain(after);
      // The document's pages name the notice that issued it.
      expect(await page.getByTestId('document-notices').innerText()).toContain(NUMBER);
      await screenshot(page, '80-monitoring-adjusted-target');

      await page.goto(`/documents/${documentId}/evaluation`);
      const form = page.getByTestId('project-evaluation');
      await eventually(() => form.innerText()).toContain(code);
      const evaluated = form.locator(`tr[data-row-key="${row}"]`);
      await eventually(() => evaluated.innerText()).toContain(after);
      expect(await evaluated.innerText()).not.toContain(before);
      await screenshot(page, '81-self-evaluation-adjusted-target');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the province’s reviewer sets a transfer-payment fund and issues it to the county with its money and targets',
    async () => {
      await signIn(page, 'hebei-czt', provincePassword, /\/review/);
      await page.getByRole('menuitem', { name: '转移支付' }).click();
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
      await screenshot(page, '82-transfer-set');
      await issue.click();
      await page
        .locator('.ant-popover')
        .getByRole('button', { name: /确\s*定|OK/ })
        .click();
      await page.locator('[data-testid="allocation"]').filter({ hasText: '下达给怀来县财政局' }).waitFor();
      await eventually(() => page.locator('h3').innerText()).toContain('已下达');
      await screenshot(page, '83-transfer-issued');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the county’s reviewer accepts it and breaks it down to the project that spends it; the roll-up shows it',
    async () => {
      await reviewer();
      await page.getByRole('menuitem', { name: '转移支付' }).click();
      await page.getByRole('link', { name: FUND }).click();
      await page.waitForURL(/\/transfers\/\d+$/);
      const allocation = page.locator('[data-testid="allocation"]');
      await allocation.getByRole('button', { name: /接\s*收/ }).click();
      await eventually(() => allocation.innerText()).toContain('已接收');

      await allocation.getByRole('button', { name: '分解到项目' }).click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '选择项目' });
      await choose(page, dialog, '选择项目', '社区矫正', new RegExp(FUNDED_PROJECT.replace(/[-]/g, '\\-')));
      await dialog.getByLabel('年度金额（万元）', { exact: true }).fill('4.10');
      await choose(page, dialog, `承接“${INDICATOR}”的项目指标`, '', new RegExp(`^1\\. ${INDICATOR}`));
      await dialog.getByRole('button', { name: /保\s*存/ }).click();
      await eventually(() => allocation.innerText()).toContain(FUNDED_PROJECT);

      const county = page.locator('[data-testid="rollup-block"]').filter({ hasText: '怀来县财政局' });
      await eventually(() => county.innerText()).toContain('资金：下达 4.10 万元，已分解到项目 4.10 万元');
      expect(await county.locator('tbody').innerText()).toContain('已分解');
      expect(await county.locator('tbody').innerText()).not.toContain('未分解');
      // The fund's other 5.90 万元 is still with the province: the whole is not broken down.
      const whole = page.locator('[data-testid="rollup-block"]').filter({ hasText: '全部地区' });
      expect(await whole.innerText()).toContain('已分解到项目 4.10 万元');
      await screenshot(page, '84-transfer-broken-down');
      await signOut(page);

      // 司法局 sees the funds its project spends.
      await signIn(page, 'sifaju', server.passwords['sifaju']!, /\/unit$/);
      await page.getByRole('button', { name: '编辑' }).click();
      await page.waitForURL(/\/documents\/\d+\/edit/);
      await openProjectTab(page, /社区矫正补助资金/);
      const spends = page.locator('.project-transfers');
      await eventually(() => spends.innerText()).toContain(FUND);
      // The demo's own fund for the same project, issued by the same province.
      expect(await spends.innerText()).toContain('2020年社区矫正补助资金（演示数据）（河北省财政厅下达，分解到本项目 4.10 万元）');
      await screenshot(page, '85-transfer-project-spends');
      await signOut(page);
    },
    STEP,
  );

  it(
    'a visitor reads the demo’s adjustment of published targets under 目标调整记录',
    async () => {
      const visitor = await newPage(session.browser, server.url);
      const p = visitor.page;
      await p.goto('/public');
      const list = await call<{ items: Array<{ id: number; unitName: string }> }>(p, 'GET', '/api/public/documents?limit=50');
      const published = list.items.find((d) => d.unitName === '怀来县卫生健康局')!;
      await p.goto(`/public/documents/${published.id}`);
      const record = p.getByTestId('public-adjustments');
      await eventually(() => record.innerText()).toContain('第 1 次调整，自 2020-07-01 起执行。调整原因：（演示数据）');
      await record.scrollIntoViewIfNeeded();
      await screenshot(p, '86-public-adjustment-record');
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
      expect(errors).toEqual([]);
    },
    STEP,
  );
});
