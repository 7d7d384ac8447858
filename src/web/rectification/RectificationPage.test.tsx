// @vitest-environment happy-dom
import { QueryClient } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SESSION_KEY } from '../auth/session.ts';
import { fakeApi, Providers } from '../monitoring/testing.tsx';
import type { RectificationDetail } from './api.ts';
import RectificationPage from './RectificationPage.tsx';

const item = (patch: Partial<RectificationDetail> = {}): RectificationDetail => ({
  id: 5,
  source: { kind: 'review', ruleId: 'completeness.empty-target' },
  documentId: 3,
  projectId: 7,
  projectCode: '315-0105-JBN-2D9U',
  projectName: '普法宣传',
  indicatorIndex: 2,
  field: 'indicators.target',
  unitId: 11,
  unitName: '怀来县司法局',
  bureauId: 2,
  year: 2020,
  severity: 'warning',
  finding: '指标值为空',
  suggestion: '填写指标值',
  requirement: '补全指标值并说明依据',
  deadline: '2021-03-31',
  state: 'open',
  overdue: true,
  response: '',
  respondedAt: null,
  respondedByName: null,
  closingNote: '',
  closedAt: null,
  closedByName: null,
  carriedToDocumentId: null,
  createdAt: '2021-01-05T02:00:00Z',
  createdByName: '怀来县财政局审核员',
  version: 3,
  files: [],
  evidenceLimit: { bytes: 10 * 1024 * 1024, files: 20 },
  ...patch,
});

function page(user: { role: 'unit' | 'reviewer'; unitId: number | null; bureauId: number | null }) {
  const client = new QueryClient({ defaultOptions: { queries: { retry: false } } });
  client.setQueryData(SESSION_KEY, { id: 1, username: 'u', displayName: 'u', mustChangePassword: false, ...user });
  return render(
    <Providers client={client}>
      <MemoryRouter initialEntries={['/rectifications/5']}>
        <Routes>
          <Route path="/rectifications/:id" element={<RectificationPage />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

describe('整改事项 page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lets the unit answer an overdue item with the version it read, and says when someone changed it first', async () => {
    const sent = fakeApi([
      { match: /GET \/api\/rectifications\/5$/, status: 200, body: item() },
      { match: /POST \/api\/rectifications\/5\/respond/, status: 409, body: { code: 'stale_version', message: '整改事项已被修改' } },
      { match: /GET \/api\/rectifications\/5$/, status: 200, body: item({ version: 4 }) },
    ]);
    page({ role: 'unit', unitId: 11, bureauId: null });
    expect(await screen.findByTestId('rectification-finding')).toHaveProperty('textContent', '指标值为空');
    expect(screen.getAllByTestId('overdue-tag').length).toBeGreaterThan(0);
    expect(screen.getByText('尚未上传证明材料')).toBeTruthy();
    expect(screen.queryByRole('button', { name: /销号/ })).toBeNull();
    const user = userEvent.setup();
    const submit = screen.getByRole('button', { name: /提交整改情况/ });
    expect(submit).toHaveProperty('disabled', true);
    await user.type(screen.getByLabelText('整改情况'), '已补全指标值');
    await user.click(submit);
    await waitFor(() => expect(screen.getByText('整改事项已被修改')).toBeTruthy());
    const post = sent.find((s) => s.method === 'POST')!;
    expect(post).toMatchObject({ ifMatch: '"3"', body: { text: '已补全指标值' } });
    // The 409 reloads the item.
    await waitFor(() => expect(sent.filter((s) => s.method === 'GET')).toHaveLength(2));
  });

  it('lets the reviewer close an answered item or send it back, with the answer and its evidence read-only', async () => {
    const answered = item({
      state: 'responded',
      overdue: false,
      response: '已补全',
      respondedAt: '2021-02-01T02:00:00Z',
      respondedByName: '怀来县司法局填报员',
      files: [{ id: 9, fileName: '佐证.pdf', size: 3, uploadedAt: '2021-02-01T02:00:00Z', uploadedByName: '怀来县司法局填报员' }],
      version: 6,
    });
    const sent = fakeApi([
      { match: /GET \/api\/rectifications\/5$/, status: 200, body: answered },
      { match: /POST \/api\/rectifications\/5\/close/, status: 200, body: { ...answered, state: 'closed', version: 7 } },
      { match: /GET \/api\/rectifications\/5$/, status: 200, body: { ...answered, state: 'closed', closingNote: '同意', version: 7 } },
    ]);
    page({ role: 'reviewer', unitId: null, bureauId: 2 });
    expect(await screen.findByTestId('rectification-response')).toHaveProperty('textContent', '已补全');
    expect(screen.getByRole('link', { name: /佐证\.pdf/ }).getAttribute('href')).toBe('/api/rectification-files/9');
    expect(screen.queryByRole('button', { name: /提交整改情况/ })).toBeNull();
    const user = userEvent.setup();
    expect(screen.getByRole('button', { name: /退回重新整改/ })).toHaveProperty('disabled', true);
    await user.type(screen.getByLabelText('审核意见'), '同意');
    await user.click(screen.getByRole('button', { name: /销号/ }));
    await waitFor(() => expect(screen.getByTestId('rectification-closing-note')).toHaveProperty('textContent', '同意'));
    expect(sent.find((s) => s.method === 'POST')).toMatchObject({
      path: '/api/rectifications/5/close',
      ifMatch: '"6"',
      body: { text: '同意' },
    });
  });
});
