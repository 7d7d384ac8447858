/**
 * /transfers: the transfer-payment funds a reviewer's bureau set or was issued, newest year first, a
 * page at a time by cursor; a reviewer sets a new one (新建专项) and goes on to it.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { FundContent } from '../../core/transfer/fund.ts';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { useCursorList, pageRows } from '../list/cursor-paging.ts';
import { CursorPager } from '../list/CursorPager.tsx';
import { FundEditor } from './FundEditor.tsx';
import { transferEndpoints, transferQueries, transferStale, type FundSummary } from './transfer-api.ts';

const NEW_FUND: FundContent = {
  year: new Date().getFullYear(),
  code: '',
  name: '',
  department: '',
  amount: '',
  amountCentral: null,
  amountLocal: null,
  goal: '',
  indicators: [{ level1: '产出指标', level2: '数量指标', level3: '', target: '' }],
};

export default function TransferListPage() {
  const all = useMessages();
  const m = all.transfer.page;
  const { message } = App.useApp();
  const { user } = useSession();
  const navigate = useNavigate();
  const client = useQueryClient();
  const { list, pager } = useCursorList({}, (page) => transferQueries.list(page));
  const [creating, setCreating] = useState(false);
  const create = useMutation({
    mutationFn: (fund: FundContent) => transferEndpoints.create(fund),
    onSuccess: async (f) => {
      message.success(m.created);
      await transferStale(client);
      navigate(`/transfers/${f.id}`);
    },
    onError: (e: Error) => message.error(e.message || all.web.common.networkError),
  });

  return (
    <div className="transfer-page">
      <Typography.Title level={3}>{m.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{m.intro}</Typography.Paragraph>
      {user?.role === 'reviewer' && (
        <Space className="page-actions">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {m.create}
          </Button>
        </Space>
      )}
      <Table<FundSummary>
        rowKey="id"
        size="middle"
        {...pageRows(list)}
        locale={{ emptyText: m.empty }}
        columns={[
          { title: m.year, dataIndex: 'year', width: 70 },
          { title: m.code, dataIndex: 'code', width: 170 },
          { title: m.name, key: 'name', render: (_, f) => <Link to={`/transfers/${f.id}`}>{f.name}</Link> },
          { title: m.issuer, key: 'issuer', width: 150, render: (_, f) => f.bureau.name },
          { title: m.amount, dataIndex: 'amount', width: 130, align: 'right' },
          {
            title: m.state,
            key: 'state',
            width: 90,
            render: (_, f) => <Tag color={f.state === 'issued' ? 'success' : 'default'}>{all.transfer.states[f.state]}</Tag>,
          },
        ]}
      />
      <CursorPager {...pager} />
      <Modal open={creating} title={m.create} onCancel={() => setCreating(false)} footer={null} width={960} destroyOnHidden>
        <FundEditor initial={NEW_FUND} regions={null} saving={create.isPending} onSave={(fund) => create.mutate(fund)} />
      </Modal>
    </div>
  );
}
