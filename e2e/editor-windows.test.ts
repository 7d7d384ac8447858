/**
 * The editor when a person works fast or in two windows (issue 11): two windows saving different rows
 * of one project both keep their change; input typed while a project tab switches never lands in
 * another project than the address names; 定位 opens, scrolls to and focuses a field of another
 * project; the keyboard help stays open after a click; 三级指标 stays readable at 1024 px.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StoredDocument } from '../src/web/api/types.ts';
import { screenshot } from './support/browser.ts';
import { eventually, newPage, openProjectTab, saved, signIn, START, STEP } from './support/pages.ts';
import type { RunningServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';

/** The document as the server holds it, read through the page's own session. */
const stored = (page: Page, id: number) =>
  page.evaluate((id) => fetch(`/api/documents/${id}`).then((r) => r.json() as Promise<StoredDocument>), id);

const projectNamed = (doc: StoredDocument, name: string) => doc.projects.find((p) => p.name === name)!;

/** Clicks a project's tab inside the page and times it until that project's form is on screen. */
const timedSwitch = (page: Page, name: string) =>
  page.evaluate(
    (name) =>
      new Promise<number>((resolve) => {
        const tab = [...document.querySelectorAll<HTMLElement>('.part-nav [role="tab"]')].find((t) => t.title.endsWith(`、${name}`))!;
        const started = performance.now();
        tab.click();
        const shown = () => {
          if (document.querySelector('.official-form')?.textContent?.includes(`${name}绩效目标表`)) resolve(performance.now() - started);
          else requestAnimationFrame(shown);
        };
        shown();
      }),
    name,
  );

