/** Finance bureaus as their tree (province → city → county): add a bureau at the top or under one, rename one. */
import { EditOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Empty, Form, Input, Modal, Space, Tree, Typography } from 'antd';
import { useMemo, useState, type ReactNode } from 'react';
import { endpoints } from '../api/endpoints.ts';
import type { Bureau } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import { bureauTree, type BureauNode } from './bureau-tree.ts';
import { queries, stale } from '../api/queries.ts';

interface TreeNode {
  key: number;
  title: ReactNode;
  children: TreeNode[];
}

type Editing = { kind: 'create'; parent: Bureau | null; code: string; name: string } | { kind: 'rename'; bureau: Bureau; name: string };

export function BureausPanel() {
  const w = useMessages().web;
  const m = w.admin;
  const { message } = App.useApp();
  const client = useQueryClient();
  const bureaus = useQuery(queries.adminBureaus());
  const [editing, setEditing] = useState<Editing | null>(null);
  const tree = useMemo(() => bureauTree(bureaus.data ?? []), [bureaus.data]);
  const save = useMutation({
    mutationFn: (e: Editing) =>
      e.kind === 'create'
        ? endpoints.createBureau({ code: e.code.trim(), name: e.name.trim(), parentId: e.parent?.id ?? null })
        : endpoints.renameBureau(e.bureau.id, e.name.trim()),
    onSuccess: async () => {
      setEditing(null);
      message.success(m.bureauSaved);
      await stale.bureaus(client);
    },
    onError: (e) => message.error(e.message || w.common.networkError),
  });
  const toData = (nodes: BureauNode[]): TreeNode[] =>
    nodes.map((n) => ({
      key: n.key,
      title: (
        <Space size={4} className="bureau-node">
          <span className="mono">{n.bureau.code}</span>
          <span>{n.bureau.name}</span>
          <Button
            size="small"
            type="text"
            icon={<PlusOutlined />}
            aria-label={m.addUnder(n.bureau.name)}
            title={m.addUnder(n.bureau.name)}
            onClick={() => setEditing({ kind: 'create', parent: n.bureau, code: '', name: '' })}
          />
          <Button
            size="small"
            type="text"
            icon={<EditOutlined />}
            aria-label={m.rename(n.bureau.name)}
            title={m.rename(n.bureau.name)}
            onClick={() => setEditing({ kind: 'rename', bureau: n.bureau, name: n.bureau.name })}
          />
        </Space>
      ),
      children: toData(n.children),
    }));
  const valid = editing !== null && editing.name.trim() !== '' && (editing.kind === 'rename' || editing.code.trim() !== '');
  return (
    <div className="admin-bureaus">
      <Space className="admin-toolbar">
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setEditing({ kind: 'create', parent: null, code: '', name: '' })}>
          {m.newTopBureau}
        </Button>
      </Space>
      {tree.length === 0 ? <Empty /> : <Tree treeData={toData(tree)} defaultExpandAll selectable={false} blockNode />}
      <Modal
        open={editing !== null}
        title={
          editing?.kind === 'rename' ? m.rename(editing.bureau.name) : editing?.parent ? m.addUnder(editing.parent.name) : m.newTopBureau
        }
        okButtonProps={{ disabled: !valid, loading: save.isPending }}
        okText={m.save}
        onOk={() => editing && save.mutate(editing)}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        {editing && (
          <Form layout="vertical">
            {editing.kind === 'create' && (
              <>
                {editing.parent && <Typography.Paragraph type="secondary">{m.parent(editing.parent.name)}</Typography.Paragraph>}
                <Form.Item label={m.code}>
                  <Input aria-label={m.code} value={editing.code} onChange={(e) => setEditing({ ...editing, code: e.target.value })} />
                </Form.Item>
              </>
            )}
            <Form.Item label={m.name}>
              <Input aria-label={m.name} value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </div>
  );
}
