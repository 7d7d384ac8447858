/**
 * Below a cursor-paged table: how many rows the filter matches (from the first page), the page
 * number, and previous / next — there is no jumping to page N, the server pages from a cursor.
 */
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Button, Space, Typography } from 'antd';
import type { Total } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import { countText, type CursorPaging } from './cursor-paging.ts';

export function CursorPager({
  paging,
  nextCursor,
  total,
  loading,
}: {
  paging: CursorPaging;
  /** The page on show's nextCursor; null on the last page, undefined while it loads. */
  nextCursor: string | null | undefined;
  total: Total | null | undefined;
  loading?: boolean;
}) {
  const w = useMessages().web.common;
  return (
    <Space className="cursor-pager" data-testid="cursor-pager">
      <Typography.Text type="secondary">{w.totalRows(countText(total))}</Typography.Text>
      <Button size="small" icon={<LeftOutlined />} disabled={paging.page === 1 || loading} onClick={paging.previous}>
        {w.previousPage}
      </Button>
      <Typography.Text aria-live="polite">{w.pageNumber(paging.page)}</Typography.Text>
      <Button size="small" disabled={!nextCursor || loading} onClick={() => nextCursor && paging.next(nextCursor)}>
        {w.nextPage}
        <RightOutlined />
      </Button>
    </Space>
  );
}
