// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Sent } from '../monitoring/testing.tsx';
import { REVIEWER, renderAt, unitUser } from '../app/page.testing.tsx';
import type { NoticeDocument, NoticeView } from './notice-api.ts';
import NoticePage from './NoticePage.tsx';

const notice = (extra: Partial<NoticeView> = {}): NoticeView => ({
  id: 5,
  version: 3,
  bureauId: 3,
  bureauName: '怀来县财政局',
  year: 2020,
  number: '怀财绩〔2020〕3号',
  title: '关于批复2020年度项目支出绩效目标的通知',
  date: '2020-03-10',
  body: '现予批复。',
  state: 'draft',
  withdrawnReason: null,
  issuedAt: null,
  issuedByName: null,
  withdrawnAt: null,
  createdAt: '2020-03-01T00:00:00Z',
  updatedAt: '2020-03-01T00:00:00Z',
  documentCount: 1,
  ...extra,
});

const doc = (documentId: number, unitName: string): NoticeDocument => ({
  documentId,
  version: 4,
  currentVersion: 4,
  status: 'approved',
  unitId: documentId + 100,
  unitCode: `31500${documentId}`,
  unitName,
  bureauId: 3,
  year: 2020,
  projectCount: 3,
  budgetTotal: '125.5',
});

function api(user: object, view: NoticeView, covered: NoticeDocument[], candidates: NoticeDocument[]): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const u = new URL(String(url), 'http://localhost');
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (u.pathname === '/api/auth/csrf') return json({ token: 't' });
    if (u.pathname === '/api/auth/session') return json({ user });
    const method = init.method ?? 'GET';
    if (method === 'GET' && u.pathname === '/api/notices/5') return json(view);
    const page = (items: NoticeDocument[]) => json({ items, nextCursor: null, total: { value: items.length, exact: true } });
    if (method === 'GET' && u.pathname === '/api/notices/5/documents') return page(covered);
    if (method === 'GET' && u.pathname === '/api/notices/5/candidates') return page(candidates);
    sent.push({
      method,
      path: u.pathname,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      ifMatch: new Headers(init.headers).get('if-match'),
    });
    return json({ ...view, version: view.version + 1 });
  });
  return sent;
}

const UNIT = unitUser(105, 'nongye');

const renderPage = () => renderAt('/notices/5', '/notices/:id', <NoticePage />);

describe('the approval notice page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lets a reviewer add approved targets from the picker and issue the draft, naming its version', async () => {
    const sent = api(REVIEWER, notice(), [doc(3, '怀来县教育局')], [doc(5, '怀来县农业农村局'), doc(6, '怀来县水务局')]);
    renderPage();
    expect(await screen.findByText('315003 怀来县教育局')).toBeTruthy();
    expect(screen.getByTestId('notice-state').textContent).toBe('草稿');

    await userEvent.click(screen.getByRole('button', { name: /加入绩效目标/ }));
    const dialog = await screen.findByRole('dialog');
    const row = (await within(dialog).findByText('315005 怀来县农业农村局')).closest('tr')!;
    await userEvent.click(within(row).getByRole('checkbox'));
    await userEvent.click(within(dialog).getByRole('button', { name: /^加\s*入$/ }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ method: 'POST', path: '/api/notices/5/documents', body: { documentIds: [5] }, ifMatch: '"3"' });

    await userEvent.click(screen.getByRole('button', { name: /^印\s*发$/ }));
    await userEvent.click(await screen.findByRole('button', { name: /^(确\s*定|OK)$/ }));
    await waitFor(() => expect(sent).toHaveLength(2));
    expect(sent[1]).toMatchObject({ method: 'POST', path: '/api/notices/5/issue', ifMatch: '"3"' });
  });

  it('shows a unit its issued notice with the 批复表 to download and nothing to change', async () => {
    api(UNIT, notice({ state: 'issued', issuedAt: '2020-03-10T02:00:00Z', issuedByName: '审核员' }), [doc(5, '怀来县农业农村局')], []);
    renderPage();
    expect(await screen.findByText('315005 怀来县农业农村局')).toBeTruthy();
    expect(screen.getByTestId('notice-state').textContent).toBe('已印发');
    expect(screen.getByTestId('form-download-5-docx').getAttribute('href')).toBe('/api/notices/5/documents/5/export?format=docx');
    expect(screen.getByTestId('notice-download-pdf').getAttribute('href')).toBe('/api/notices/5/export?format=pdf');
    for (const name of [/印/, /撤回/, /加入绩效目标/, /删除草稿/, /移除/]) expect(screen.queryByRole('button', { name })).toBeNull();
  });
});
