import { Tag } from 'antd';
import type { Status } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';

const COLORS: Record<Status, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'error',
  approved: 'success',
  published: 'green',
};

export function StatusTag({ status }: { status: Status }) {
  const m = useMessages();
  return (
    <Tag color={COLORS[status]} data-status={status}>
      {m.server.statusNames[status]}
    </Tag>
  );
}
