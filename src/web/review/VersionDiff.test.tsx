// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TargetDocument } from '../../core/model/document.ts';
import { aDocument, aProject } from '../../core/review/testing.ts';
import type { AuditRecord, VersionList } from '../api/types.ts';
import { fakeApi, Providers } from '../monitoring/testing.tsx';
import { AuditTimeline } from './AuditTimeline.tsx';
import { defaultPair, VersionDiff } from './VersionDiff.tsx';

const submission = (version: number, outcome: VersionList['items'][number]['outcome']) => ({
  version,
  submittedAt: '2020-03-01T02:00:00Z',
  submittedByName: '填报员',
  outcome,
});
const list = (current: VersionList['current'], ...items: VersionList['items']): VersionList => ({
  items,
  total: items.length,
  nextCursor: null,
  current,
});

/** The seed's project with row 1's basis as given. */
const withBasis = (basis: string): TargetDocument => {
  const project = aProject();
  project.indicators[0] = { ...project.indicators[0]!, basis };
  return aDocument({ projects: [project] });
};
const content = (version: number, doc: TargetDocument) => ({
  version,
  current: false,
  submission: submission(version, null),
  content: doc,
});

describe('修改对比', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('compares a resubmission with the submission before it, unless the unit is editing', () => {
    const reviewed = list(
      { version: 5, status: 'submitted', updatedAt: '' },
      submission(5, null),
      submission(3, 'returned'),
      submission(1, 'returned'),
    );
    expect(defaultPair(reviewed)).toEqual({ from: 3, to: 5 });
    const editing = list({ version: 9, status: 'draft', updatedAt: '' }, submission(5, 'returned'));
    expect(defaultPair(editing)).toEqual({ from: 5, to: 9 });
    expect(defaultPair(list({ version: 5, status: 'submitted', updatedAt: '' }, submission(5, null)))).toBeUndefined();
    expect(defaultPair(list({ version: 2, status: 'draft', updatedAt: '' }))).toBeUndefined();
  });

  it('shows what changed, by project, before and after marked, and compares any two versions picked', async () => {
    const sent = fakeApi([
      {
        match: /versions\?limit=200$/,
        status: 200,
        body: list({ version: 6, status: 'returned', updatedAt: '' }, submission(5, 'returned'), submission(3, 'returned')),
      },
      { match: /versions\/3$/, status: 200, body: content(3, withBasis('历史数据')) },
      { match: /versions\/5$/, status: 200, body: content(5, withBasis('2019年结案统计')) },
      { match: /versions\/6$/, status: 200, body: { ...content(6, withBasis('2019年结案统计')), current: true, submission: null } },
    ]);
    render(
      <Providers>
        <VersionDiff documentId={4} />
      </Providers>,
    );
    // Returned and not edited since: the working copy is the returned submission, so there is nothing new.
    await screen.findByText('两个版本的内容相同。');
    await userEvent.click(screen.getByLabelText('修改前的版本'));
    await userEvent.click(await screen.findByText(/^第 1 次提交 · 版本 3/));

    const part = await screen.findByTestId('diff-part');
    expect(within(part).getByRole('heading').textContent).toContain('项目：法律援助');
    const row = within(part).getAllByRole('row')[1]!;
    expect(row.querySelector('td')!.textContent).toBe('修改第 1 行「办理法律援助案件数量」 / 指标值确定依据');
    expect(row.querySelector('del')!.textContent).toBe('历史数据');
    expect(row.querySelector('ins')!.textContent).toBe('2019年结案统计');
    expect(screen.getByTestId('diff-count').textContent).toBe('共 1 处修改');
    expect(sent.map((s) => s.path)).toEqual([
      '/api/documents/4/versions?limit=200',
      '/api/documents/4/versions/5',
      '/api/documents/4/versions/6',
      '/api/documents/4/versions/3',
    ]);
  });

  it('offers the changes of a resubmission in the audit timeline, and of no first submission', async () => {
    const step = (id: number, version: number): AuditRecord => ({
      id,
      at: '2020-03-01T02:00:00Z',
      firstAt: '2020-03-01T02:00:00Z',
      count: 1,
      actorId: 1,
      actorName: '填报员',
      action: 'submit',
      entity: 'document',
      entityId: '4',
      before: { status: 'draft' },
      after: { status: 'submitted', version },
    });
    fakeApi([
      {
        match: /versions\?limit=200$/,
        status: 200,
        body: list({ version: 5, status: 'submitted', updatedAt: '' }, submission(5, null), submission(3, 'returned')),
      },
      { match: /audit/, status: 200, body: { items: [step(20, 5), step(10, 3)], nextBeforeId: null } },
      { match: /versions\/3$/, status: 200, body: content(3, withBasis('历史数据')) },
      { match: /versions\/5$/, status: 200, body: content(5, withBasis('2019年结案统计')) },
    ]);
    render(
      <Providers>
        <AuditTimeline documentId={4} />
      </Providers>,
    );
    const button = await screen.findByRole('button', { name: '查看修改' });
    expect(screen.getAllByRole('button', { name: '查看修改' })).toHaveLength(1);
    await userEvent.click(button);
    const drawer = await screen.findByTestId('version-diff');
    expect((await within(drawer).findByTestId('diff-part')).querySelector('ins')!.textContent).toBe('2019年结案统计');
  });
});
