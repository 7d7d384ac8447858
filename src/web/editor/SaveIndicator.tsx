/** Whether the user's work is on the server: 已保存 / 正在保存 / 有未保存的修改 / 保存失败. */
import { CheckCircleOutlined, CloudUploadOutlined, EditOutlined, ExclamationCircleOutlined, SyncOutlined } from '@ant-design/icons';
import { Tag } from 'antd';
import { useMessages } from '../app/locale.tsx';
import type { SessionSnapshot } from './document-session.ts';

export function SaveIndicator({ snapshot }: { snapshot: SessionSnapshot }) {
  const m = useMessages().web.editor.save;
  const { saveState, savedAt, error } = snapshot;
  const view = {
    saved: { color: 'success', icon: <CheckCircleOutlined />, text: savedAt ? m.savedAt(savedAt.toLocaleTimeString()) : m.saved },
    saving: { color: 'processing', icon: <SyncOutlined spin />, text: m.saving },
    pending: { color: 'default', icon: <EditOutlined />, text: m.pending },
    // The server's reason (a text too long, say) is what to fix: shown, not hidden in a tooltip.
    failed: { color: 'error', icon: <CloudUploadOutlined />, text: error ? m.refused(error) : m.offline },
    conflict: { color: 'warning', icon: <ExclamationCircleOutlined />, text: m.pending },
  }[saveState];
  return (
    <Tag
      color={view.color}
      icon={view.icon}
      role="status"
      aria-live="polite"
      data-testid="save-state"
      data-state={saveState}
      className="save-indicator"
    >
      {view.text}
    </Tag>
  );
}
