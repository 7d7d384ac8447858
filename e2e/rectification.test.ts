/**
 * 整改 and 结果应用 through the browser, on a real server with the demo county (issue 17 parts 3
 * and 4): the county's reviewer opens a rectification item from a finding on 怀来县司法局's review
 * page (下达整改), the unit answers it on its 整改 page with an evidence file, the reviewer closes it
 * (销号); the bureau dashboard counts the demo's overdue item; the reviewer reads the results report
 * (结果应用) and downloads it as Excel. Screenshots go to test-output/e2e/.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { call } from './support/api.ts';
import { screenshot } from './support/browser.ts';
import { eventually, signIn, signOut, START, STEP } from './support/pages.ts';
import type { RunningServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';

describe('整改与结果应用 in the browser', () => {
  let server: RunningServer;
  let page: Page;
  let errors: string[];
  let session: Session;
  let draftId = 0;
  let itemUrl = '';

  beforeAll(async () => {
    session = await openSession();
    ({ server, page, errors } = session);
  }, START);

  afterAll(() => session?.close());

  const unit = () => signIn(page, 'sifaju', server.passwords['sifaju']!, /\/unit$/);
  const reviewer = () => signIn(page, 'huailai-czj', server.passwords['huailai-czj']!, /\/review/);

  it(
    'the reviewer opens a rectification item from a finding on the review page',
    async () => {
      await reviewer();
      const list = await call<{ items: Array<{ id: number; unitCode: string }> }>(page, 'GET', '/api/documents?year=2020&limit=50');
      draftId = list.items.find((d) => d.unitCode === '315002')!.id;
      await page.goto(`/review/${draftId}`);
      const panel = page.locator('.findings-panel');
      await panel.getByText(/^全文/).click();
      const entry = panel
        .locator('.findings-entry')
        .filter({ has: page.getByRole('button', { name: '下达整改' }) })
        .first();
      const finding = (await entry.locator('.finding').first().innerText()).trim();
      await entry.getByRole('button', { name: '下达整改' }).click();
      const dialog = page.getByRole('dialog', { name: '下达整改事项' });
      await dialog.getByLabel('整改要求').fill('补全指标值，并说明取值依据（e2e）');
      await screenshot(page, '60-rectification-open');
      await dialog.getByRole('button', { name: '下达' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.getByRole('menuitem', { name: '整改' }).click();
      await page.waitForURL(/\/rectifications$/);
      const row = page.getByRole('row').filter({ hasText: '怀来县司法局' }).first();
      await eventually(() => row.innerText()).toContain('待整改');
      expect(finding.length).toBeGreaterThan(0);
      await row.getByRole('link').click();
      await page.waitForURL(/\/rectifications\/\d+$/);
      itemUrl = new URL(page.url()).pathname;
      await eventually(() => page.getByTestId('rectification-finding').innerText()).not.toBe('');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the unit answers with an evidence file',
    async () => {
      await unit();
      await page.getByRole('menuitem', { name: '整改' }).click();
      await page.waitForURL(/\/rectifications$/);
      await page.getByRole('row').filter({ hasText: '待整改' }).first().getByRole('link').click();
      await page.waitForURL(itemUrl);
      await page.getByLabel('整改情况').fill('已补全全部指标值，依据为冀财政法【2019】19号（e2e）');
      const evidence = join(tmpdir(), '整改佐证材料.pdf');
      writeFileSync(evidence, '%PDF-1.4\n% 整改佐证材料（e2e）\n');
      await page.locator('.rectification-response input[type=file]').setInputFiles(evidence);
      await page.getByRole('link', { name: /整改佐证材料\.pdf/ }).waitFor();
      await screenshot(page, '61-rectification-respond');
      await page.getByRole('button', { name: /提交整改情况/ }).click();
      // Answered: the bureau's turn now (the unit may still add to its answer until then).
      await eventually(() => page.locator('.page-title [data-state]').first().getAttribute('data-state')).toBe('responded');
      expect(await page.getByLabel('整改情况').inputValue()).toContain('已补全全部指标值');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the reviewer closes it; the dashboard counts the demo’s overdue item',
    async () => {
      await reviewer();
      await page.goto(itemUrl);
      await page.getByLabel('审核意见').fill('整改到位，同意销号（e2e）');
      await page.getByRole('button', { name: /销号/ }).click();
      await eventually(() => page.locator('.page-title [data-state]').first().getAttribute('data-state')).toBe('closed');
      await eventually(() => page.getByTestId('rectification-closing-note').innerText()).toContain('同意销号');
      await screenshot(page, '62-rectification-closed');
      await page.getByRole('menuitem', { name: '数据看板' }).click();
      await page.waitForURL(/\/dashboard/);
      await eventually(() => page.getByTestId('overdue-card').innerText()).toMatch(/逾期整改事项\s*1/);
      await screenshot(page, '63-dashboard-overdue');
    },
    STEP,
  );

  it(
    'the reviewer reads the results report and downloads it as Excel',
    async () => {
      await page.getByRole('menuitem', { name: '结果应用' }).click();
      await page.waitForURL(/\/results/);
      await page.getByLabel('评价年度').fill('2020');
      await page.getByLabel('评价年度').press('Enter');
      // The demo's monitored projects have self-evaluation grades, so the default actions show.
      const ACTIONS = ['保持或增加', '保持', '压减', '削减或取消'];
      await eventually(async () => (await page.getByTestId('result-action').allInnerTexts()).some((a) => ACTIONS.includes(a))).toBe(true);
      await screenshot(page, '64-results-report');
      const download = page.waitForEvent('download');
      await page.getByRole('button', { name: /导出 Excel/ }).click();
      const file = await download;
      expect(file.suggestedFilename()).toMatch(/评价结果应用表\.xlsx$/);
      const path = await file.path();
      expect(path).toBeTruthy();
      expect(errors).toEqual([]);
    },
    STEP,
  );
});
