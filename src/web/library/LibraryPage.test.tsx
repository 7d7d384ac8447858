// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Providers, type Sent } from '../monitoring/testing.tsx';
import { REVIEWER, unitUser } from '../app/page.testing.tsx';
import type { EntryContent, LibraryEntryView } from './library-api.ts';
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

type Answer = (sent: Sent) => Response | undefined;

const json = (body: unknown, status = 200) =>
  new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });

/**
 * The API as `user` sees it: one page of entries; writes are recorded and answered with the entry,
 * or by `answer` where it answers.
 */
function api(user: object, items: LibraryEntryView[], answer: Answer = () => undefined): Sent[] {
  const sent: Sent[] = [];
  vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
    const u = new URL(String(url), 'http://localhost');
    if (u.pathname === '/api/auth/csrf') return json({ token: 't' });
    if (u.pathname === '/api/auth/session') return json({ user });
    if (u.pathname === '/api/bureaus') return json({ items: [{ id: 3, code: '130730', name: COUNTY.name, parentId: 2, depth: 0 }] });
    const method = init.method ?? 'GET';
    const request: Sent = {
      method,
      path: u.pathname + u.search,
      body: init.body ? JSON.parse(String(init.body)) : undefined,
      ifMatch: new Headers(init.headers).get('if-match'),
    };
    sent.push(request);
    const answered = answer(request);
    if (answered) return answered;
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

  it('lets a unit edit its application in the form it applied with, named field errors first, the saved entry in the list', async () => {
    const items = [view(11, '法律援助案件办理数量', 'proposed'), view(12, '结案率', 'approved', { proposedBy: null })];
    const sent = api(UNIT, items, (s) => {
      if (s.method !== 'PUT') return undefined;
      // Saved: one version on, and what the list reads from now on.
      const saved = { ...items[0]!, version: 3, entry: { ...items[0]!.entry, ...(s.body as { entry: EntryContent }).entry } };
      items[0] = saved;
      return json(saved);
    });
    renderPage();
    await screen.findByText('法律援助案件办理数量');
    // An approved entry is the bureau's to edit, not the unit's.
    expect(screen.queryByRole('button', { name: '修改 结案率' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: '修改 法律援助案件办理数量' }));
    const dialog = await screen.findByRole('dialog');
    expect(within(dialog).getByText('修改指标：法律援助案件办理数量')).toBeTruthy();
    expect((within(dialog).getByLabelText('三级指标') as HTMLInputElement).value).toBe('法律援助案件办理数量');
    expect((within(dialog).getByLabelText('度量单位') as HTMLInputElement).value).toBe('件');
    expect((within(dialog).getByLabelText('建议指标值') as HTMLInputElement).value).toBe('≥120件');

    await userEvent.clear(within(dialog).getByLabelText('三级指标'));
    await userEvent.type(within(dialog).getByLabelText('度量单位'), '件'.repeat(30));
    await userEvent.click(within(dialog).getByRole('button', { name: /保存修改/ }));
    expect(await within(dialog).findByText('请填写三级指标')).toBeTruthy();
    expect(await within(dialog).findByText('度量单位最多 30 个字')).toBeTruthy();
    expect(sent.some((s) => s.method === 'PUT')).toBe(false);

    await userEvent.type(within(dialog).getByLabelText('三级指标'), '法律援助案件办理数量');
    await userEvent.clear(within(dialog).getByLabelText('度量单位'));
    await userEvent.type(within(dialog).getByLabelText('度量单位'), '件');
    await userEvent.clear(within(dialog).getByLabelText('建议指标值'));
    await userEvent.type(within(dialog).getByLabelText('建议指标值'), '≥150件');
    await userEvent.click(within(dialog).getByRole('button', { name: /保存修改/ }));
    await waitFor(() => expect(sent.some((s) => s.method === 'PUT')).toBe(true));
    expect(sent.find((s) => s.method === 'PUT')).toEqual({
      method: 'PUT',
      path: '/api/library/entries/11',
      ifMatch: '"2"',
      body: {
        entry: {
          level1: '产出指标',
          level2: '数量指标',
          level3: '法律援助案件办理数量',
          description: '',
          unit: '件',
          direction: 'higher',
          target: '≥150件',
          explanation: null,
          method: null,
          dataSource: null,
          field: 'justice',
        },
      },
    });
    expect(await screen.findByText('≥150件')).toBeTruthy();
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('tells a reviewer whose edit met a newer version, reloads the entry into the form, and saves on it', async () => {
    const mine = view(12, '结案率', 'approved');
    const theirs = { ...mine, version: 3, entry: { ...mine.entry, target: '≥99%' } };
    let puts = 0;
    const sent = api(REVIEWER, [mine, view(13, '重复指标', 'refused')], (s) => {
      if (s.method === 'GET' && s.path === '/api/library/12') return json(theirs);
      if (s.method !== 'PUT') return undefined;
      puts++;
      if (puts === 1)
        return json({ code: 'stale_version', message: '该指标已被他人修改（当前版本 3，您的修改基于版本 2）。', currentVersion: 3 }, 409);
      // The server names a field it refuses by its path in the body.
      if (puts === 2)
        return json({ code: 'too_long', message: '文字最多 200 个字，请精简后再保存。', path: '/entry/target', limit: 200 }, 422);
      return json({ ...theirs, version: 4 });
    });
    renderPage();
    const edit = await screen.findByRole('button', { name: '修改 结案率' });
    // A refused entry is not edited.
    expect(screen.queryByRole('button', { name: '修改 重复指标' })).toBeNull();

    await userEvent.click(edit);
    let dialog = await screen.findByRole('dialog');
    await userEvent.clear(within(dialog).getByLabelText('建议指标值'));
    await userEvent.type(within(dialog).getByLabelText('建议指标值'), '≥97%');
    await userEvent.click(within(dialog).getByRole('button', { name: /保存修改/ }));
    expect(await within(dialog).findByText('该指标已被他人修改，您的修改尚未保存。')).toBeTruthy();
    expect(sent.find((s) => s.method === 'PUT')?.ifMatch).toBe('"2"');
    expect((within(dialog).getByRole('button', { name: /保存修改/ }) as HTMLButtonElement).disabled).toBe(true);

    await userEvent.click(within(dialog).getByRole('button', { name: /重新载入/ }));
    await waitFor(() => expect(screen.queryByText('该指标已被他人修改，您的修改尚未保存。')).toBeNull());
    dialog = await screen.findByRole('dialog');
    expect((within(dialog).getByLabelText('建议指标值') as HTMLInputElement).value).toBe('≥99%');

    await userEvent.click(within(dialog).getByRole('button', { name: /保存修改/ }));
    expect(await within(dialog).findByText('文字最多 200 个字，请精简后再保存。')).toBeTruthy();
    await userEvent.click(within(dialog).getByRole('button', { name: /保存修改/ }));
    await waitFor(() => expect(puts).toBe(3));
    expect(sent.filter((s) => s.method === 'PUT').map((s) => s.ifMatch)).toEqual(['"2"', '"3"', '"3"']);
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });

  it('lets a reviewer reinstate a retired entry once confirmed; a unit cannot', async () => {
    const sent = api(REVIEWER, [view(13, '结案率', 'retired')]);
    renderPage();
    const row = (await screen.findByText('结案率')).closest('tr')!;
    expect(within(row).queryByRole('button', { name: /停用/ })).toBeNull();
    await userEvent.click(await within(row).findByRole('button', { name: '恢复启用 结案率' }));
    expect(await screen.findByText('恢复启用后该指标重新入库，可再被推荐和选用。确定恢复启用吗？')).toBeTruthy();
    expect(sent.some((s) => s.method === 'POST')).toBe(false);
    await userEvent.click(screen.getByRole('button', { name: /确\s?定/ }));
    await waitFor(() => expect(sent.some((s) => s.method === 'POST')).toBe(true));
    expect(sent.find((s) => s.method === 'POST')).toEqual({
      method: 'POST',
      path: '/api/library/entries/13/reinstate',
      body: undefined,
      ifMatch: '"2"',
    });
    expect(await screen.findByText('已恢复启用：该指标重新入库，可再被推荐和选用。')).toBeTruthy();

    cleanup();
    api(UNIT, [view(13, '结案率', 'retired')]);
    renderPage();
    await screen.findByText('结案率');
    expect(screen.queryByRole('button', { name: /恢复启用/ })).toBeNull();
  });
});
