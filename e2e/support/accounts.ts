/** Accounts the end-to-end tests add to the demo county, made the way an administrator makes them: on the admin page. */
import type { Page } from 'playwright-core';
import { choose, signIn, signOut } from './pages.ts';
import type { RunningServer } from './server.ts';

export type NewAccount = { username: string; displayName: string } & ({ unit: { code: string; name: string } } | { reviewerOf: string });

/** Signs in as the demo's admin, makes the account and signs out; returns its one-time password. */
export async function makeAccount(page: Page, server: RunningServer, account: NewAccount): Promise<string> {
  await signIn(page, 'admin', server.passwords['admin']!, /\/admin/);
  await page.getByRole('button', { name: '新建用户' }).click();
  const dialog = page.locator('.ant-modal').filter({ hasText: '新建用户' });
  await dialog.getByLabel('用户名', { exact: true }).fill(account.username);
  await dialog.getByLabel('姓名或称呼', { exact: true }).fill(account.displayName);
  if ('unit' in account) {
    await choose(page, dialog, '单位', account.unit.code, new RegExp(account.unit.name));
  } else {
    await choose(page, dialog, '角色', '', /^财政审核$/);
    await choose(page, dialog, '财政部门', '', new RegExp(account.reviewerOf));
  }
  await dialog.getByRole('button', { name: '建立' }).click();
  const shown = page.getByTestId('new-password');
  await shown.waitFor();
  const password = (await shown.innerText()).trim();
  await page.getByRole('button', { name: '已记下，关闭' }).click();
  await signOut(page);
  return password;
}
