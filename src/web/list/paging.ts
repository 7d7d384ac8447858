/**
 * The page size of the web's lists, and paging by offset for the one list that still pages so (the
 * warning list, until it reads part A's aggregates); every other list pages by cursor (./cursor-paging.ts).
 */
import type { TablePaginationConfig } from 'antd';

export const PAGE_SIZE = 20;

/** Page `page` (from 1) as the API's limit and offset. */
export const pageRange = (page: number) => ({ limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE });

/** A table's pagination over a server-paged list: a fixed page size and the total in words. */
export const tablePagination = (
  page: number,
  total: number,
  onChange: (page: number) => void,
  totalText: (n: number) => string,
): TablePaginationConfig => ({
  current: page,
  pageSize: PAGE_SIZE,
  total,
  showSizeChanger: false,
  showTotal: (n) => totalText(n),
  onChange: (p) => onChange(p),
});
