/**
 * Monitoring, self-evaluation, dashboards and administration through the browser, on a real server
 * with the demo county (怀来县卫生健康局 and 农业农村局 approved, with a year of actuals):
 * the admin makes an account for 卫生健康局 and sees its password once; that unit records an actual
 * value (read as typed, a count against the share the plan makes due) and spending — rows with
 * nothing recorded show 未填报, not a green light —, judges an indicator 完全不可能 — a red light
 * with the explanation prompt beside the empty fields — and explains it; opens its self-evaluation
 * (score and grade as the API computes them), marks a row 不适用 (asked for the reason; its points
 * move within its family, the reviewer's finding appears and the score with every row scored stays
 * beside the total), takes over its monitoring explanation as the analysis with one click, and
 * downloads the 自评表; the reviewer reads the warning list
 * (tab counts as the API counts) and the bureau dashboard (chart tables as the API sends them) and
 * downloads a chart as CSV. Screenshots go to test-output/e2e/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot, SCREENSHOTS } from './support/browser.ts';
import { choose, eventually, signIn, signOut, START, STEP } from './support/pages.ts';
import type { RunningServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';

const PROJECT = '313-0151-XMN-JK09';

describe('monitoring, self-evaluation and dashboards in the browser', () => {
  let server: RunningServer;
  let page: Page;
  let errors: string[];
  let unitPassword = '';
  let documentId = 0;

  let session: Session;

  beforeAll(async () => {
    session = await openSession();
    ({ server, page, errors } = session);
  }, START);

  afterAll(() => session?.close());

  /** What the API says, asked from the signed-in page. */
  const api = <T>(path: string) => page.evaluate(async (p) => (await fetch(p)).json(), path) as Promise<T>;

  it(
    'the admin creates a unit account and sees its password once',
    async () => {
      await signIn(page, 'admin', server.passwords['admin']!, /\/admin/);
      await page.getByRole('button', { name: '新建用户' }).click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '新建用户' });
      await dialog.getByLabel('用户名', { exact: true }).fill('weijian');
      await dialog.getByLabel('姓名或称呼', { exact: true }).fill('卫生健康局填报员');
      await choose(page, dialog, '单位', '315004', /怀来县卫生健康局/);
      await dialog.getByRole('button', { name: '建立' }).click();
      const shown = page.getByTestId('new-password');
      await shown.waitFor();
      unitPassword = (await shown.innerText()).trim();
      expect(unitPassword.length).toBeGreaterThanOrEqual(12);
      await screenshot(page, '31-admin-user-password-once');
      await page.getByRole('button', { name: '已记下，关闭' }).click();
      // The list names the account's unit (it comes with the account, whichever page of units it is on).
      await eventually(() => page.locator('.admin-users tr').filter({ hasText: 'weijian' }).innerText()).toContain('怀来县卫生健康局');
      await signOut(page);
    },
    STEP,
  );

  it(
    'the unit records an actual value read as it is typed, and spending in 万元',
    async () => {
      await signIn(page, 'weijian', unitPassword, /\/unit$/);
      await page.getByRole('menuitem', { name: '运行监控' }).click();
      await page.waitForURL(/\/documents\/\d+\/monitoring/);
      documentId = Number(/documents\/(\d+)/.exec(page.url())![1]);
      // A chosen date: the end of June.
      const date = page.getByLabel('监控日期', { exact: true });
      await date.click();
      await date.fill('2020-06-30');
      await date.press('Enter');
      await page.waitForURL(/date=2020-06-30/);
      const api630 = await api<{ lights: Record<string, number> }>(`/api/documents/${documentId}/monitoring?date=2020-06-30`);
      const summary = page.getByTestId('light-summary');
      await eventually(() => summary.innerText()).toContain(`红灯 ${api630.lights.red}`);
      expect(await summary.innerText()).toContain(`黄灯 ${api630.lights.yellow}`);
      expect(await summary.innerText()).toContain(`绿灯 ${api630.lights.green}`);

      await page.getByRole('link', { name: new RegExp(PROJECT) }).click();
      const panel = page.getByTestId('project-monitoring');
      await eventually(() => panel.innerText()).toContain(PROJECT);

      // The demo's values are dated 12月31日: at 6月底 every row is 未填报 — no light, counted as such.
      const mon = await api<{ unreported: number; projects: Array<{ projectCode: string; indicators: Array<{ light: string }> }> }>(
        `/api/documents/${documentId}/monitoring?date=2020-06-30`,
      );
      const rows = mon.projects.find((p) => p.projectCode === PROJECT)!.indicators;
      expect(rows.every((r) => r.light === 'noData')).toBe(true);
      const indicatorRows = panel.locator('section[aria-labelledby="indicators-heading"] .ant-table-tbody tr.ant-table-row');
      const rowLights = () => indicatorRows.locator('[data-light]').evaluateAll((els) => els.map((e) => e.getAttribute('data-light')));
      await eventually(rowLights).toEqual(rows.map(() => 'noData'));
      expect(await indicatorRows.first().innerText()).toContain('未填报');
      expect(await page.getByTestId('unreported-count').innerText()).toBe(`未填报指标 ${mon.unreported} 行`);
      // Spending on a day of its own, exact to the cent (between the 3月底 and 6月底 figures).
      await panel.getByLabel('项目 累计支出', { exact: true }).fill('45.05');
      await panel.getByLabel('项目 日期', { exact: true }).click();
      await panel.getByLabel('项目 日期', { exact: true }).fill('2020-05-15');
      await page.keyboard.press('Enter');
      await panel.locator('.dated-records').first().getByRole('button', { name: '录入' }).click();
      await eventually(() => panel.locator('.dated-records').first().innerText()).toMatch(/2020-05-15\s+45\.05/);

      // Row 1 (≥7次): 5次 reads as 71.43 % of the target as it is typed.
      await panel.locator('tr[data-row-key="1"] .ant-table-row-expand-icon').click();
      const value = panel.getByLabel('第 1 行 实际值', { exact: true });
      await value.fill('5次');
      await eventually(() => panel.getByTestId('actual-reading').first().innerText()).toBe('读作 5次 · 完成率 71.43% · 未达到指标值');
      await value.fill('5');
      await eventually(() => panel.getByTestId('actual-reading').first().innerText()).toContain('完成率 71.43%');
      await value.fill('5次');
      await panel.getByLabel('第 1 行 说明', { exact: true }).fill('上半年完成 5 次');
      await panel.locator('.indicator-entry .dated-records').getByRole('button', { name: '录入' }).click();
      await eventually(() => panel.locator('.indicator-entry .dated-records').innerText()).toMatch(/2020-06-30\s+5次/);
      // A count (数量指标 ≥7次) is due in parts: 5次 = 71.43 % against the plan's 72 % at 6月底, within the thresholds.
      const paced = await api<{
        projects: Array<{ projectCode: string; indicators: Array<{ light: string; pace: { expected: string } | null }> }>;
      }>(`/api/documents/${documentId}/monitoring?date=2020-06-30`);
      const first = paced.projects.find((p) => p.projectCode === PROJECT)!.indicators[0]!;
      expect(first).toMatchObject({ light: 'green', pace: { expected: '72.00' } });
      await eventually(async () => (await rowLights())[0]).toBe('green');
      expect(await indicatorRows.first().innerText()).toContain('71.43% 应达 72.00%');
      await screenshot(page, '32-unit-records-actuals');
    },
    STEP,
  );

  it(
    'an indicator that will not be met turns the project red and asks for its explanation beside the fields',
    async () => {
      const panel = page.getByTestId('project-monitoring');
      const row = panel.getByTestId('explanation-1');
      await choose(page, row, '第 1 行 完成可能性', '', /完全不可能/);
      await row.getByRole('button', { name: '保存说明' }).click();
      await eventually(() => panel.locator('.ant-card-extra [data-light]').getAttribute('data-light')).toBe('red');
      await eventually(() => row.innerText()).toContain('须填写偏差原因和纠偏措施');
      expect(await row.getByLabel('第 1 行 偏差原因', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await row.getByLabel('第 1 行 纠偏措施', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      const missing = await api<{ findings: Array<{ ruleId: string; projectCode: string; indicatorIndex: number | null }> }>(
        `/api/documents/${documentId}/monitoring?date=2020-06-30`,
      );
      expect(missing.findings.filter((f) => f.ruleId === 'monitoring.missingExplanation' && f.projectCode === PROJECT)).toEqual([
        expect.objectContaining({ indicatorIndex: 1 }),
      ]);
      await screenshot(page, '33-red-light-explanation-prompt');

      await choose(page, row, '第 1 行 偏差原因类别', '', /人员保障/);
      await row.getByLabel('第 1 行 偏差原因', { exact: true }).fill('执法人员调整，培训推迟到下半年');
      await row.getByLabel('第 1 行 纠偏措施', { exact: true }).fill('下半年集中开展培训，9 月底前完成');
      await row.getByRole('button', { name: '保存说明' }).click();
      await eventually(() => row.locator('.explanation-missing').count()).toBe(0);
      // Explained, it stays red: a red light that is explained is a correct report.
      expect(await panel.locator('.ant-card-extra [data-light]').getAttribute('data-light')).toBe('red');
      const after = await api<{ findings: Array<{ ruleId: string; projectCode: string }> }>(
        `/api/documents/${documentId}/monitoring?date=2020-06-30`,
      );
      expect(after.findings.filter((f) => f.ruleId === 'monitoring.missingExplanation' && f.projectCode === PROJECT)).toEqual([]);
      await screenshot(page, '34-explained');
    },
    STEP,
  );

  it(
    'the self-evaluation shows the score and grade the API computes, and the 自评表 downloads',
    async () => {
      await page.locator('.doc-nav').getByRole('link', { name: '绩效自评' }).click();
      await page.waitForURL(/\/evaluation/);
      const evaluation = await api<{
        score: string;
        grade: string;
        projects: Array<{ projectCode: string; total: string; grade: string }>;
      }>(`/api/documents/${documentId}/evaluation`);
      await eventually(() => page.getByTestId('department-score').innerText()).toBe(evaluation.score);
      expect(await page.getByTestId('department-evaluation').locator(`[data-grade="${evaluation.grade}"]`).count()).toBeGreaterThan(0);
      const first = evaluation.projects[0]!;
      expect(await page.getByTestId('project-total').innerText()).toBe(`总分 ${first.total}`);
      await screenshot(page, '35-self-evaluation');

      // Row 8 (满意度, 5 of the family's 10 points) does not apply: not without a reason.
      const form = page.getByTestId('project-evaluation');
      await form.getByLabel('第 8 行不适用', { exact: true }).check();
      await form.getByTestId('not-applicable-reason-required').waitFor();
      expect(await form.getByLabel('第 8 行不适用理由', { exact: true }).getAttribute('aria-invalid')).toBe('true');
      expect(await form.getByRole('button', { name: /保存修改（1 处）/ }).isDisabled()).toBe(true);
      await form.getByLabel('第 8 行不适用理由', { exact: true }).fill('本年度未开展群众满意度调查');
      await form.getByRole('button', { name: /保存修改（1 处）/ }).click();
      // With the reason, row 7 carries the family's 10 and the total holds.
      const points = (row: number) => form.locator(`tr[data-row-key="${row}"] td`).nth(5).innerText();
      await eventually(() => points(7)).toBe('10.00');
      type Evaluation = {
        withoutNotApplicable: { score: string } | null;
        projects: Array<{
          total: string;
          withoutNotApplicable: { total: string } | null;
          indicators: Array<{ index: number; status: string; points: string; notApplicableReason: string }>;
        }>;
      };
      const after = await api<Evaluation>(`/api/documents/${documentId}/evaluation`);
      expect(after.projects[0]!.indicators.find((r) => r.index === 8)).toMatchObject({
        status: 'notApplicable',
        notApplicableReason: '本年度未开展群众满意度调查',
      });
      expect(after.projects[0]!.indicators.find((r) => r.index === 7)!.points).toBe('10.00');
      expect(await page.getByTestId('project-total').innerText()).toBe(`总分 ${after.projects[0]!.total}`);
      // The reviewer sees the 不适用 row as a finding, and the score with every row scored beside the score.
      await eventually(() => page.getByTestId('project-total-all-rows').innerText()).toBe(
        `所有指标均计分 ${after.projects[0]!.withoutNotApplicable!.total}`,
      );
      expect(await page.getByTestId('department-score-all-rows').innerText()).toBe(after.withoutNotApplicable!.score);
      expect(await form.locator('.evaluation-findings').innerText()).toContain('第 8 行指标：已填报实际值');
      await screenshot(page, '35a-not-applicable-with-reason');

      // What the unit explained in monitoring (row 1 of the project, at 6月底) is offered for the analysis.
      await page
        .getByTestId('department-evaluation')
        .getByRole('button', { name: new RegExp(PROJECT) })
        .click();
      await eventually(() => form.innerText()).toContain(PROJECT);
      await form.getByRole('button', { name: '第 1 行采用监控时的说明', exact: true }).click();
      expect(await form.getByLabel('第 1 行偏差原因分析及改进措施', { exact: true }).inputValue()).toBe(
        '偏差原因：人员保障：执法人员调整，培训推迟到下半年；纠偏措施：下半年集中开展培训，9 月底前完成',
      );
      await form.getByRole('button', { name: /保存修改（1 处）/ }).click();
      await eventually(() => form.getByRole('button', { name: '第 1 行采用监控时的说明', exact: true }).count()).toBe(0);

      const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: '自评表（Excel）' }).click()]);
      const file = join(SCREENSHOTS, 'self-evaluation.xlsx');
      await download.saveAs(file);
      expect(download.suggestedFilename()).toBe('怀来县卫生健康局2020年项目支出绩效自评表.xlsx');
      const bytes = readFileSync(file);
      expect(bytes.subarray(0, 2).toString()).toBe('PK');
      expect(bytes.length).toBeGreaterThan(5000);
      await signOut(page);
    },
    STEP,
  );

  it(
    'the reviewer reads the warning list by light, with the counts the API gives',
    async () => {
      await signIn(page, 'huailai-czj', server.passwords['huailai-czj']!, /\/review/);
      await page.getByRole('menuitem', { name: '预警' }).click();
      await page.waitForURL(/\/monitoring/);
      const list = await api<{ lightCounts: { green: number; yellow: number; red: number }; total: number }>(
        '/api/monitoring/projects?year=2020',
      );
      const n = list.lightCounts;
      await eventually(() => page.getByTestId('tab-all').innerText()).toBe(`全部 ${n.green + n.yellow + n.red}`);
      expect(await page.getByTestId('tab-red').innerText()).toContain(`红灯 ${n.red}`);
      expect(await page.getByTestId('tab-yellow').innerText()).toContain(`黄灯 ${n.yellow}`);
      await page.getByTestId('tab-red').click();
      await page.waitForURL(/light=red/);
      await eventually(() =>
        page.locator('.ant-table-tbody [data-light]').evaluateAll((els) => els.map((e) => e.getAttribute('data-light'))),
      ).toEqual(Array(n.red).fill('red'));
      await screenshot(page, '36-warning-list-red');
    },
    STEP,
  );

  it(
    'the bureau dashboard shows the API’s figures as tables, and a chart downloads as CSV',
    async () => {
      await page.getByRole('menuitem', { name: '数据看板' }).click();
      await page.waitForURL(/\/dashboard/);
      const me = await api<{ user: { bureauId: number } }>('/api/auth/me');
      const board = await api<{ charts: Array<{ id: string; table: { columns: string[]; rows: Array<Array<string | number>> } }> }>(
        `/api/bureaus/${me.user.bureauId}/dashboard?year=2020`,
      );
      await page.getByTestId('chart-lights').waitFor();
      await page.waitForTimeout(500);
      await screenshot(page, '37-bureau-dashboard');

      for (const id of ['groupExecution', 'lights']) {
        const card = page.getByTestId(`chart-${id}`);
        await card.getByText('以表格查看').click();
        const cells = await card
          .locator('tbody tr')
          .evaluateAll((rows) => rows.map((r) => [...r.querySelectorAll('td')].map((td) => td.textContent ?? '')));
        expect(cells).toEqual(board.charts.find((c) => c.id === id)!.table.rows.map((r) => r.map(String)));
      }
      await screenshot(page, '38-bureau-dashboard-tables');

      const lights = page.getByTestId('chart-lights');
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        lights.getByRole('button', { name: '下载表格（CSV）' }).click(),
      ]);
      const file = join(SCREENSHOTS, 'lights.csv');
      await download.saveAs(file);
      const table = board.charts.find((c) => c.id === 'lights')!.table;
      const csv = readFileSync(file, 'utf8');
      expect(csv).toBe(`\ufeff${[table.columns, ...table.rows].map((r) => r.join(',')).join('\r\n')}\r\n`);
      expect(errors).toEqual([]);
    },
    STEP,
  );
});
