/**
 * When a browser test fails, what each open page showed and what the server answered: a timeout
 * alone ("waiting for …") does not say whether the app refused, showed an error or was still busy.
 * The report goes to the test's output (CI keeps it) with a screenshot in test-output/e2e/.
 * Registered for every browser test file by vitest.config.ts.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach } from 'vitest';
import { SCREENSHOTS } from './browser.ts';
import { openPages } from './pages.ts';

/** What a person would read as the app's answer: messages, dialogs, alerts, notifications. */
const SPOKEN = '.ant-message-notice, [role="dialog"], .ant-alert, .ant-notification-notice, .ant-result, .ant-popover';

beforeEach(({ onTestFailed, task }) => {
  onTestFailed(async () => {
    mkdirSync(SCREENSHOTS, { recursive: true });
    const name = task.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60);
    for (const [i, watched] of openPages.entries()) {
      const { page } = watched;
      if (page.isClosed()) continue;
      const lines = [`第 ${i + 1} 个页面 ${page.url()}`];
      try {
        const shown = await page.locator(SPOKEN).filter({ visible: true }).allInnerTexts();
        lines.push(...shown.map((t) => `  显示：${t.replace(/\s+/g, ' ').slice(0, 300)}`));
        const file = join(SCREENSHOTS, `failed-${name}-${i + 1}.png`);
        await page.screenshot({ path: file, fullPage: true, timeout: 10_000 });
        lines.push(`  截图：${file}`);
      } catch (e) {
        lines.push(`  (页面读不出：${e instanceof Error ? e.message.split('\n')[0] : String(e)})`);
      }
      lines.push(...watched.responses.map((r) => `  ${r}`));
      console.error(lines.join('\n'));
    }
  });
});
