/**
 * 绩效评价 by a third party through the browser, on a real server with the demo county (issue 17):
 * the county's reviewer makes a third-party institution's account on /evaluations and plans an
 * evaluation of 怀来县司法局's 法律援助 project assigned to it; the institution signs in (replacing
 * its one-time password), sees only that evaluation (not the demo's accepted one) and the project's
 * targets, records the score and a finding, uploads its PDF report and submits; the reviewer accepts.
 * Screenshots go to test-output/e2e/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { choose, eventually, signIn, signOut, START, STEP } from './support/pages.ts';
import type { RunningServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';

const TITLE = '法律援助项目财政重点评价';
const ORGANISATION = '中信绩效评价有限公司';
const REPORT = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

describe('a third-party evaluation in the browser', () => {
  let server: RunningServer;
  let page: Page;
  let errors: string[];
  let session: Session;
  let evaluatorPassword = '';
  let evaluationPath = '';

  beforeAll(async () => {
    session = await openSession();
    ({ server, page, errors } = session);
  }, START);

  afterAll(() => session?.close());

  const reviewer = () => signIn(page, 'huailai-czj', server.passwords['huailai-czj']!, /\/review/);
  const rows = (p: Page) => p.locator('.evaluations-page tbody tr.ant-table-row');

  it(
    'the reviewer makes a third-party account and assigns it an evaluation of a project',
    async () => {
      await reviewer();
      await page.getByRole('menuitem', { name: '绩效评价' }).click();
      await page.waitForURL(/\/evaluations$/);
      // The demo's accepted 财政评价 is there from the first start.
      await eventually(() => rows(page).first().innerText()).toContain('已验收');

      await page.getByRole('button', { name: '新建第三方机构账号' }).click();
      const account = page.getByRole('dialog', { name: '新建第三方机构账号' });
      await account.getByLabel('机构名称', { exact: true }).fill(ORGANISATION);
      await account.getByLabel('用户名', { exact: true }).fill('zhongxin');
      await account.getByLabel('联系人', { exact: true }).fill('张评价');
      await account.getByRole('button', { name: /确\s*定/ }).click();
      const shown = page.getByTestId('new-password');
      await shown.waitFor();
      evaluatorPassword = (await shown.innerText()).trim();
      await account.getByRole('button', { name: '已记下，关闭' }).click();

      await page.getByRole('button', { name: '新建评价' }).click();
      const plan = page.getByRole('dialog', { name: '新建评价' });
      await plan.getByLabel('评价名称', { exact: true }).fill(TITLE);
      await choose(page, plan, '评价的项目', '法律援助', /怀来县司法局 · .*法律援助/);
      // The year follows the project's.
      expect(await plan.getByLabel('年度', { exact: true }).inputValue()).toBe('2020');
      await plan.getByLabel('评价主体', { exact: true }).fill(ORGANISATION);
      await choose(page, plan, '委托的第三方机构账号', '', new RegExp(ORGANISATION));
      await screenshot(page, '51-evaluation-plan');
      await plan.getByRole('button', { name: /确\s*定/ }).click();
      await page.waitForURL(/\/evaluations\/\d+$/);
      evaluationPath = new URL(page.url()).pathname;
      await eventually(() => page.locator('.evaluation-page h3').innerText()).toContain('已布置');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the third party sees only its evaluation, records the score and a finding, uploads the report and submits',
    async () => {
      await signIn(page, 'zhongxin', evaluatorPassword, /\/evaluations$/);
      await eventually(() => rows(page).count()).toBe(1);
      expect(await rows(page).first().innerText()).toContain(TITLE);
      // Its menu holds the evaluations only.
      expect(await page.getByRole('menuitem', { name: '审核' }).count()).toBe(0);
      await screenshot(page, '52-evaluator-list');
      await rows(page).first().getByRole('link', { name: TITLE }).click();
      await page.waitForURL(evaluationPath);
      // The project's targets, read-only.
      await page.locator('.evaluation-subject').getByText('绩效指标描述').waitFor();

      await page.getByLabel('得分', { exact: true }).fill('88.5');
      await page.getByLabel('评价结论', { exact: true }).fill('项目目标基本实现，结案率达标。');
      await page.getByRole('button', { name: '保存得分和结论' }).click();
      await eventually(() => page.getByTestId('evaluation-score').innerText()).toBe('88.50 分（良）');

      await page.getByLabel('问题描述', { exact: true }).fill('满意度调查样本不足，结论依据不充分。');
      await page.getByLabel('涉及指标或环节', { exact: true }).fill('满意度指标');
      await page.getByRole('button', { name: '添加问题' }).click();
      await eventually(() => page.locator('.evaluation-findings tbody').innerText()).toContain('满意度调查样本不足');

      await page.locator('input[type=file]').setInputFiles({ name: '评价报告.pdf', mimeType: 'application/pdf', buffer: REPORT });
      await page.getByRole('link', { name: /下载评价报告/ }).waitFor();
      await screenshot(page, '53-evaluator-recorded');

      await page.getByRole('button', { name: '提交评价结果' }).click();
      await eventually(() => page.locator('.evaluation-page h3').innerText()).toContain('已提交');
      expect(await page.getByRole('button', { name: '添加问题' }).count()).toBe(0);
      await signOut(page);
    },
    STEP,
  );

  it(
    'the reviewer accepts it',
    async () => {
      await reviewer();
      await page.goto(evaluationPath);
      await page.getByRole('button', { name: '验收' }).click();
      await eventually(() => page.locator('.evaluation-page h3').innerText()).toContain('已验收');
      expect(await page.getByTestId('evaluation-score').innerText()).toBe('88.50 分（良）');
      await screenshot(page, '54-evaluation-accepted');
      expect(errors).toEqual([]);
    },
    STEP,
  );
});
