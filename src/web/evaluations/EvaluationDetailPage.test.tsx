// @vitest-environment happy-dom
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Sent } from '../monitoring/testing.tsx';
import { REVIEWER, renderAt, unitUser } from '../app/page.testing.tsx';
import type { EvaluationView } from './evaluations-api.ts';
import EvaluationDetailPage from './EvaluationDetailPage.tsx';

const evaluation = (extra: Partial<EvaluationView> = {}): EvaluationView => ({
  id: 7,
  bureauId: 3,
  bureauName: '怀来县财政局',
  year: 2020,
  kind: 'finance',
  title: '法律援助项目财政评价',
  evaluatingBody: '中信绩效评价有限公司',
  subject: { kind: 'policy', policyName: '法律援助补助政策' },
  state: 'inProgress',
  score: '79.95',
  grade: '中',
  updatedAt: '2020-12-01T00:00:00Z',
  version: 4,
  summary: '基本实现。',
  returnComment: null,
  createdByName: '审核员',
  acceptedAt: null,
  evaluators: [{ id: 9, displayName: '张评价', organisation: '中信绩效评价有限公司' }],
  findings: [{ id: 31, evaluationId: 7, text: '指标未量化。', severity: 'major', concerns: '产出指标' }],
  report: null,
  ...extra,
});

function api(user: object, e: EvaluationView): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const u = new URL(String(url), 'http://localhost');
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (u.pathname === '/api/auth/csrf') return json({ token: 't' });
    if (u.pathname === '/api/auth/session') return json({ user });
    const method = init.method ?? 'GET';
    if (method === 'GET' && u.pathname === `/api/evaluations/${e.id}`) return json(e);
    sent.push({
      method,
      path: u.pathname,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      ifMatch: new Headers(init.headers).get('if-match'),
    });
    return json({ version: e.version + 1, findingId: 32 }, method === 'POST' && u.pathname.endsWith('/findings') ? 201 : 200);
  });
  return sent;
}

const EVALUATOR = {
  id: 9,
  username: 'zhongxin',
  role: 'evaluator',
  displayName: '张评价',
  unitId: null,
  bureauId: 3,
  organisation: '中信绩效评价有限公司',
  mustChangePassword: false,
};
const UNIT = unitUser();

const renderPage = () => renderAt('/evaluations/7', '/evaluations/:id', <EvaluationDetailPage />);

describe('an evaluation’s page', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('lets the assigned third party record findings and submit, naming the version', async () => {
    const sent = api(EVALUATOR, evaluation());
    renderPage();
    expect(await screen.findByText('#31')).toBeTruthy();
    expect(screen.getByTestId('evaluation-score').textContent).toBe('79.95 分（中）');
    await userEvent.type(await screen.findByLabelText('问题描述'), '满意度样本不足。');
    await userEvent.click(screen.getByRole('button', { name: '添加问题' }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({
      method: 'POST',
      path: '/api/evaluations/7/findings',
      body: { text: '满意度样本不足。', severity: 'moderate' },
      ifMatch: '"4"',
    });
    await userEvent.click(screen.getByRole('button', { name: '提交评价结果' }));
    await waitFor(() => expect(sent.map((s) => s.path)).toContain('/api/evaluations/7/submit'));
  });

  it('shows a unit the accepted result and nothing to change', async () => {
    api(UNIT, evaluation({ state: 'accepted', score: '91.00', grade: '优' }));
    renderPage();
    expect(await screen.findByText('#31')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '添加问题' })).toBeNull();
    expect(screen.queryByRole('button', { name: '提交评价结果' })).toBeNull();
    expect(screen.queryByRole('button', { name: '验收' })).toBeNull();
  });

  it('lets the bureau return a submitted result only with its reasons', async () => {
    const sent = api(REVIEWER, evaluation({ state: 'submitted' }));
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: '退回' }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('退回意见'), '请补充满意度调查。');
    await userEvent.click(within(dialog).getByRole('button', { name: /确\s*定|OK/ }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({ path: '/api/evaluations/7/return', body: { comment: '请补充满意度调查。' }, ifMatch: '"4"' });
    expect(screen.queryByRole('button', { name: '添加问题' })).toBeNull();
  });

  it('lets the bureau order a finding of an accepted project evaluation rectified, naming the finding', async () => {
    const project = {
      kind: 'project' as const,
      documentId: 12,
      unitId: 9,
      unitName: '怀来县司法局',
      projectCode: '315002-001',
      projectName: '法律援助',
    };
    const sent = api(REVIEWER, evaluation({ state: 'accepted', subject: project }));
    renderPage();
    await userEvent.click(await screen.findByRole('button', { name: '下达整改' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('指标未量化。')).toBeTruthy();
    await userEvent.type(within(dialog).getByLabelText('整改要求'), '量化产出指标。');
    await userEvent.click(within(dialog).getByRole('button', { name: /下\s*达/ }));
    await waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toMatchObject({
      method: 'POST',
      path: '/api/rectifications',
      body: {
        documentId: 12,
        projectCode: '315002-001',
        finding: '指标未量化。',
        requirement: '量化产出指标。',
        source: { kind: 'evaluation', evaluationId: 7, findingId: 31 },
      },
    });
  });

  it('offers no rectification where the evaluation is not accepted or its subject is a policy', async () => {
    api(REVIEWER, evaluation({ state: 'accepted' }));
    renderPage();
    expect(await screen.findByText('#31')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '下达整改' })).toBeNull();
  });
});
