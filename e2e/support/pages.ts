/** Steps the end-to-end tests take the way a person does: through labels and buttons they can see. */
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { expect } from 'vitest';

/**
 * How long any one signal of the app (an element, an address, a response, a state) may take to come.
 * On a quiet machine everything comes within a second or two; CI machines are shared, and a busy
 * one (load 10 on two cores) has been seen to take tens of seconds. The waits are for the app's own
 * signals, so a long limit costs nothing when the app is quick and only bounds a real hang.
 */
export const PATIENCE = 120_000;
/** A step of a browser test: many waits, each within PATIENCE. */
export const STEP = 8 * PATIENCE;
/** Starting a server and a browser. */
export const START = 4 * PATIENCE;

export const eventually = <T>(fn: () => Promise<T> | T) => expect.poll(fn, { timeout: PATIENCE, interval: 100 });

export const VIEWPORT = { width: 1366, height: 768 };

/** A page a test opened, with the API's latest answers to it, for the failure report (./on-failure.ts). */
export interface WatchedPage {
  page: Page;
  /** The last API answers, oldest first: method, path, status and time; with the body when refused. */
  responses: string[];
}
export const openPages: WatchedPage[] = [];
const KEPT_RESPONSES = 25;

export async function newPage(browser: Browser, baseURL: string): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  // Reduced motion, which the app honours: a dialog zooming in can move its button from under a click.
  const context = await browser.newContext({ baseURL, viewport: VIEWPORT, locale: 'zh-CN', reducedMotion: 'reduce' });
  const page = await context.newPage();
  const errors: string[] = [];
  page.setDefaultTimeout(PATIENCE);
  page.setDefaultNavigationTimeout(PATIENCE);
  page.on('pageerror', (e) => errors.push(e.message));
  const watched: WatchedPage = { page, responses: [] };
  openPages.push(watched);
  const keep = (line: string) => {
    watched.responses.push(line);
    if (watched.responses.length > KEPT_RESPONSES) watched.responses.shift();
  };
  const api = (url: string) => {
    const { pathname, search } = new URL(url);
    return pathname.startsWith('/api/') ? pathname + search : null;
  };
  page.on('response', async (r) => {
    const path = api(r.url());
    if (path === null) return;
    const request = r.request();
    const refused = r.status() >= 400 ? ` ${await r.text().catch(() => '')}`.slice(0, 400) : '';
    keep(`${request.method()} ${path} → ${r.status()} (${Math.round(request.timing().responseStart)} ms)${refused}`);
  });
  page.on('requestfailed', (request) => {
    const path = api(request.url());
    if (path !== null) keep(`${request.method()} ${path} → ${request.failure()?.errorText ?? 'failed'}`);
  });
  return { context, page, errors };
}

/** The passwords set in place of the demo's one-time passwords, by the one-time password. */
const replaced = new Map<string, string>();
export const replacementOf = (oneTime: string) => `${oneTime}-mine`;

/**
 * Signs in as a person does: the demo's one-time password is replaced on the page that asks for
 * it at first sign-in, and later sign-ins given the one-time password use the replacement.
 */
export async function signIn(page: Page, username: string, password: string, landing: RegExp): Promise<void> {
  await page.goto('/login');
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码', { exact: true }).fill(replaced.get(password) ?? password);
  await page.locator('form').getByRole('button', { name: '登录' }).click();
  await page.waitForURL((url) => landing.test(url.pathname + url.search) || url.pathname === '/account/password');
  if (new URL(page.url()).pathname === '/account/password') {
    await changePassword(page, password, replacementOf(password));
    replaced.set(password, replacementOf(password));
    await page.waitForURL(landing);
  }
}

/** Fills in and sends the 修改密码 form that is open. */
export async function changePassword(page: Page, current: string, next: string): Promise<void> {
  await page.getByLabel('原密码').fill(current);
  await page.getByLabel('新密码', { exact: true }).fill(next);
  await page.getByLabel('再次输入新密码').fill(next);
  await page.locator('form').getByRole('button', { name: '修改密码' }).click();
}

export async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: '退出登录' }).click();
  await page.waitForURL(/\/login$/);
}

/** Picks an option of an antd Select found by its label within `scope` (typing narrows the list first). */
export async function choose(page: Page, scope: Page | Locator, label: string, typed: string, option: RegExp): Promise<void> {
  const field = scope.getByLabel(label, { exact: true });
  await field.click();
  if (typed) {
    await page.keyboard.type(typed);
    // A list searched on the server is replaced as each key's answer comes: pick from the last one.
    const select = field.locator('xpath=ancestor::*[contains(concat(" ", @class, " "), " ant-select ")][1]');
    await eventually(async () => (await select.getAttribute('class'))?.split(' ').includes('ant-select-loading')).toBe(false);
  }
  await page.locator('.ant-select-dropdown:visible .ant-select-item-option').filter({ hasText: option }).first().click();
}

/** Waits until autosave says everything is on the server. */
export async function saved(page: Page): Promise<void> {
  await page.locator('[data-testid="save-state"][data-state="saved"]').waitFor({ timeout: PATIENCE });
}

/** A button by its text; antd spaces out a two-character label (通 过), so any spacing between characters matches. */
export const button = (scope: Page | Locator, name: string): Locator =>
  scope.getByRole('button', { name: new RegExp(`^${[...name].join('\\s*')}$`) });

/** Answers the open confirmation dialog with its OK button. */
export async function confirm(page: Page): Promise<void> {
  const dialog = page
    .locator('.ant-modal-confirm, .ant-modal')
    .filter({ has: page.getByRole('button', { name: '确定' }) })
    .last();
  await dialog.getByRole('button', { name: '确定' }).click();
}

/** The error/warning/info counts the findings panel shows for the whole document. */
export async function findingCounts(page: Page): Promise<{ error: number; warning: number; info: number }> {
  const text = await page.getByTestId('finding-counts').first().innerText();
  const n = (label: string) => Number(new RegExp(`${label}\\s*(\\d+)`).exec(text)?.[1] ?? NaN);
  return { error: n('错误'), warning: n('警告'), info: n('提示') };
}

/** Opens a part of the document (editor or review page) and waits for its form. */
export async function openProjectTab(page: Page, name: RegExp): Promise<void> {
  const nav = page.locator('.part-nav');
  await nav.getByRole('tab', { name }).click();
  await nav.getByRole('tab', { name, selected: true }).waitFor();
  await page.locator('.official-form').first().waitFor();
}
