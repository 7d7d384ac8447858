/** Whether the user's work is on the server: 已保存 / 正在保存 / 有未保存的修改 / 保存失败. */
import { CheckCircleOutlined, CloudUploadOutlined, EditOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { Tag, Tooltip } from 'antd';
import { useMessages } from '../app/locale.tsx';
import type { SessionSnapshot } from './document-session.ts';

export function SaveIndicator({ snapshot }: { snapshot: SessionSnapshot }) {
  const m = useMessages().web.editor.save;
  const { saveState, savedAt, error } = snapshot;
  const view = {
    saved: { color: 'success', icon: <CheckCircleOutlined />, text: savedAt ? m.savedAt(savedAt.toLocaleTimeString()) : m.saved },
    saving: { color: 'processing', icon: <SyncOutlined spin />, text: m.saving },
    pending: { color: 'default', icon: <EditOutlined />, text: m.pending },
    failed: { color: 'error', icon: <CloudUploadOutlined />, text: m.offline },
    conflict: { color: 'warning', icon: <ExclamationCircleOutlined />, text: m.pending },
  }[saveState];
  return (
    <Tooltip title={saveState === 'failed' ? error : undefined}>
      <Tag color={view.color} icon={view.icon} role="status" aria-live="polite" data-testid="save-state" data-state={saveState} className="save-indicator">
        {view.text}
      </Tag>
    </Tooltip>
  );
}
