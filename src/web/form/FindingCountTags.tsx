/** The count of review findings by severity, as three small tags (none shown for a zero). */
import { Space, Tag } from 'antd';
import type { FindingCounts } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';

export function FindingCountTags({ counts }: { counts: FindingCounts }) {
  const m = useMessages().web;
  if (counts.error + counts.warning + counts.info === 0) return <Tag color="success">{m.editor.findingsNone}</Tag>;
  return (
    <Space size={2} wrap>
      {counts.error > 0 && <Tag color="error">{`${m.severity.error} ${counts.error}`}</Tag>}
      {counts.warning > 0 && <Tag color="warning">{`${m.severity.warning} ${counts.warning}`}</Tag>}
      {counts.info > 0 && <Tag color="processing">{`${m.severity.info} ${counts.info}`}</Tag>}
    </Space>
  );
}
