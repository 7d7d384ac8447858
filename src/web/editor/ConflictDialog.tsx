/** Someone else saved while this user was editing: say so, keep the user's work, and let them choose. */
import { Alert, App, Button, Modal, Space, Typography } from 'antd';
import { useState } from 'react';
import { failureText } from '../api/client.ts';
import { useMessages } from '../app/locale.tsx';
import type { DocumentSession, SessionSnapshot } from './document-session.ts';

export function ConflictDialog({ session, snapshot }: { session: DocumentSession; snapshot: SessionSnapshot }) {
  const m = useMessages().web;
  const { message } = App.useApp();
  const [busy, setBusy] = useState<'reapply' | 'discard' | null>(null);
  const conflict = snapshot.conflict;
  if (!conflict) return null;
  const names = snapshot.unsaved.map((part) => {
    if (part === 'department') return m.department.title;
    if (part.startsWith('delete:')) return m.editor.conflict.deletedProject(Number(part.slice('delete:'.length)));
    const p = snapshot.doc.projects.find((x) => `project:${x.key}` === part);
    return p ? m.project.formTitle(p.name) : part;
  });
  const run = async (what: 'reapply' | 'discard') => {
    setBusy(what);
    try {
      if (what === 'reapply') {
        await session.reloadAndReapply();
        message.success(m.editor.conflict.reapplied);
      } else await session.reload();
    } catch (e) {
      message.error(failureText(e, m.common.networkError));
    } finally {
      setBusy(null);
    }
  };
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(session.unsavedText());
      message.success(m.common.copied);
    } catch {
      message.error(m.common.copyFailed);
    }
  };
  return (
    <Modal open title={m.editor.conflict.title} closable={false} maskClosable={false} keyboard={false} footer={null} width={640}>
      <Alert type="warning" showIcon title={m.editor.conflict.body(conflict.currentVersion, conflict.baseVersion)} />
      <Typography.Paragraph style={{ marginTop: 16 }}>{m.editor.conflict.changedParts}</Typography.Paragraph>
      <ul>
        {names.map((n, i) => (
          <li key={i}>{n}</li>
        ))}
      </ul>
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button type="primary" block loading={busy === 'reapply'} onClick={() => run('reapply')} autoFocus>
          {m.editor.conflict.reapply}
        </Button>
        <Typography.Text type="secondary">{m.editor.conflict.reapplyHelp}</Typography.Text>
        <Button block onClick={copy}>
          {m.editor.conflict.copyMine}
        </Button>
        <Button block danger loading={busy === 'discard'} onClick={() => run('discard')}>
          {m.editor.conflict.discard}
        </Button>
      </Space>
    </Modal>
  );
}
