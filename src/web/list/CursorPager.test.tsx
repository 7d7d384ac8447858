// @vitest-environment happy-dom
/**
 * A cursor-paged list in the browser: "next" asks for the page after the one on show with its
 * nextCursor, "previous" goes back through the cursors seen, the first page's total stays on show,
 * a capped total reads "1000+", and another filter starts again from the first page.
 */
import { queryOptions } from '@tanstack/react-query';
import { cleanup, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { api } from '../api/client.ts';
import type { Paged } from '../api/types.ts';
import { fakeApi, Providers } from '../monitoring/testing.tsx';
import { CursorPager } from './CursorPager.tsx';
import { useCursorList } from './cursor-paging.ts';

type Item = { id: number; name: string };
const page = (ids: number[], nextCursor: string | null, total: Paged<Item>['total']) => ({
  status: 200,
  body: { items: ids.map((id) => ({ id, name: `单位${id}` })), nextCursor, total },
});

function List() {
  const [q, setQ] = useState('');
  const { list, pager } = useCursorList(q, (p) =>
    queryOptions({ queryKey: ['things', q, p], queryFn: () => api.get<Paged<Item>>('/api/things', { query: { q, ...p } }) }),
  );
  return (
    <div>
      <button type="button" onClick={() => setQ('教育')}>
        筛选
      </button>
      <ul>
        {list.data?.items.map((i) => (
          <li key={i.id}>{i.name}</li>
        ))}
      </ul>
      <CursorPager {...pager} />
    </div>
  );
}

afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

describe('a cursor-paged list', () => {
  it('pages forward by the cursor, back through the cursors seen, keeping the first page’s total', async () => {
    const sent = fakeApi([
      { match: /GET \/api\/things\?limit=20$/, ...page([1, 2], 'c2', { value: 5, exact: true }) },
      { match: /cursor=c2/, ...page([3, 4], 'c3', null) },
      { match: /cursor=c3/, ...page([5], null, null) },
      // Back on page 2, its rows are read again (a page is not kept as if it could not change).
      { match: /cursor=c2/, ...page([3, 4], 'c3', null) },
    ]);
    render(
      <Providers>
        <List />
      </Providers>,
    );
    await screen.findByText('单位1');
    expect(screen.getByText('共 5 条')).toBeTruthy();
    expect(screen.getByText('第 1 页')).toBeTruthy();
    expect(screen.getByRole('button', { name: /上一页/ }).hasAttribute('disabled')).toBe(true);

    await userEvent.click(screen.getByRole('button', { name: /下一页/ }));
    await screen.findByText('单位3');
    expect(screen.getByText('第 2 页')).toBeTruthy();
    expect(screen.getByText('共 5 条')).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: /下一页/ }));
    await screen.findByText('单位5');
    await waitFor(() => expect(screen.getByRole('button', { name: /下一页/ }).hasAttribute('disabled')).toBe(true));

    await userEvent.click(screen.getByRole('button', { name: /上一页/ }));
    await screen.findByText('单位3');
    expect(screen.getByText('第 2 页')).toBeTruthy();
    expect(sent.map((s) => s.path)).toEqual([
      '/api/things?limit=20',
      '/api/things?limit=20&cursor=c2',
      '/api/things?limit=20&cursor=c3',
      '/api/things?limit=20&cursor=c2',
    ]);
  });

  it('shows a capped total as "1000+", and starts again from the first page when the filter changes', async () => {
    const sent = fakeApi([
      { match: /things\?limit=20$/, ...page([1], 'c2', { value: 1000, exact: false }) },
      { match: /things\?limit=20&cursor=c2/, ...page([2], 'c3', null) },
      { match: /q=%E6%95%99%E8%82%B2&limit=20$/, ...page([7], null, { value: 1, exact: true }) },
    ]);
    render(
      <Providers>
        <List />
      </Providers>,
    );
    await screen.findByText('共 1000+ 条');
    await userEvent.click(screen.getByRole('button', { name: /下一页/ }));
    await screen.findByText('单位2');
    await userEvent.click(screen.getByRole('button', { name: '筛选' }));
    await screen.findByText('单位7');
    expect(screen.getByText('第 1 页')).toBeTruthy();
    expect(screen.getByText('共 1 条')).toBeTruthy();
    expect(sent.at(-1)?.path).toBe('/api/things?q=%E6%95%99%E8%82%B2&limit=20');
  });
});
