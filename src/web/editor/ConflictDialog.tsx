/**
 * Someone else (or the same user in another window) saved while this user was editing: say who, show
 * what re-applying the user's work will do field by field, let them settle each field both changed,
 * and keep their work until they choose.
 */
import { Alert, App, Button, Modal, Radio, Space, Typography } from 'antd';
import { useState } from 'react';
import type { Side } from '../../core/model/merge.ts';
import { failureText } from '../api/client.ts';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import type { DocumentSession, PartChoices, PartKey, PartMerge, SessionSnapshot } from './document-session.ts';
import { fieldName, valueText } from './field-names.ts';

export function ConflictDialog({ session, snapshot }: { session: DocumentSession; snapshot: SessionSnapshot }) {
  const m = useMessages().web;
  const c = m.editor.conflict;
  const { message } = App.useApp();
  const { user } = useSession();
  const [busy, setBusy] = useState<'reapply' | 'discard' | null>(null);
  const [choices, setChoices] = useState<PartChoices>({});
  const conflict = snapshot.conflict;
  if (!conflict) return null;
  const partTitle = (part: PartMerge) => {
    if (part.part === 'department') return m.department.title;
    if (part.part.startsWith('delete:')) return c.deletedProject(Number(part.part.slice('delete:'.length)));
    return m.project.formTitle(part.name ?? '');
  };
  const choose = (part: PartKey, key: string, side: Side) => setChoices((all) => ({ ...all, [part]: { ...all[part], [key]: side } }));
  const run = async (what: 'reapply' | 'discard') => {
    setBusy(what);
    try {
      if (what === 'reapply') {
        await session.reloadAndReapply(choices);
        message.success(c.reapplied);
      } else await session.reload();
      setChoices({});
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
  const writer = conflict.writtenBy;
  return (
    <Modal open title={c.title} closable={false} maskClosable={false} keyboard={false} footer={null} width={720}>
      <Alert
        type="warning"
        showIcon
        title={c.body(conflict.currentVersion, conflict.baseVersion)}
        description={writer && (user && writer.id === user.id ? c.writtenByYou : c.writtenBy(writer.name))}
      />
      <Typography.Paragraph style={{ marginTop: 16 }}>{c.changedParts}</Typography.Paragraph>
      {conflict.parts === null ? (
        <Typography.Paragraph type="secondary">{c.comparing}</Typography.Paragraph>
      ) : (
        <ul className="conflict-parts" data-testid="conflict-parts">
          {conflict.parts.map((part) => (
            <li key={part.part}>
              <Typography.Text strong>{partTitle(part)}</Typography.Text>
              {part.deletedByThem && <div>{c.deletedByThem}</div>}
              {part.changes.length > 0 && <div className="conflict-changes">{part.changes.map((f) => fieldName(m, f)).join('、')}</div>}
              {part.conflicts.length > 0 && (
                <div className="conflict-choices">
                  <Typography.Text type="warning">{c.conflicts}</Typography.Text>
                  {part.conflicts.map((f) => (
                    <fieldset key={f.key} className="conflict-field">
                      <legend>{fieldName(m, f)}</legend>
                      <Radio.Group
                        value={choices[part.part]?.[f.key] ?? 'mine'}
                        onChange={(e) => choose(part.part, f.key, e.target.value as Side)}
                        options={[
                          { value: 'mine', label: c.keepMine(valueText(m, f.field, f.mine)) },
                          { value: 'theirs', label: c.takeTheirs(valueText(m, f.field, f.theirs)) },
                        ]}
                        style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
                      />
                    </fieldset>
                  ))}
                </div>
              )}
            </li>
          ))}
        </ul>
      )}
      <Space direction="vertical" style={{ width: '100%' }}>
        <Button type="primary" block loading={busy === 'reapply'} onClick={() => run('reapply')} autoFocus>
          {c.reapply}
        </Button>
        <Typography.Text type="secondary">{c.reapplyHelp}</Typography.Text>
        <Button block onClick={copy}>
          {c.copyMine}
        </Button>
        <Button block danger loading={busy === 'discard'} onClick={() => run('discard')}>
          {c.discard}
        </Button>
      </Space>
    </Modal>
  );
}
