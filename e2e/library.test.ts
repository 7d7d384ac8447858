/**
 * The indicator library (指标库) through the browser, on a real server with the demo county: 怀来县司法局
 * applies for an entry (一级 产出指标, 二级 数量指标, its name, unit, target and field 司法) from the
 * 指标库 page, sees it 申请入库; 怀来县财政局's reviewer finds it among the applications, approves it,
 * and it shows 已入库 — and the unit's library offers it. Screenshots go to test-output/e2e/.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { eventually, signIn, signOut, START, STEP } from './support/pages.ts';
import type { RunningServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';

const NAME = '普法宣传讲座场次';

describe('the indicator library in the browser', () => {
  let server: RunningServer;
  let page: Page;
  let errors: string[];
  let session: Session;

  beforeAll(async () => {
    session = await openSession();
    ({ server, page, errors } = session);
  }, START);

  afterAll(() => session?.close());

  /** The row of the library table that names `name`. */
  const row = (name: string) => page.locator('.library-page tbody tr').filter({ hasText: name });

  it(
    'a unit applies for an entry and the bureau’s reviewer approves it',
    async () => {
      await signIn(page, 'sifaju', server.passwords['sifaju']!, /\/unit/);
      await page.getByRole('menuitem', { name: '指标库' }).click();
      await page.waitForURL(/\/library/);
      // The demo's library: the national framework entry, the county's learned ones, the unit's pending application.
      await row('服务对象满意度').first().waitFor();
      await row('12348法律援助专线接通率').getByText('申请入库').waitFor();

      await page.getByRole('button', { name: '申请入库' }).click();
      const dialog = page.locator('.ant-modal').filter({ hasText: '提交申请' });
      await dialog.getByLabel('一级指标', { exact: true }).fill('产出指标');
      await dialog.getByLabel('二级指标', { exact: true }).fill('数量指标');
      await dialog.getByLabel('三级指标', { exact: true }).fill(NAME);
      await dialog.getByLabel('度量单位', { exact: true }).fill('场');
      await dialog.getByLabel('建议指标值', { exact: true }).fill('≥12场');
      await dialog.getByLabel('行业/领域', { exact: true }).click();
      await page.keyboard.type('司法');
      await page
        .locator('.ant-select-dropdown:visible .ant-select-item-option')
        .filter({ hasText: /^司法$/ })
        .click();
      await dialog.getByRole('button', { name: '提交申请' }).click();
      await row(NAME).getByText('申请入库').waitFor();
      await screenshot(page, 'library-applied');
      await signOut(page);

      await signIn(page, 'huailai-czj', server.passwords['huailai-czj']!, /\/review/);
      // Among the applications; once approved it leaves that filter and shows 已入库 in the whole library.
      await page.goto('/library?state=proposed');
      await row(NAME)
        .getByRole('button', { name: `批准 ${NAME}` })
        .click();
      await row(NAME).waitFor({ state: 'detached' });
      await page.getByRole('menuitem', { name: '指标库' }).click();
      await row(NAME).getByText('已入库').waitFor();
      await screenshot(page, 'library-approved');

      const offered = await page.evaluate(async (n) => {
        const r = await fetch(`/api/library?state=approved&q=${encodeURIComponent(n)}`);
        return (await r.json()) as { items: Array<{ entry: { level3: string; unit: string; target: string; field: string } }> };
      }, NAME);
      expect(offered.items.map((v) => v.entry)).toEqual([
        expect.objectContaining({ level3: NAME, unit: '场', target: '≥12场', field: 'justice' }),
      ]);
      await eventually(() => errors).toEqual([]);
    },
    STEP,
  );
});
