/**
 * Who signs in: the demo's reviewer and unit (their one-time passwords replaced at first sign-in,
 * ./pages.ts), and unit accounts the admin makes for the demo's other units — set up through the
 * API, the admin page's own flow being the monitoring test's.
 */
import type { Page } from 'playwright-core';
import { call } from './api.ts';
import { signIn, signOut } from './pages.ts';
import type { RunningServer } from './server.ts';

/** Signs in as the county's reviewer (怀来县财政局审核员). */
export const signInReviewer = (page: Page, server: RunningServer) =>
  signIn(page, 'huailai-czj', server.passwords['huailai-czj']!, /\/review/);

/** Signs in as 怀来县司法局's staff (the demo's unit account). */
export const signInDemoUnit = (page: Page, server: RunningServer) => signIn(page, 'sifaju', server.passwords['sifaju']!, /\/unit$/);

/** The admin makes an account for the demo unit with this code; its one-time password. */
export async function unitAccount(
  page: Page,
  server: RunningServer,
  unitCode: string,
  username: string,
  displayName: string,
): Promise<string> {
  await signIn(page, 'admin', server.passwords['admin']!, /\/admin/);
  const units = await call<{ items: Array<{ id: number; code: string }> }>(page, 'GET', `/api/admin/units?q=${unitCode}`);
  const unit = units.items.find((u) => u.code === unitCode)!;
  const { password } = await call<{ password: string }>(page, 'POST', '/api/admin/users', {
    body: { username, displayName, role: 'unit', unitId: unit.id },
  });
  await signOut(page);
  return password;
}
