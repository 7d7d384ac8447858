/**
 * What every end-to-end file starts from: the built UI served by a real server on a fresh demo
 * database, Debian's Chromium, and one page open on the server.
 */
import type { Browser, Page } from 'playwright-core';
import { ensureWebBuild } from '../../scripts/web-build.ts';
import { launchBrowser } from './browser.ts';
import { newPage } from './pages.ts';
import { startServer, type RunningServer } from './server.ts';

export interface Session {
  server: RunningServer;
  browser: Browser;
  page: Page;
  /** Errors the page logged or threw. */
  errors: string[];
  close(): Promise<void>;
}

export async function openSession(): Promise<Session> {
  ensureWebBuild();
  const [server, browser] = await Promise.allSettled([startServer(), launchBrowser()]);
  // One of them failing must not leave the other running.
  if (server.status === 'rejected' || browser.status === 'rejected') {
    if (server.status === 'fulfilled') await server.value.stop();
    if (browser.status === 'fulfilled') await browser.value.close();
    throw server.status === 'rejected' ? server.reason : (browser as PromiseRejectedResult).reason;
  }
  const { page, errors } = await newPage(browser.value, server.value.url);
  return {
    server: server.value,
    browser: browser.value,
    page,
    errors,
    close: async () => {
      await browser.value.close();
      await server.value.stop();
    },
  };
}
