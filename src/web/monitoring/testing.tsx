/**
 * Component-test support for the actuals forms: the providers they run in, a fetch that answers
 * like the API, one scripted answer per request, recording what the form sent, and what every
 * stored record of indicator row 1 carries.
 */
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { App } from 'antd';
import { useState, type ReactNode } from 'react';
import { vi } from 'vitest';
import { LocaleProvider } from '../app/locale.tsx';

/** `client`: a query client the test inspects (what a change makes the screens refetch). */
export function Providers({ children, client: given }: { children: ReactNode; client?: QueryClient }) {
  const [client] = useState(() => given ?? new QueryClient({ defaultOptions: { queries: { retry: false } } }));
  return (
    <QueryClientProvider client={client}>
      <LocaleProvider locale="zh-CN">
        <App>{children}</App>
      </LocaleProvider>
    </QueryClientProvider>
  );
}

/** The fields every stored record of row 1 of project 7 has (as the API sends them), dated 30 June 2020. */
export const storedOnRow1 = {
  projectId: 7,
  orphaned: false,
  recordedBy: '张三',
  recordedAt: '2020-07-01T00:00:00Z',
  updatedAt: '2020-07-01T00:00:00Z',
  index: 1,
  indicatorId: 70,
  indicatorDescription: '开展培训',
  date: '2020-06-30',
} as const;

export interface Sent {
  method: string;
  path: string;
  body: unknown;
  ifMatch: string | null;
}

type Answer = { status: number; body?: unknown };

/** Replaces fetch: the CSRF token is always given; every other request takes the next answer whose path matches. */
export function fakeApi(answers: Array<{ match: RegExp } & Answer>): Sent[] {
  const sent: Sent[] = [];
  const queue = [...answers];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const path = String(url);
    if (path.startsWith('/api/auth/csrf')) return new Response(JSON.stringify({ token: 't' }), { status: 200 });
    const headers = new Headers(init.headers);
    sent.push({
      method: init.method ?? 'GET',
      path,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      ifMatch: headers.get('if-match'),
    });
    const i = queue.findIndex((a) => a.match.test(`${init.method ?? 'GET'} ${path}`));
    if (i < 0) throw new Error(`unexpected ${init.method ?? 'GET'} ${path}`);
    const [answer] = queue.splice(i, 1);
    return new Response(answer!.body === undefined ? null : JSON.stringify(answer!.body), { status: answer!.status });
  });
  return sent;
}
