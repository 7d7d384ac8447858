/**
 * 目标调整 through the browser, on a real server with the demo county (怀来县农业农村局's 2020 targets
 * approved, with a year of actuals): the admin makes an account for 农业农村局; its unit requests an
 * adjustment of one target from 7月1日 with a reason, in the editor's table, and submits it; the
 * reviewer finds it under 目标调整, reads what changed and approves it; monitoring then shows the
 * former target on 6月30日 and the adjusted one from 7月1日. A visitor reads the demo's adjustment
 * of 卫生健康局's published targets under 目标调整记录. Screenshots go to test-output/e2e/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AdjustmentView } from '../src/web/api/adjustment-types.ts';
import { call } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { eventually, newPage, signIn, signOut, START, STEP } from './support/pages.ts';
import type { RunningServer } from './support/server.ts';
import { signInReviewer, unitAccount } from './support/people.ts';
import { openSession, type Session } from './support/session.ts';

describe('a mid-year adjustment of approved targets in the browser', () => {
  let server: RunningServer;
  let page: Page;
  let errors: string[];
  let session: Session;
  let unitPassword = '';
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

  it(
    'the admin makes an account for 农业农村局',
    async () => {
      unitPassword = await unitAccount(page, server, '315005', 'nongye', '农业农村局填报员');
    },
    STEP,
  );

  it(
    'the unit requests an adjustment of one target from 7月1日, with a reason, and submits it',
    async () => {
      await signIn(page, 'nongye', unitPassword, /\/unit$/);
      await page.getByRole('menuitem', { name: '目标调整' }).click();
      await page.waitForURL(/\/adjustments$/);
      await page
        .locator('.adjustable-documents tr')
        .filter({ hasText: '怀来县农业农村局' })
        .getByRole('button', { name: '申请目标调整' })
        .click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '申请目标调整' });
      await dialog.getByLabel('调整原因').fill('上级追加任务，下调首个项目的一项数量指标。');
      // The effective date offered is 7月1日 of the budget year.
      expect(await dialog.getByLabel('生效日期').inputValue()).toBe('2020-07-01');
      await screenshot(page, 'adjustment-01-request');
      await dialog.getByRole('button', { name: '建立调整申请' }).click();
      await page.waitForURL(/\/adjustments\/\d+$/);
      const id = Number(/adjustments\/(\d+)/.exec(page.url())![1]);
      adjustment = await call<AdjustmentView>(page, 'GET', `/api/adjustments/${id}`);
      const indicators = adjustment.content.projects[0]!.indicators;
      const k = indicators.findIndex((i) => /\d/.test(i.target));
      row = k + 1;
      before = indicators[k]!.target;
      after = before.replace(/\d+(\.\d+)?/, '1');
      expect(after).not.toBe(before);

      const target = page.getByLabel(`指标值 ${row}`, { exact: true });
      await target.fill(after);
      await page.getByRole('button', { name: '保存' }).click();
      await page.getByText('已保存。').waitFor();
      const changes = page.getByTestId('adjustment-changes');
      await eventually(() => changes.locator('ins').first().innerText()).toBe(after);
      expect(await changes.locator('del').first().innerText()).toBe(before);
      await screenshot(page, 'adjustment-02-edited');
      await page.getByRole('button', { name: '提交审核' }).click();
      await page.getByText('已提交，等待财政部门审核。').waitFor();
      await page.locator('.adjustment-page [data-state="submitted"]').waitFor();
      await signOut(page);
    },
    STEP,
  );

  it(
    'the reviewer finds it under 目标调整, reads what changed and approves it',
    async () => {
      await signInReviewer(page, server);
      await page.getByRole('menuitem', { name: '目标调整' }).click();
      await page.waitForURL(/\/adjustments$/);
      await page.locator('tr').filter({ hasText: '怀来县农业农村局' }).getByRole('link', { name: '第 1 次调整' }).click();
      await page.waitForURL(new RegExp(`/adjustments/${adjustment.id}$`));
      const changes = page.getByTestId('adjustment-changes');
      await eventually(() => changes.locator('ins').first().innerText()).toBe(after);
      await screenshot(page, 'adjustment-03-review');
      await page.getByRole('button', { name: '批准调整' }).click();
      await page.locator('.ant-modal').getByRole('button', { name: '批准调整' }).click();
      await page.getByText('已批准，调整后的目标自生效日期起执行。').waitFor();
      await page.locator('.adjustment-page [data-state="approved"]').waitFor();
      await screenshot(page, 'adjustment-04-approved');
    },
    STEP,
  );

  it(
    'monitoring shows the former target on 6月30日 and the adjusted one from 7月1日',
    async () => {
      const code = adjustment.content.projects[0]!.code;
      const targetOn = async (date: string) => {
        await page.goto(`/documents/${adjustment.documentId}/monitoring?date=${date}`);
        await page.getByRole('link', { name: new RegExp(code) }).click();
        const panel = page.getByTestId('project-monitoring');
        await eventually(() => panel.innerText()).toContain(code);
        const rows = panel.locator('section[aria-labelledby="indicators-heading"] .ant-table-tbody tr.ant-table-row');
        return rows.nth(row - 1);
      };
      // From the effective date, through the approval link.
      await page.goto(`/adjustments/${adjustment.id}`);
      await page.getByRole('link', { name: '查看运行监控' }).click();
      await page.waitForURL(/monitoring\?date=2020-07-01/);
      const from = await targetOn('2020-07-01');
      await eventually(() => from.innerText()).toContain(after);
      await screenshot(page, 'adjustment-05-monitoring-adjusted-target');
      const until = await targetOn('2020-06-30');
      await eventually(() => until.innerText()).toContain(before);
      expect(await until.innerText()).not.toContain(after);
      await screenshot(page, 'adjustment-06-monitoring-former-target');
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
      await screenshot(p, 'adjustment-07-public-record');
      expect(visitor.errors).toEqual([]);
      await visitor.context.close();
      expect(errors).toEqual([]);
    },
    STEP,
  );
});
