/**
 * What was issued to one region: its money and 指标值, whether it was accepted, and the projects it is
 * broken down to. The receiving bureau's reviewer accepts it and breaks it down: a project of its units,
 * the money that project spends and, per fund row, the project's indicator row that carries it.
 */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import type { FundIndicator } from '../../core/transfer/fund.ts';
import { api } from '../api/client.ts';
import { useMessages } from '../app/locale.tsx';
import { transferQueries, type AllocationView, type BreakdownView } from './transfer-api.ts';

interface StoredRow {
  id: number;
  level1: string;
  level2: string;
  level3: string;
  description: string;
  target: string;
}

export interface AllocationCommands {
  accept(a: AllocationView): void;
  add(a: AllocationView, projectId: number, amount: string, mapping: (number | null)[]): Promise<unknown>;
  remove(b: BreakdownView): void;
}

export function AllocationCard({
  allocation: a,
  indicators,
  receiver,
  busy,
  commands,
}: {
  allocation: AllocationView;
  indicators: readonly FundIndicator[];
  receiver: boolean;
  busy: boolean;
  commands: AllocationCommands;
}) {
  const all = useMessages().transfer;
  const m = all.page;
  const [adding, setAdding] = useState(false);
  return (
    <Card
      size="small"
      className="transfer-allocation"
      data-testid="allocation"
      title={m.allocationTitle(a.bureau.name)}
      extra={
        <Space>
          <Tag color={a.state === 'accepted' ? 'success' : 'processing'}>{all.allocationStates[a.state]}</Tag>
          {receiver && a.state === 'issued' && (
            <Button type="primary" size="small" loading={busy} onClick={() => commands.accept(a)}>
              {m.accept}
            </Button>
          )}
        </Space>
      }
    >
      <Descriptions size="small" column={1} items={[{ key: 'amount', label: m.amount, children: a.amount }]} />
      <Table
        size="small"
        pagination={false}
        rowKey="key"
        dataSource={indicators.map((ind, k) => ({ ...ind, key: k, regionTarget: a.targets[k] ?? '' }))}
        columns={[
          { title: m.level1, dataIndex: 'level1', width: 100 },
          { title: m.level2, dataIndex: 'level2', width: 130 },
          { title: m.level3, dataIndex: 'level3' },
          { title: m.target, dataIndex: 'regionTarget', width: 120 },
        ]}
      />
      <Typography.Title level={5}>{m.breakdowns}</Typography.Title>
      <Table<BreakdownView>
        size="small"
        rowKey="id"
        pagination={false}
        locale={{ emptyText: m.noBreakdowns }}
        dataSource={a.breakdowns}
        columns={[
          { title: m.project, key: 'project', render: (_, b) => `${b.project.code} ${b.project.name}` },
          { title: m.unit, key: 'unit', width: 140, render: (_, b) => b.project.unitName },
          { title: m.amount, dataIndex: 'amount', width: 120 },
          {
            title: m.mapping,
            key: 'mapping',
            width: 220,
            render: (_, b) =>
              indicators
                .filter((_, k) => b.mapping[k] !== null && b.mapping[k] !== undefined)
                .map((ind) => ind.level3)
                .join('、') || m.notCarried,
          },
          ...(receiver
            ? [
                {
                  title: m.remove,
                  key: 'remove',
                  width: 80,
                  render: (_: unknown, b: BreakdownView) => (
                    <Button
                      size="small"
                      aria-label={`${m.remove} ${b.project.name}`}
                      icon={<DeleteOutlined />}
                      onClick={() => commands.remove(b)}
                    />
                  ),
                },
              ]
            : []),
        ]}
      />
      {receiver && (
        <Button className="transfer-add" icon={<PlusOutlined />} onClick={() => setAdding(true)}>
          {m.addBreakdown}
        </Button>
      )}
      {adding && (
        <BreakdownForm
          allocation={a}
          indicators={indicators}
          busy={busy}
          onClose={() => setAdding(false)}
          onSubmit={(projectId, amount, mapping) =>
            // A refusal is shown by the page and leaves the form open with what was typed.
            commands.add(a, projectId, amount, mapping).then(
              () => setAdding(false),
              () => undefined,
            )
          }
        />
      )}
    </Card>
  );
}

function BreakdownForm({
  allocation,
  indicators,
  busy,
  onClose,
  onSubmit,
}: {
  allocation: AllocationView;
  indicators: readonly FundIndicator[];
  busy: boolean;
  onClose: () => void;
  onSubmit: (projectId: number, amount: string, mapping: (number | null)[]) => Promise<void>;
}) {
  const m = useMessages().transfer.page;
  const [q, setQ] = useState('');
  const [projectId, setProjectId] = useState<number | null>(null);
  const [form] = Form.useForm<{ amount: string; mapping: (number | null)[] }>();
  const candidates = useQuery(transferQueries.candidates(allocation.id, q));
  const rows = useQuery({
    queryKey: ['transfer', 'project-rows', projectId],
    queryFn: () => api.get<{ project: { indicators: StoredRow[] } }>(`/api/projects/${projectId}`).then((r) => r.project.indicators),
    enabled: projectId !== null,
  });
  const rowOptions = [
    { value: 0, label: m.notCarried },
    ...(rows.data ?? []).map((r, k) => ({ value: r.id, label: `${k + 1}. ${r.level3 || r.description} ${r.target}` })),
  ];
  return (
    <Modal open title={m.addBreakdown} onCancel={onClose} footer={null} width={720} destroyOnHidden>
      <Form
        form={form}
        layout="vertical"
        initialValues={{ amount: '', mapping: indicators.map(() => 0) }}
        onFinish={(v) =>
          projectId !== null &&
          onSubmit(
            projectId,
            v.amount.trim(),
            v.mapping.map((x) => (x ? x : null)),
          )
        }
      >
        <Form.Item label={m.chooseProject} required>
          <Select
            aria-label={m.chooseProject}
            showSearch
            filterOption={false}
            onSearch={setQ}
            loading={candidates.isFetching}
            value={projectId}
            onChange={(v: number) => {
              setProjectId(v);
              form.setFieldValue(
                'mapping',
                indicators.map(() => 0),
              );
            }}
            options={(candidates.data?.items ?? []).map((p) => ({ value: p.projectId, label: `${p.unitName}　${p.code} ${p.name}` }))}
          />
        </Form.Item>
        <Form.Item
          name="amount"
          label={m.amount}
          rules={[{ required: true, pattern: /^[0-9]{1,12}(\.[0-9]{1,6})?$/, message: m.badAmount(m.amount) }]}
        >
          <Input aria-label={m.amount} style={{ width: 160 }} />
        </Form.Item>
        {indicators.map((ind, k) => (
          <Form.Item key={`${ind.level3}-${k}`} name={['mapping', k]} label={m.mappingFor(ind.level3)}>
            <Select aria-label={m.mappingFor(ind.level3)} disabled={projectId === null} options={rowOptions} />
          </Form.Item>
        ))}
        <Space>
          <Button type="primary" htmlType="submit" loading={busy} disabled={projectId === null}>
            {m.save}
          </Button>
          <Button onClick={onClose}>{m.cancel}</Button>
        </Space>
      </Form>
    </Modal>
  );
}
