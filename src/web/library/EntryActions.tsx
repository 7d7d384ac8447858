/**
 * What the signed-in user may do with one library entry: a reviewer of its bureau (or one above)
 * approves or refuses an application — a refusal with its reason —, edits any entry but a refused
 * one, retires an approved entry and reinstates a retired one; the applicant unit edits or
 * withdraws its application before the decision. The server allows the same (routes/library.ts).
 */
import { Button, Form, Input, Modal, Popconfirm, Space } from 'antd';
import { useState } from 'react';
import { useMessages } from '../app/locale.tsx';
import type { LibraryEntryView } from './library-api.ts';

export interface EntryCommands {
  edit(v: LibraryEntryView): void;
  approve(v: LibraryEntryView): void;
  refuse(v: LibraryEntryView, reason: string): void;
  retire(v: LibraryEntryView): void;
  reinstate(v: LibraryEntryView): void;
  withdraw(v: LibraryEntryView): void;
}

export function EntryActions({
  view,
  decides,
  applied,
  busy,
  commands,
}: {
  view: LibraryEntryView;
  /** The user reviews the entry's bureau. */
  decides: boolean;
  /** The entry is the user's unit's application. */
  applied: boolean;
  busy: boolean;
  commands: EntryCommands;
}) {
  const m = useMessages().library.page;
  const [refusing, setRefusing] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const state = view.entry.status.state;
  const name = view.entry.level3;
  const edits = (decides && state !== 'refused') || (applied && state === 'proposed');
  /** A small button, named with the entry for screen readers, that asks before it acts. */
  const confirmed = (label: string, question: string, act: () => void) => (
    <Popconfirm title={question} okText={m.confirm} cancelText={m.cancel} onConfirm={act}>
      <Button size="small" aria-label={`${label} ${name}`} disabled={busy}>
        {label}
      </Button>
    </Popconfirm>
  );
  return (
    <Space size={4} wrap>
      {edits && (
        <Button size="small" aria-label={`${m.edit} ${name}`} disabled={busy} onClick={() => commands.edit(view)}>
          {m.edit}
        </Button>
      )}
      {decides && state === 'proposed' && (
        <>
          <Button size="small" type="primary" aria-label={`${m.approve} ${name}`} disabled={busy} onClick={() => commands.approve(view)}>
            {m.approve}
          </Button>
          <Button size="small" danger aria-label={`${m.refuse} ${name}`} disabled={busy} onClick={() => setRefusing(true)}>
            {m.refuse}
          </Button>
        </>
      )}
      {decides && state === 'approved' && confirmed(m.retire, m.retireConfirm, () => commands.retire(view))}
      {decides && state === 'retired' && confirmed(m.reinstate, m.reinstateConfirm, () => commands.reinstate(view))}
      {applied && state === 'proposed' && confirmed(m.withdraw, m.withdrawConfirm, () => commands.withdraw(view))}
      <Modal
        open={refusing}
        title={`${m.reasonTitle}：${name}`}
        okText={m.refuse}
        cancelText={m.cancel}
        okButtonProps={{ danger: true, loading: busy }}
        onCancel={() => setRefusing(false)}
        onOk={() => form.submit()}
        destroyOnHidden
      >
        <Form
          form={form}
          layout="vertical"
          onFinish={({ reason }) => {
            commands.refuse(view, reason.trim());
            setRefusing(false);
          }}
        >
          <Form.Item name="reason" label={m.reason} rules={[{ required: true, whitespace: true, message: m.reasonRequired }]}>
            <Input.TextArea aria-label={m.reason} autoSize={{ minRows: 2, maxRows: 5 }} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
