/** Budget units: find by bureau or text, add one under a bureau, rename it or move it to another bureau. */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { endpoints } from '../api/endpoints.ts';
import type { UnitRecord } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import { CursorPager } from '../list/CursorPager.tsx';
import { useCursorList } from '../list/cursor-paging.ts';
import { queries, stale } from '../api/queries.ts';
import { UnitsUpload } from './UnitsUpload.tsx';

type Editing = { unit: UnitRecord | null; code: string; name: string; bureauId: number | null };

export function UnitsPanel() {
  const w = useMessages().web;
  const m = w.admin;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [filter, setFilter] = useState<{ bureauId?: number; q?: string }>({});
  const [editing, setEditing] = useState<Editing | null>(null);
  const bureaus = useQuery(queries.bureaus());
  const units = useCursorList(filter, (page) => queries.adminUnits({ ...filter, ...page }));
  const bureauOptions = (bureaus.data ?? []).map((b) => ({ value: b.id, label: `${'　'.repeat(b.depth)}${b.name}` }));
  const bureauName = (id: number) => bureaus.data?.find((b) => b.id === id)?.name ?? '';
  const save = useMutation({
    mutationFn: (e: Editing) =>
      e.unit === null
        ? endpoints.createUnit({ code: e.code.trim(), name: e.name.trim(), bureauId: e.bureauId! })
        : endpoints.updateUnit(e.unit.id, { name: e.name.trim(), bureauId: e.bureauId! }),
    onSuccess: async () => {
      setEditing(null);
      message.success(m.unitSaved);
      await stale.units(client);
    },
    onError: (e) => message.error(e.message || w.common.networkError),
  });
  const valid =
    editing !== null && editing.name.trim() !== '' && editing.bureauId !== null && (editing.unit !== null || editing.code.trim() !== '');
  return (
    <div className="admin-units">
      <Space className="admin-toolbar" wrap>
        <Select
          aria-label={w.common.bureau}
          allowClear
          placeholder={w.common.all}
          value={filter.bureauId}
          onChange={(bureauId?: number) => setFilter({ ...filter, bureauId })}
          options={bureauOptions}
          style={{ width: 200 }}
        />
        <Input.Search
          aria-label={m.searchUnits}
          placeholder={m.searchUnits}
          allowClear
          onSearch={(q) => setFilter({ ...filter, q: q || undefined })}
          style={{ width: 240 }}
        />
        <Button
          type="primary"
          icon={<PlusOutlined />}
          onClick={() => setEditing({ unit: null, code: '', name: '', bureauId: filter.bureauId ?? null })}
        >
          {m.newUnit}
        </Button>
        <UnitsUpload />
      </Space>
      <Table<UnitRecord>
        rowKey="id"
        size="middle"
        loading={units.list.isFetching}
        dataSource={units.list.data?.items ?? []}
        pagination={false}
        columns={[
          { title: m.code, dataIndex: 'code', width: 140, render: (v: string) => <span className="mono">{v}</span> },
          { title: m.name, dataIndex: 'name' },
          { title: w.common.bureau, key: 'bureau', render: (_, u) => bureauName(u.bureauId) },
          {
            title: w.common.actions,
            key: 'actions',
            width: 100,
            render: (_, u) => (
              <Button size="small" onClick={() => setEditing({ unit: u, code: u.code, name: u.name, bureauId: u.bureauId })}>
                {m.edit}
              </Button>
            ),
          },
        ]}
      />
      <CursorPager {...units.pager} />
      <Modal
        open={editing !== null}
        title={editing?.unit ? m.editUnit(editing.unit.name) : m.newUnit}
        okText={m.save}
        okButtonProps={{ disabled: !valid, loading: save.isPending }}
        onOk={() => editing && save.mutate(editing)}
        onCancel={() => setEditing(null)}
        destroyOnHidden
      >
        {editing && (
          <Form layout="vertical">
            <Form.Item label={m.code}>
              <Input
                aria-label={m.code}
                value={editing.code}
                disabled={editing.unit !== null}
                onChange={(e) => setEditing({ ...editing, code: e.target.value })}
              />
            </Form.Item>
            <Form.Item label={m.name}>
              <Input aria-label={m.name} value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} />
            </Form.Item>
            <Form.Item label={w.common.bureau}>
              <Select
                aria-label={w.common.bureau}
                value={editing.bureauId ?? undefined}
                onChange={(bureauId: number) => setEditing({ ...editing, bureauId })}
                options={bureauOptions}
              />
            </Form.Item>
          </Form>
        )}
      </Modal>
    </div>
  );
}