describe('the editor under two windows and quick hands', () => {
  let server: RunningServer;
  let page: Page;
  let session: Session;
  let editorUrl: string;
  let documentId: number;

  beforeAll(async () => {
    session = await openSession();
    ({ server, page } = session);
    await signIn(page, 'sifaju', server.passwords['sifaju']!, /\/unit$/);
    await page.getByRole('button', { name: '编辑' }).click();
    await page.waitForURL(/\/documents\/\d+\/edit/);
    editorUrl = new URL(page.url()).pathname;
    documentId = Number(/\/documents\/(\d+)\//.exec(editorUrl)![1]);
  }, START);

  afterAll(() => session?.close());

  it(
    'keeps the row another window saved when re-applying mine, and lets me settle a field both changed',
    async () => {
      const other = await newPage(session.browser, server.url);
      await signIn(other.page, 'sifaju', server.passwords['sifaju']!, /\/unit$/);
      await other.page.goto(`${editorUrl}?tab=${await page.evaluate(() => new URLSearchParams(location.search).get('tab') ?? '')}`);
      await openProjectTab(other.page, /普法宣传/);
      await openProjectTab(page, /普法宣传/);

      // Window A saves row 4 and row 6.
      await page.getByLabel('指标值 4', { exact: true }).fill('≥40次');
      await page.getByLabel('绩效指标描述 6', { exact: true }).fill('窗口甲的描述');
      await saved(page);
      // Window B, still on the older version, changes row 5 and row 6: its save is refused.
      await other.page.getByLabel('指标值 5', { exact: true }).fill('≥50次');
      await other.page.getByLabel('绩效指标描述 6', { exact: true }).fill('窗口乙的描述');
      const dialog = other.page.getByRole('dialog', { name: '文件已被他人修改' });
      await dialog.waitFor();
      const parts = dialog.getByTestId('conflict-parts');
      await parts.waitFor();
      const text = await dialog.innerText();
      expect(text).toContain('你在另一个窗口');
      expect(text).toContain('第5行 指标值');
      const field = dialog.getByRole('group', { name: '第6行 绩效指标描述' });
      expect(await field.innerText()).toContain('保留我的：窗口乙的描述');
      await screenshot(other.page, '27-editor-conflict-fields');
      await field.getByText('采用对方的：窗口甲的描述').click();

      await dialog.getByRole('button', { name: '载入最新版本，并重新应用我的修改' }).click();
      await dialog.waitFor({ state: 'detached' });
      await saved(other.page);
      await other.context.close();

      const rows = projectNamed(await stored(page, documentId), '普法宣传').indicators;
      expect(rows[3]!.target).toBe('≥40次');
      expect(rows[4]!.target).toBe('≥50次');
      expect(rows[5]!.description).toBe('窗口甲的描述');
      await page.reload();
      await openProjectTab(page, /普法宣传/);
      expect(await page.getByLabel('指标值 4', { exact: true }).inputValue()).toBe('≥40次');
    },
    STEP,
  );

  it(
    'never puts input typed while a project tab opens into another project than the address names',
    async () => {
      await openProjectTab(page, /法律援助/);
      const times: number[] = [];
      for (const name of ['普法宣传', '社区矫正', '法律援助', '普法宣传', '社区矫正', '法律援助'])
        times.push(Math.round(await timedSwitch(page, name)));
      console.log(`project tab switch (ms, first visits then warm): ${times.join(', ')}`);

      await openProjectTab(page, /普法宣传/);
      const marker = '切换时输入';
      // Click the next project's tab and, in the very next frame, type into "row 4" of whatever form is on
      // screen, noting which project the address names at that moment.
      const tab = await page.evaluate((marker) => {
        const next = [...document.querySelectorAll<HTMLElement>('.part-nav [role="tab"]')].find((t) => t.title.endsWith('、社区矫正'))!;
        next.click();
        return new Promise<string | null>((resolve) =>
          requestAnimationFrame(() => {
            const field = document.querySelector<HTMLTextAreaElement>('textarea[aria-label="绩效指标描述 4"]')!;
            field.focus();
            Object.getOwnPropertyDescriptor(HTMLTextAreaElement.prototype, 'value')!.set!.call(field, field.value + marker);
            field.dispatchEvent(new Event('input', { bubbles: true }));
            resolve(new URLSearchParams(location.search).get('tab'));
          }),
        );
      }, marker);
      await page.locator('[data-testid="save-state"]:not([data-state="saved"])').waitFor();
      await saved(page);

      const doc = await stored(page, documentId);
      const holding = doc.projects.filter((p) => p.indicators.some((r) => r.description.includes(marker))).map((p) => `p${p.id}`);
      expect(tab).toBe(`p${projectNamed(doc, '社区矫正').id}`);
      expect(holding).toEqual([tab]);
      expect(new URL(page.url()).searchParams.get('tab')).toBe(tab);
    },
    STEP,
  );

  it(
    '定位 on a finding of another project opens it, scrolls to the field and focuses it',
    async () => {
      await openProjectTab(page, /、社区矫正/);
      const rows = await page.locator('td[data-col="target"]').count();
      const target = `视情况而定${rows}`;
      await page.getByLabel(`指标值 ${rows}`, { exact: true }).fill(target);
      await saved(page);
      await page
        .locator('.part-nav')
        .getByRole('tab', { name: /部门整体/ })
        .click();
      await page.locator('.findings-panel').getByText(/^全文/).click();
      const entry = page.locator('.findings-entry').filter({ hasText: target });
      await entry.getByRole('button', { name: '定位' }).click();

      await page
        .locator('.part-nav')
        .getByRole('tab', { name: /、社区矫正/, selected: true })
        .waitFor();
      const field = page.getByLabel(`指标值 ${rows}`, { exact: true });
      await eventually(() => field.evaluate((e) => e === document.activeElement)).toBe(true);
      await eventually(async () => {
        const box = (await field.boundingBox())!;
        return box.y >= 0 && box.y + box.height <= page.viewportSize()!.height;
      }).toBe(true);
    },
    STEP,
  );

  it(
    'keeps the keyboard help open after a mouse click',
    async () => {
      await page.getByRole('button', { name: '键盘操作' }).click();
      const help = page.locator('.ant-popover').filter({ hasText: 'Ctrl + Enter' });
      await help.waitFor();
      // Once the popover's opening (or closing) motion is over, it is still there.
      await eventually(() => help.evaluate((e) => /-(enter|leave|appear)\b/.test(e.className))).toBe(false);
      expect(await help.isVisible()).toBe(true);
      await page.getByRole('button', { name: '键盘操作' }).click();
      await help.waitFor({ state: 'hidden' });
    },
    STEP,
  );

  it(
    'gives 三级指标 room for its heading at 1024 px',
    async () => {
      await page.setViewportSize({ width: 1024, height: 768 });
      await openProjectTab(page, /普法宣传/);
      const heading = page.locator('.form-editing th', { hasText: '三级指标' });
      const width = (await heading.boundingBox())!.width;
      const fontSize = await heading.evaluate((e) => parseFloat(getComputedStyle(e).fontSize));
      expect(width).toBeGreaterThanOrEqual(4 * fontSize);
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
      await screenshot(page, '28-editor-1024');
    },
    STEP,
  );
});
