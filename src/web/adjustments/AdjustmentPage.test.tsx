// @vitest-environment happy-dom
import { cleanup, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TargetDocument } from '../../core/model/document.ts';
import { aDocument } from '../../core/review/testing.ts';
import type { AdjustmentView } from '../api/adjustment-types.ts';
import { fakeApi, Providers } from '../monitoring/testing.tsx';
import AdjustmentPage from './AdjustmentPage.tsx';

const doc = aDocument();
const view = (changes: Partial<AdjustmentView>): AdjustmentView => ({
  id: 9,
  documentId: 4,
  number: 1,
  state: 'draft',
  reason: '任务调整',
  effectiveDate: '2020-07-01',
  baseVersion: 3,
  version: 1,
  reviewComment: null,
  createdByName: '填报员',
  createdAt: '2020-06-20T02:00:00Z',
  updatedAt: '2020-06-20T02:00:00Z',
  submittedAt: null,
  decidedAt: null,
  decidedByName: null,
  approvedVersion: null,
  baseContent: doc,
  content: doc,
  changes: [],
  findings: [],
  ...changes,
});
const user = (role: 'unit' | 'reviewer') => ({
  user: { id: 1, username: 'u', displayName: '某人', role, unitId: role === 'unit' ? 2 : null, bureauId: role === 'reviewer' ? 3 : null },
});

function renderPage() {
  render(
    <Providers>
      <MemoryRouter initialEntries={['/adjustments/9']}>
        <Routes>
          <Route path="/adjustments/:id" element={<AdjustmentPage />} />
        </Routes>
      </MemoryRouter>
    </Providers>,
  );
}

describe('目标调整 request page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('the unit changes a target in the editor’s table and submits: saved with If-Match first, then submitted on the new version', async () => {
    const sent = fakeApi([
      { match: /GET \/api\/auth\/session$/, status: 200, body: user('unit') },
      { match: /GET \/api\/adjustments\/9$/, status: 200, body: view({}) },
      { match: /PUT \/api\/adjustments\/9$/, status: 200, body: view({ version: 2 }) },
      { match: /POST \/api\/adjustments\/9\/submit$/, status: 200, body: view({ version: 3, state: 'submitted' }) },
    ]);
    renderPage();
    const target = await screen.findByLabelText('指标值 1', { exact: true });
    await userEvent.clear(target);
    await userEvent.type(target, '≥1件');
    await userEvent.click(screen.getByRole('button', { name: '提交审核' }));
    await screen.findByText('已提交，等待财政部门审核。');
    const [put, submit] = sent.filter((s) => s.method !== 'GET');
    expect(put).toMatchObject({ path: '/api/adjustments/9', ifMatch: '"1"' });
    const content = (put!.body as { content: TargetDocument }).content;
    expect(content.projects[0]!.indicators[0]!.target).toBe('≥1件');
    expect(content.projects[0]!.indicators.slice(1)).toEqual(doc.projects[0]!.indicators.slice(1));
    expect(submit).toMatchObject({ path: '/api/adjustments/9/submit', ifMatch: '"2"' });
  });

  it('a reviewer reads what changed and may return only with a comment', async () => {
    const changes = [
      {
        projectCode: doc.projects[0]!.code,
        title: '项目：法律援助',
        kind: 'changed' as const,
        changes: [
          {
            kind: 'changed' as const,
            place: '修改第 1 行 / 指标值',
            location: '',
            field: 'indicators.target',
            row: 1,
            before: '≥10件',
            after: '≥8件',
          },
        ],
      },
    ];
    const sent = fakeApi([
      { match: /GET \/api\/auth\/session$/, status: 200, body: user('reviewer') },
      { match: /GET \/api\/adjustments\/9$/, status: 200, body: view({ state: 'submitted', version: 2, changes }) },
      {
        match: /POST \/api\/adjustments\/9\/return$/,
        status: 200,
        body: view({ state: 'returned', version: 3, reviewComment: '请补充依据。' }),
      },
    ]);
    renderPage();
    const table = await screen.findByTestId('adjustment-changes');
    expect(table.querySelector('del')!.textContent).toBe('≥10件');
    expect(table.querySelector('ins')!.textContent).toBe('≥8件');
    // Nothing to edit for a reviewer.
    expect(screen.queryByLabelText('指标值 1', { exact: true })).toBeNull();
    await userEvent.click(screen.getByRole('button', { name: '退回修改' }));
    const ok = (await screen.findAllByRole('button', { name: '退回修改' })).at(-1)!;
    expect(ok.hasAttribute('disabled')).toBe(true);
    await userEvent.type(screen.getByLabelText('退回意见（必填，单位将看到）'), '请补充依据。');
    await userEvent.click(ok);
    await screen.findByText('已退回。');
    expect(sent.at(-1)).toMatchObject({
      method: 'POST',
      path: '/api/adjustments/9/return',
      ifMatch: '"2"',
      body: { comment: '请补充依据。' },
    });
  });
});
