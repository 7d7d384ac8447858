// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import WarningListPage from './WarningListPage.tsx';
import { Providers } from './testing.tsx';

/** A warning-list row as the API sends it. */
const item = (projectId: number, projectName: string) => ({
  projectId,
  documentId: 1,
  unitId: 1,
  unitCode: '315',
  unitName: '怀来县司法局',
  projectCode: `315-${projectId}`,
  projectName,
  light: 'red',
  executionLight: 'red',
  budget: '10.00',
  spent: '1.00',
  rate: '10.00',
  planned: '50',
  shortfall: '40.00',
  flaggedIndicators: 0,
  missingExplanations: 0,
  unreportedIndicators: 0,
  since: '2020-06-30',
});

/** The API: two pages of red projects, the second reached by the first's cursor. */
function api(): string[] {
  const asked: string[] = [];
  vi.stubGlobal('fetch', async (url: string) => {
    const u = new URL(String(url), 'http://localhost');
    const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'content-type': 'application/json' } });
    if (u.pathname === '/api/auth/session') return json({ user: { id: 1, username: 'admin', role: 'admin', displayName: '管理员' } });
    if (u.pathname === '/api/bureaus') return json({ items: [] });
    if (u.pathname === '/api/documents') return json({ items: [{ year: 2020 }], nextCursor: null, total: { value: 1, exact: true } });
    if (u.pathname === '/api/monitoring/projects') {
      asked.push(u.search);
      const second = u.searchParams.get('cursor') === 'page-2';
      return json({
        year: 2020,
        date: '2020-06-30',
        items: [second ? item(2, '社区矫正') : item(1, '法律援助')],
        total: 2,
        lightCounts: { red: 2, yellow: 0, green: 0 },
        nextCursor: second ? null : 'page-2',
        pending: 0,
      });
    }
    return new Response('{}', { status: 404 });
  });
  return asked;
}

describe('the warning list', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('pages by the API’s cursor: next asks with the page’s nextCursor, previous goes back, the count is the filter’s', async () => {
    const asked = api();
    render(
      <Providers>
        <MemoryRouter>
          <WarningListPage />
        </MemoryRouter>
      </Providers>,
    );
    expect(await screen.findByText('法律援助')).toBeTruthy();
    expect(screen.getByText('共 2 条')).toBeTruthy();
    expect(asked[0]).not.toMatch(/cursor=|offset=/);
    await userEvent.click(screen.getByRole('button', { name: /下一页/ }));
    expect(await screen.findByText('社区矫正')).toBeTruthy();
    expect(asked.at(-1)).toMatch(/cursor=page-2/);
    expect(screen.getByText('第 2 页')).toBeTruthy();
    // The last page: no further page to ask for.
    expect((screen.getByRole('button', { name: /下一页/ }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: /上一页/ }));
    expect(await screen.findByText('法律援助')).toBeTruthy();
  });
});
