/**
 * The API as the signed-in page calls it (its session cookie, a CSRF token, If-Match), for the steps
 * a test sets up rather than shows: what the browser part of the test then reads is made the way the
 * UI itself would make it.
 */
import type { Page } from 'playwright-core';

export interface Sent {
  body?: unknown;
  /** A file's text, sent as the raw bytes of an upload (`fileName` names it). */
  file?: { text: string; fileName: string };
  /** The version the write is based on (If-Match). */
  version?: number;
}

/** Calls the API from the page; a refusal throws with the server's status and message. */
export async function call<T>(page: Page, method: string, path: string, sent: Sent = {}): Promise<T> {
  const answer = await page.evaluate(
    async ({ method, path, sent }) => {
      const headers: Record<string, string> = { accept: 'application/json' };
      if (method !== 'GET') {
        const csrf = (await (await fetch('/api/auth/csrf')).json()) as { token: string };
        headers['x-csrf-token'] = csrf.token;
      }
      if (sent.version !== undefined) headers['if-match'] = `"${sent.version}"`;
      let body: BodyInit | undefined;
      let url = path;
      if (sent.file) {
        body = new TextEncoder().encode(sent.file.text);
        headers['content-type'] = 'application/octet-stream';
        url += `${path.includes('?') ? '&' : '?'}fileName=${encodeURIComponent(sent.file.fileName)}`;
      } else if (sent.body !== undefined) {
        body = JSON.stringify(sent.body);
        headers['content-type'] = 'application/json';
      }
      const response = await fetch(url, { method, headers, body });
      return { status: response.status, text: await response.text() };
    },
    { method, path, sent },
  );
  if (answer.status >= 400) throw new Error(`${method} ${path} → ${answer.status}: ${answer.text}`);
  return (answer.text === '' ? undefined : JSON.parse(answer.text)) as T;
}
