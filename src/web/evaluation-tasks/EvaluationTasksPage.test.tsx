// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Providers, type Sent } from '../monitoring/testing.tsx';
import { REVIEWER, renderAt } from '../app/page.testing.tsx';
import EvaluationTasksPage from './EvaluationTasksPage.tsx';
import type { AssignmentView, TaskDetail } from './tasks-api.ts';

const task = {
  id: 7,
  bureauId: 3,
  year: 2020,
  title: '2020年度自评',
  deadline: '2021-03-31',
  scope: { kind: 'all' },
  assigned: 2,
  version: 1,
  createdAt: '2021-01-05T00:00:00Z',
  createdByName: '审核员',
};
const detail = (sample: TaskDetail['sample']): TaskDetail =>
  ({ task, counts: { notStarted: 1, inProgress: 0, submitted: 1, returned: 0, accepted: 0, late: 1 }, sample }) as TaskDetail;
const assignment = (id: number, unitName: string, state: AssignmentView['state'], extra: Partial<AssignmentView> = {}): AssignmentView => ({
  id,
  taskId: 7,
  unitId: id,
  unitCode: `31500${id}`,
  unitName,
  projectCodes: null,
  state,
  late: state === 'notStarted',
  documentId: state === 'submitted' ? 40 : null,
  selfScore: state === 'submitted' ? '91.25' : null,
  selfGrade: state === 'submitted' ? '优' : null,
  submittedAt: null,
  reviewComment: '',
  reviewedByName: null,
  reviewedAt: null,
  version: 3,
  ...extra,
});

function api(): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const u = new URL(String(url), 'http://localhost');
    const json = (body: unknown, status = 200) =>
      new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
    if (u.pathname === '/api/auth/csrf') return json({ token: 't' });
    if (u.pathname === '/api/auth/session') return json({ user: REVIEWER });
    const method = init.method ?? 'GET';
    sent.push({
      method,
      path: u.pathname + u.search,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      ifMatch: new Headers(init.headers).get('if-match'),
    });
    if (u.pathname === '/api/evaluation-tasks/7') return json(detail(null));
    if (u.pathname === '/api/evaluation-tasks/7/assignments')
      return json({
        items: [assignment(2, '怀来县司法局', 'notStarted'), assignment(4, '怀来县卫生健康局', 'submitted')],
        nextCursor: null,
        total: { value: 2, exact: true },
      });
    if (method === 'POST' && u.pathname.endsWith('/review')) return json(assignment(4, '怀来县卫生健康局', 'accepted', { version: 4 }));
    if (method === 'POST' && u.pathname.endsWith('/sample')) return json({}, 201);
    return json({ items: [], nextCursor: null, total: null });
  });
  return sent;
}

const renderTask = () => renderAt('/evaluation-tasks/7', '/evaluation-tasks/:id', <EvaluationTasksPage />);

