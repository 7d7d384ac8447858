/**
 * The editor under the conditions the issue names: rows moved, added and deleted by keyboard and
 * kept after a reload; two people saving the same document (409) with nothing lost; long Chinese
 * text at 1366×768 without the layout breaking; keyboard focus visible; the English switch.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { eventually, newPage, openProjectTab, saved, signIn, START, STEP } from './support/pages.ts';
import type { RunningServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';

describe('the editor', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let editorUrl: string;

  let session: Session;

  beforeAll(async () => {
    session = await openSession();
    ({ server, browser, page } = session);
    await signIn(page, 'sifaju', server.passwords['sifaju']!, /\/unit$/);
    await page.getByRole('button', { name: '编辑' }).click();
    await page.waitForURL(/\/documents\/\d+\/edit/);
    editorUrl = new URL(page.url()).pathname;
  }, START);

  afterAll(() => session?.close());

  const descriptions = (p: Page) =>
    p.locator('td[data-col="description"] textarea').evaluateAll((els) => els.map((e) => (e as HTMLTextAreaElement).value));

  it(
    'moves, inserts and deletes indicator rows by keyboard, and keeps them after a reload',
    async () => {
      await openProjectTab(page, /普法宣传/);
      const before = await descriptions(page);
      expect(before).toHaveLength(6);
      await page.getByLabel('绩效指标描述 2', { exact: true }).focus();
      await page.keyboard.press('Alt+ArrowUp');
      await eventually(() => descriptions(page)).toEqual([before[1], before[0], ...before.slice(2)]);
      await page.keyboard.press('Control+Enter');
      await page.keyboard.type('开展法治宣传进村入户活动次数');
      await page.getByLabel('指标值 2', { exact: true }).fill('≥12次');
      await eventually(() => descriptions(page)).toEqual([before[1], '开展法治宣传进村入户活动次数', before[0], ...before.slice(2)]);
      // Delete the last row by keyboard, then take it back.
      await page.getByLabel('绩效指标描述 7', { exact: true }).focus();
      await page.keyboard.press('Control+Backspace');
      await eventually(() => descriptions(page)).toHaveLength(6);
      await page.getByRole('button', { name: '撤销' }).click();
      await eventually(() => descriptions(page)).toHaveLength(7);
      await saved(page);
      await screenshot(page, '21-editor-keyboard-rows');

      await page.reload();
      await openProjectTab(page, /普法宣传/);
      expect(await descriptions(page)).toEqual([before[1], '开展法治宣传进村入户活动次数', before[0], ...before.slice(2)]);
      expect(await page.getByLabel('指标值 2', { exact: true }).inputValue()).toBe('≥12次');
    },
    STEP,
  );

  it(
    'tells the second writer someone else saved, keeps their work, and re-applies it without losing either change',
    async () => {
      const other = await newPage(browser, server.url);
      await signIn(other.page, 'sifaju', server.passwords['sifaju']!, /\/unit$/);
      await other.page.goto(editorUrl);
      await openProjectTab(other.page, /法律援助/);
      await openProjectTab(page, /法律援助/);

      // The first writer changes the use of funds and saves.
      await page.getByLabel('资金用途', { exact: true }).fill('办理法律援助案件，购买法律援助服务。');
      await saved(page);
      // The second, still on the older version, renames the project: the save is refused (409).
      await other.page.getByLabel('项目名称', { exact: true }).fill('法律援助（2020年度）');
      const dialog = other.page.getByRole('dialog', { name: '文件已被他人修改' });
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('您的修改仍保留在本页');
      expect(await other.page.getByLabel('项目名称', { exact: true }).inputValue()).toBe('法律援助（2020年度）');
      await screenshot(other.page, '22-editor-conflict');

      await dialog.getByRole('button', { name: '载入最新版本，并重新应用我的修改' }).click();
      await dialog.waitFor({ state: 'detached' });
      await saved(other.page);
      expect(await other.page.getByLabel('资金用途', { exact: true }).inputValue()).toBe('办理法律援助案件，购买法律援助服务。');
      await other.context.close();

      // Both changes are on the server.
      await page.reload();
      await openProjectTab(page, /法律援助/);
      expect(await page.getByLabel('项目名称', { exact: true }).inputValue()).toBe('法律援助（2020年度）');
      expect(await page.getByLabel('资金用途', { exact: true }).inputValue()).toBe('办理法律援助案件，购买法律援助服务。');
    },
    STEP,
  );

  it(
    'holds long Chinese text at 1366×768 without breaking the layout',
    async () => {
      await openProjectTab(page, /法律援助/);
      const longName =
        '关于提前下达2020年中央政法纪检监察转移支付资金用于基层司法所规范化建设及人民调解、社区矫正、法律援助、公共法律服务体系建设的专项补助项目'.repeat(
          2,
        );
      const longUse =
        '用于基层司法所办公设施更新、人民调解员培训、社区矫正对象定位监管、法律援助案件补贴及“12348”公共法律服务热线运行维护等支出，'.repeat(
          12,
        );
      await page.getByLabel('项目名称', { exact: true }).fill(longName);
      await page.getByLabel('资金用途', { exact: true }).fill(longUse);
      await page
        .getByLabel('绩效指标描述 1', { exact: true })
        .fill('办理法律援助案件结案率（含刑事、民事、行政案件及值班律师提供法律帮助的案件，不含咨询）'.repeat(2));
      await saved(page);
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      // The part's tab is cut with an ellipsis, not widened past the page.
      const tab = page.locator('.part-nav').getByRole('tab', { selected: true });
      expect((await tab.boundingBox())!.width).toBeLessThanOrEqual(262);
      await screenshot(page, '23-editor-long-text-1366');
    },
    STEP,
  );

  it(
    'keeps numbers in half-width and counts a text against what its cell holds, saying why an over-long one is not saved',
    async () => {
      await openProjectTab(page, /普法宣传/);
      const target = page.getByLabel('指标值 3', { exact: true });
      await target.fill('≥９５％');
      await page.getByLabel('指标值确定依据 3', { exact: true }).focus();
      await eventually(() => target.inputValue()).toBe('≥95%');
      const description = page.getByLabel('绩效指标描述 3', { exact: true });
      await description.fill('群众满意度达到９５％，');
      await target.focus();
      await eventually(() => description.inputValue()).toBe('群众满意度达到95%，');
      await saved(page);

      // 500 characters fit; the count shows from 400 on; one more is refused with the reason, and nothing is cut off.
      const cell = page.locator('td[data-col="description"]').nth(2);
      await description.fill('长'.repeat(450));
      await eventually(() => cell.innerText()).toContain('450 / 500');
      await saved(page);
      await description.fill('长'.repeat(501));
      await page.locator('[data-testid="save-state"][data-state="failed"]').getByText('“绩效指标描述”最多 500 个字').waitFor();
      expect(await description.inputValue()).toHaveLength(501);
      await screenshot(page, '26-editor-text-limit');
      await description.fill('群众满意度达到95%，');
      await saved(page);

      await page.reload();
      await openProjectTab(page, /普法宣传/);
      expect(await page.getByLabel('指标值 3', { exact: true }).inputValue()).toBe('≥95%');
      expect(await page.getByLabel('绩效指标描述 3', { exact: true }).inputValue()).toBe('群众满意度达到95%，');
    },
    STEP,
  );

  it(
    'is keyboard reachable with a visible focus ring',
    async () => {
      await page.goto('/unit');
      await page.getByRole('heading', { name: '本单位预算绩效目标' }).waitFor();
      await page.keyboard.press('Tab');
      const skip = page.getByRole('link', { name: '跳到正文' });
      expect(await skip.evaluate((e) => e === document.activeElement)).toBe(true);
      expect((await skip.boundingBox())!.y).toBeGreaterThanOrEqual(0);
      // Tab on to the first control of the page and check its outline is drawn.
      for (let i = 0; i < 6; i++) await page.keyboard.press('Tab');
      const outline = await page.evaluate(() => {
        const e = document.activeElement as HTMLElement;
        const s = getComputedStyle(e);
        return { tag: e.tagName, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
      });
      expect(outline.style).toBe('solid');
      expect(outline.width).toBeGreaterThanOrEqual(2);
      await screenshot(page, '24-keyboard-focus');
    },
    STEP,
  );

  it(
    'refuses to import a file that is not a targets document, saying why, and writes nothing',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jixiao-e2e-import-'));
      const file = join(dir, '会议纪要.txt');
      writeFileSync(file, '关于召开2020年度工作会议的通知\n各股室：\n定于下周一上午九时召开全体会议。\n');
      await page.goto('/import');
      await page.locator('input[type="file"]').setInputFiles(file);
      const alert = page.getByRole('alert');
      await alert.waitFor();
      expect(await alert.innerText()).toContain('文件无法读取');
      expect(await page.getByTestId('import-preview').count()).toBe(0);
      await screenshot(page, '26-import-refused');
      rmSync(dir, { recursive: true, force: true });
    },
    STEP,
  );

  it(
    'switches to English and back',
    async () => {
      await page.goto('/unit');
      await page.getByText('English', { exact: true }).click();
      await page.getByRole('heading', { name: 'Our budget performance targets' }).waitFor();
      expect(await page.getByRole('link', { name: 'Our targets' }).count()).toBe(1);
      await screenshot(page, '25-english');
      await page.getByText('中文', { exact: true }).click();
      await page.getByRole('heading', { name: '本单位预算绩效目标' }).waitFor();
    },
    STEP,
  );
});
