/**
 * Paging a cursor-paged list (the API's `nextCursor`, see docs/api.md): the cursors of the pages
 * seen so far, as a stack, so "previous" pops one and "next" pushes the page's `nextCursor`. Another
 * filter starts again from the first page.
 */
import { keepPreviousData, useQuery, type QueryKey, type UseQueryOptions, type UseQueryResult } from '@tanstack/react-query';
import { useState } from 'react';
import type { Paged, Total } from '../api/types.ts';
import { PAGE_SIZE } from './paging.ts';

export interface CursorPaging {
  /** The cursor of the page on show; undefined on the first. */
  cursor: string | undefined;
  /** 1-based. */
  page: number;
  next(nextCursor: string): void;
  previous(): void;
}

/**
 * `filter`: the list's filter as text (e.g. its query parameters); when it changes, paging starts
 * over. `onMove` runs after each move to another page (e.g. to drop a selection of rows).
 */
export function useCursorPaging(filter: string, onMove?: () => void): CursorPaging {
  const [state, setState] = useState<{ filter: string; stack: readonly (string | undefined)[] }>({ filter, stack: [undefined] });
  const stack = state.filter === filter ? state.stack : [undefined];
  return {
    cursor: stack.at(-1),
    page: stack.length,
    next: (nextCursor) => {
      setState({ filter, stack: [...stack, nextCursor] });
      onMove?.();
    },
    previous: () => {
      setState({ filter, stack: stack.length > 1 ? stack.slice(0, -1) : stack });
      onMove?.();
    },
  };
}

/** A total as a number in words: "1000+" when counting stopped there. */
export const countText = (t: Total | null | undefined) => (t == null ? '…' : `${t.value}${t.exact ? '' : '+'}`);

/**
 * A cursor-paged list read with react-query: the page on show, the paging, and the filter's total —
 * from the first page, which stays cached (and is read again only if it was dropped) while paging on.
 * `read` gives the query of one page of the filter; spread `pager` into <CursorPager>.
 */
export function useCursorList<T, K extends QueryKey>(
  filter: unknown,
  read: (page: { limit: number; cursor?: string }) => UseQueryOptions<Paged<T>, Error, Paged<T>, K>,
  options: { enabled?: boolean; onMove?: () => void } = {},
) {
  const enabled = options.enabled ?? true;
  const paging = useCursorPaging(JSON.stringify(filter), options.onMove);
  const list = useQuery({ ...read({ limit: PAGE_SIZE, cursor: paging.cursor }), placeholderData: keepPreviousData, enabled });
  const first = useQuery({ ...read({ limit: PAGE_SIZE }), enabled: enabled && paging.page > 1, staleTime: Number.POSITIVE_INFINITY });
  const total = paging.page === 1 ? list.data?.total : first.data?.total;
  return {
    list,
    total,
    pager: { paging, nextCursor: list.isPlaceholderData ? undefined : list.data?.nextCursor, total, loading: list.isFetching },
  };
}

/**
 * What a table of one cursor page takes from its query: the page's rows, no paging of its own (the
 * server pages; <CursorPager> goes below), and the spinner while a page loads.
 */
export const pageRows = <T>(list: UseQueryResult<Paged<T>>) => ({
  dataSource: list.data?.items ?? [],
  pagination: false as const,
  loading: list.isFetching,
});
