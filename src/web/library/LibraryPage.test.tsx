// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Providers, type Sent } from '../monitoring/testing.tsx';
import { REVIEWER, unitUser } from '../app/page.testing.tsx';
import type { LibraryEntryView } from './library-api.ts';
import LibraryPage from './LibraryPage.tsx';

const COUNTY = { id: 3, name: '怀来县财政局' };

const view = (id: number, level3: string, state: LibraryEntryView['entry']['status']['state'], extra: Partial<LibraryEntryView> = {}) =>
  ({
    id,
    version: 2,
    bureau: COUNTY,
    entry: {
      id: `130730-${id}`,
      level1: '产出指标',
      level2: '数量指标',
      level3,
      description: '',
      unit: '件',
      direction: 'higher',
      target: '≥120件',
      explanation: null,
      method: null,
      dataSource: null,
      field: 'justice',
      source: { kind: 'bureau', reference: '130730' },
      status: { state, reason: null },
    },
    proposedBy: { unitId: 9, unitName: '怀来县司法局' },
    decidedBy: null,
    decidedAt: null,
    ...extra,
  }) satisfies LibraryEntryView;

/** The API as `user` sees it: one page of entries; writes are recorded and answered with the entry. */
function api(user: object, items: LibraryEntryView[]): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const u = new URL(String(url), 'http://localhost');
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (u.pathname === '/api/auth/csrf') return json({ token: 't' });
    if (u.pathname === '/api/auth/session') return json({ user });
    if (u.pathname === '/api/bureaus') return json({ items: [{ id: 3, code: '130730', name: COUNTY.name, parentId: 2, depth: 0 }] });
    const method = init.method ?? 'GET';
    sent.push({
      method,
      path: u.pathname + u.search,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      ifMatch: new Headers(init.headers).get('if-match'),
    });
    if (method === 'GET' && u.pathname === '/api/library')
      return json({ items, nextCursor: null, total: { value: items.length, exact: true } });
    return json(items[0], method === 'POST' && u.pathname === '/api/library/applications' ? 201 : 200);
  });
  return sent;
}

const UNIT = unitUser();

const renderPage = () =>
  render(
    <Providers>
      <MemoryRouter initialEntries={['/library']}>
        <LibraryPage />
      </MemoryRouter>
    </Providers>,
  );

describe('the library page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lets a reviewer approve an application, and refuse one only with a reason', async () => {
    const sent = api(REVIEWER, [view(11, '法律援助案件办理数量', 'proposed'), view(12, '结案率', 'approved')]);
    renderPage();
    const row = (await screen.findByText('法律援助案件办理数量')).closest('tr')!;
    expect(within(row).getByText('申请入库')).toBeTruthy();
    // An approved entry of the bureau can be retired, not decided.
    const approvedRow = screen.getByText('结案率').closest('tr')!;
    expect(within(approvedRow).queryByRole('button', { name: /批准/ })).toBeNull();
    expect(await within(approvedRow).findByRole('button', { name: /停用/ })).toBeTruthy();

    await userEvent.click(within(row).getByRole('button', { name: '批准 法律援助案件办理数量' }));
    await waitFor(() => expect(sent.some((s) => s.method === 'POST')).toBe(true));
    expect(sent.find((s) => s.method === 'POST')).toEqual({
      method: 'POST',
      path: '/api/library/entries/11/decision',
      body: { decision: 'approve' },
      ifMatch: '"2"',
    });

    await userEvent.click(within(row).getByRole('button', { name: '不予入库 法律援助案件办理数量' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByRole('button', { name: '不予入库' }));
    expect(await within(dialog).findByText('请写明不予入库的理由')).toBeTruthy();
    expect(sent.filter((s) => s.method === 'POST')).toHaveLength(1);
    await userEvent.type(within(dialog).getByLabelText('理由'), '与结案率重复');
    await userEvent.click(within(dialog).getByRole('button', { name: '不予入库' }));
    await waitFor(() => expect(sent.filter((s) => s.method === 'POST')).toHaveLength(2));
    expect(sent.filter((s) => s.method === 'POST')[1]?.body).toEqual({ decision: 'refuse', reason: '与结案率重复' });
  });

  it('lets a unit apply for an entry with its levels, name, unit, target and field', async () => {
    const sent = api(UNIT, [view(11, '法律援助案件办理数量', 'proposed')]);
    renderPage();
    await screen.findByText('法律援助案件办理数量');
    // A unit decides nothing; it may withdraw its own application.
    expect(screen.queryByRole('button', { name: /^批准/ })).toBeNull();
    expect(screen.getByRole('button', { name: '撤回申请 法律援助案件办理数量' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: /导入/ })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: /申请入库/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('一级指标'), '产出指标');
    await userEvent.type(within(dialog).getByLabelText('二级指标'), '数量指标');
    await userEvent.type(within(dialog).getByLabelText('三级指标'), '普法讲座场次');
    await userEvent.type(within(dialog).getByLabelText('度量单位'), '场');
    await userEvent.type(within(dialog).getByLabelText('建议指标值'), '≥12场');
    await userEvent.type(within(dialog).getByLabelText('行业/领域'), '司法');
    await userEvent.click(await screen.findByTitle('司法'));
    await userEvent.click(within(dialog).getByRole('button', { name: /提交申请/ }));
    await waitFor(() => expect(sent.some((s) => s.method === 'POST')).toBe(true));
    expect(sent.find((s) => s.method === 'POST')).toMatchObject({
      path: '/api/library/applications',
      body: {
        entry: {
          level1: '产出指标',
          level2: '数量指标',
          level3: '普法讲座场次',
          unit: '场',
          target: '≥12场',
          field: 'justice',
          description: '',
          direction: null,
        },
      },
    });
  });
});
