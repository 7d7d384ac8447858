/** Under a document's tabs: the approval notices that issued its targets (or "not yet issued"), each a link to the notice. */
import { useQuery } from '@tanstack/react-query';
import { Space, Tag, Typography } from 'antd';
import { Link } from 'react-router';
import { useMessages } from '../app/locale.tsx';
import { noticeQueries, STATE_COLORS } from './notice-api.ts';

export function DocumentNotices({ documentId }: { documentId: number }) {
  const all = useMessages();
  const m = all.notices.page;
  const notices = useQuery(noticeQueries.ofDocument(documentId));
  const items = notices.data?.items ?? [];
  if (notices.isPending || notices.isError) return null;
  return (
    <Space className="document-notices" data-testid="document-notices" wrap>
      <Typography.Text type="secondary">{m.onDocument}：</Typography.Text>
      {items.length === 0 && <Typography.Text type="secondary">{m.noneOnDocument}</Typography.Text>}
      {items.map((n) => (
        <span key={n.noticeId}>
          <Link to={`/notices/${n.noticeId}`}>{n.number}</Link> <Tag color={STATE_COLORS[n.state]}>{all.notices.states[n.state]}</Tag>
        </span>
      ))}
    </Space>
  );
}