describe('a self-evaluation task for the bureau', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('shows its counts and units, and returns a submitted one only with a comment', async () => {
    const sent = api();
    renderTask();
    const counts = await screen.findByTestId('task-counts');
    await waitFor(() => expect(counts.textContent).toContain('逾期未交1'));
    const late = (await screen.findByText(/怀来县司法局/)).closest('tr')!;
    expect(within(late).getByText('逾期')).toBeTruthy();
    expect(within(late).queryByRole('button', { name: /通\s*过/ })).toBeNull();
    const submitted = screen.getByText(/怀来县卫生健康局/).closest('tr')!;
    expect(within(submitted).getByText('91.25')).toBeTruthy();

    await userEvent.click(within(submitted).getByRole('button', { name: /退\s*回/ }));
    const dialog = await screen.findByRole('dialog');
    const ok = within(dialog)
      .getAllByRole('button')
      .find((b) => /退\s*回/.test(b.textContent ?? ''))!;
    expect((ok as HTMLButtonElement).disabled).toBe(true);
    await userEvent.type(within(dialog).getByLabelText('退回意见'), '请补充佐证');
    expect((ok as HTMLButtonElement).disabled).toBe(false);
    await userEvent.click(ok);
    await waitFor(() => expect(sent.filter((s) => s.method === 'POST')).toHaveLength(1));
    expect(sent.find((s) => s.method === 'POST')).toEqual({
      method: 'POST',
      path: '/api/evaluation-assignments/4/review',
      body: { decision: 'return', comment: '请补充佐证' },
      ifMatch: '"3"',
    });
  });

  it('draws the sample by count with the seed given and the task’s version', async () => {
    const sent = api();
    renderTask();
    await userEvent.click(await screen.findByRole('button', { name: /抽取样本/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.click(within(dialog).getByLabelText('按数量'));
    const count = within(dialog).getByLabelText('样本数量');
    await userEvent.clear(count);
    await userEvent.type(count, '2');
    await userEvent.type(within(dialog).getByLabelText('随机种子'), 'seed-1');
    await userEvent.click(
      within(dialog)
        .getAllByRole('button')
        .find((b) => /抽取样本/.test(b.textContent ?? ''))!,
    );
    await waitFor(() => expect(sent.some((s) => s.method === 'POST')).toBe(true));
    expect(sent.find((s) => s.method === 'POST')).toEqual({
      method: 'POST',
      path: '/api/evaluation-tasks/7/sample',
      body: { size: { count: 2 }, seed: 'seed-1' },
      ifMatch: '"1"',
    });
  });
});

describe('assigning a task', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  /** The task list, the bureaus and the projects as the reviewer sees them; the POST is recorded. */
  function assigningApi(): Sent[] {
    const sent: Sent[] = [];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      const u = new URL(String(url), 'http://localhost');
      const json = (body: unknown, status = 200) =>
        new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
      if (u.pathname === '/api/auth/csrf') return json({ token: 't' });
      if (u.pathname === '/api/auth/session') return json({ user: REVIEWER });
      if (u.pathname === '/api/bureaus')
        return json({
          items: [
            { id: 3, code: '130730', name: '怀来县财政局', parentId: null, depth: 0 },
            { id: 5, code: '130730-01', name: '沙城镇财政所', parentId: 3, depth: 1 },
          ],
        });
      if (u.pathname === '/api/projects')
        return json({
          items: [
            {
              id: 41,
              documentId: 4,
              code: '315-0101-JBN-GXGK',
              name: '普法宣传',
              unitId: 9,
              unitCode: '315002',
              unitName: '怀来县司法局',
              year: 2021,
            },
          ],
          nextCursor: null,
          total: null,
        });
      const method = init.method ?? 'GET';
      sent.push({ method, path: u.pathname, body: init.body ? JSON.parse(String(init.body)) : undefined, ifMatch: null });
      if (method === 'POST') return json({ ...task, id: 8, assigned: 3 }, 201);
      return json({ items: [task], nextCursor: null, total: { value: 1, exact: true } });
    });
    render(
      <Providers>
        <MemoryRouter initialEntries={['/evaluation-tasks']}>
          <Routes>
            <Route path="/evaluation-tasks" element={<EvaluationTasksPage />} />
            <Route path="/evaluation-tasks/:id" element={<p>task page</p>} />
          </Routes>
        </MemoryRouter>
      </Providers>,
    );
    return sent;
  }

  /** Opens 布置自评任务 and fills in the name, the year 2021 and the deadline. */
  async function fillIn() {
    await screen.findByText('2020年度自评');
    await userEvent.click(screen.getByRole('button', { name: /布置自评任务/ }));
    const dialog = await screen.findByRole('dialog');
    await userEvent.type(within(dialog).getByLabelText('任务名称'), '2021年度自评');
    const year = within(dialog).getByLabelText('年度');
    await userEvent.clear(year);
    await userEvent.type(year, '2021');
    const deadline = within(dialog).getByLabelText('截止日期');
    await userEvent.click(deadline);
    await userEvent.type(deadline, '2022-03-31{enter}');
    return dialog;
  }

  const assign = async (dialog: HTMLElement) => {
    await userEvent.click(
      within(dialog)
        .getAllByRole('button')
        .find((b) => /布\s*置/.test(b.textContent ?? ''))!,
    );
    await screen.findByText('task page');
  };

  it('sends the title, year, deadline and a sub-bureau the reviewer chose', async () => {
    const sent = assigningApi();
    const dialog = await fillIn();
    await userEvent.click(within(dialog).getByLabelText('指定财政部门及其下级的单位'));
    await userEvent.click(await within(dialog).findByLabelText('财政部门'));
    await userEvent.click(await screen.findByText('130730-01 沙城镇财政所'));
    await assign(dialog);
    expect(sent.find((s) => s.method === 'POST')?.body).toEqual({
      title: '2021年度自评',
      year: 2021,
      deadline: '2022-03-31',
      scope: { kind: 'bureau', bureauId: 5 },
    });
  });

  it('sends the chosen projects of the year', async () => {
    const sent = assigningApi();
    const dialog = await fillIn();
    await userEvent.click(within(dialog).getByLabelText('指定项目'));
    await userEvent.click(await within(dialog).findByLabelText('项目'));
    await userEvent.click(await screen.findByText('315-0101-JBN-GXGK 普法宣传（怀来县司法局）'));
    await assign(dialog);
    expect(sent.find((s) => s.method === 'POST')?.body).toMatchObject({ year: 2021, scope: { kind: 'projects', projectIds: [41] } });
  });
});
