// @vitest-environment happy-dom
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Providers } from '../monitoring/testing.tsx';
import { UnitsUpload } from './UnitsUpload.tsx';

const REFUSED = '文件无法读取：units.csv 第 3 行 字段「上级编码」：上级编码“130799”既不在本文件的财政部门中，也不是已有的财政部门';

describe('uploading a units file', () => {
  afterEach(() => {
    cleanup();
    vi.unstubAllGlobals();
  });

  it('sends the file as it is, shows a refusal naming the row, and what was created', async () => {
    const sent: Array<{ path: string; body: unknown }> = [];
    const answers = [
      { status: 422, body: { code: 'unreadable', message: REFUSED } },
      { status: 200, body: { bureausCreated: 1, unitsCreated: 2, existing: 0 } },
    ];
    vi.stubGlobal('fetch', async (url: string, init: RequestInit = {}) => {
      if (String(url).startsWith('/api/auth/csrf')) return new Response(JSON.stringify({ token: 't' }), { status: 200 });
      sent.push({ path: String(url), body: init.body });
      const answer = answers.shift()!;
      return new Response(JSON.stringify(answer.body), { status: answer.status });
    });
    render(
      <Providers>
        <UnitsUpload />
      </Providers>,
    );
    await userEvent.click(screen.getByRole('button', { name: /导入单位表/ }));
    const input = () => document.querySelector('input[type=file]') as HTMLInputElement;
    const file = new File(['编码,名称,上级编码,类型\n'], 'units.csv', { type: 'text/csv' });
    await userEvent.upload(input(), file);
    await waitFor(() => expect(screen.getByRole('alert').textContent).toContain('第 3 行'));
    expect(sent).toEqual([{ path: '/api/admin/units/bulk?fileName=units.csv', body: file }]);

    await userEvent.upload(input(), file);
    await waitFor(() => expect(document.body.textContent).toContain('单位表：新建 1 个财政部门、2 个预算单位，0 个已存在'));
  });
});
