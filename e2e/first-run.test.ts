/**
 * A newcomer's first minutes on a fresh server: the public portal already has a published
 * document and logs no errors while nobody is signed in; the demo's one-time password must be
 * replaced before anything else; anyone can change a password from the header; a locked-out name
 * is told how long to wait; and the editor's cold load moves well under a megabyte.
 */
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { screenshot } from './support/browser.ts';
import { changePassword, newPage, replacementOf, signIn, signOut, START, STEP } from './support/pages.ts';
import type { RunningServer } from './support/server.ts';
import { openSession, type Session } from './support/session.ts';

describe('the first run in the browser', () => {
  let server: RunningServer;
  let page: Page;
  let session: Session;
  const consoleErrors: string[] = [];

  beforeAll(async () => {
    session = await openSession();
    ({ server, page } = session);
    page.on('console', (message) => {
      if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
    });
  }, START);

  afterAll(() => session?.close());

  async function typeSignIn(username: string, password: string) {
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码', { exact: true }).fill(password);
    await page.locator('form').getByRole('button', { name: '登录' }).click();
  }

  it(
    'shows a visitor a published document, with nothing logged as an error',
    async () => {
      await page.goto('/public');
      await page
        .getByRole('link', { name: /怀来县卫生健康局/ })
        .first()
        .waitFor();
      await page.goto('/login');
      await page.getByLabel('用户名').waitFor();
      await screenshot(page, 'first-run-01-public');
      expect(consoleErrors).toEqual([]);
    },
    STEP,
  );

  it(
    'holds a one-time password to the password page until it is replaced',
    async () => {
      const oneTime = server.passwords['sifaju']!;
      await typeSignIn('sifaju', oneTime);
      await page.waitForURL(/\/account\/password$/);
      await page.getByText('一次性密码').waitFor();
      await screenshot(page, 'first-run-02-one-time-password');
      // Nothing else opens meanwhile, typed address or menu.
      await page.goto('/unit');
      await page.waitForURL(/\/account\/password$/);

      await changePassword(page, oneTime, 'short');
      await page.getByText('新密码至少 10 个字符').waitFor();
      await changePassword(page, oneTime, oneTime);
      await page.getByRole('alert').getByText('新密码不能与原密码相同').waitFor();
      await changePassword(page, oneTime, replacementOf(oneTime));
      await page.waitForURL(/\/unit$/);
      await page.getByTestId('budget-total').waitFor();

      await signOut(page);
      await typeSignIn('sifaju', oneTime);
      await page.getByRole('alert').getByText('用户名或密码错误').waitFor();
      await typeSignIn('sifaju', replacementOf(oneTime));
      await page.waitForURL(/\/unit$/);
    },
    STEP,
  );

  it(
    'lets a signed-in user change the password from the header',
    async () => {
      const current = replacementOf(server.passwords['sifaju']!);
      await page.getByRole('button', { name: '修改密码' }).click();
      await page.waitForURL(/\/account\/password$/);
      await changePassword(page, current, 'sifaju-third-password');
      await page.getByRole('status').getByText('密码已修改').waitFor();
      await signOut(page);
      await typeSignIn('sifaju', 'sifaju-third-password');
      await page.waitForURL(/\/unit$/);
      await signOut(page);
    },
    STEP,
  );

  it(
    'loads the editor cold in well under a megabyte',
    async () => {
      // A fresh browser context (newPage makes one): nothing cached, as on a first visit.
      const { context, page: cold } = await newPage(session.browser, server.url);
      const sizes: Array<Promise<number>> = [];
      cold.on('requestfinished', (request) => sizes.push(request.sizes().then((s) => s.responseBodySize + s.responseHeadersSize)));
      await signIn(cold, 'sifaju', 'sifaju-third-password', /\/unit$/);
      await cold.getByRole('button', { name: '编辑' }).click();
      await cold.waitForURL(/\/documents\/\d+\/edit/);
      await cold.getByRole('tab', { name: '部门整体绩效目标' }).waitFor();
      await cold.waitForLoadState('networkidle');
      const bytes = (await Promise.all(sizes)).reduce((a, b) => a + b, 0);
      console.log(`cold load of sign-in, the unit's home and the editor: ${(bytes / 1024).toFixed(0)} KiB over the wire`);
      expect(bytes).toBeLessThan(1024 * 1024);
      await context.close();
    },
    STEP,
  );

  it(
    'tells a locked-out name how long to wait',
    async () => {
      await page.goto('/login');
      for (let i = 0; i < 10; i++) {
        await typeSignIn('admin', `wrong-password-${i}`);
        await page.getByRole('alert').getByText('用户名或密码错误').waitFor();
      }
      await typeSignIn('admin', 'wrong-password-10');
      await page
        .getByRole('alert')
        .getByText(/请 1[45] 分钟后再试/)
        .waitFor();
      await screenshot(page, 'first-run-03-locked-out');
    },
    STEP,
  );
});
