/**
 * 绩效目标批复 (/notices): a reviewer's notices (their bureau's and those under it) with year and state
 * filters, newest first, a page at a time by cursor, and a new draft; a unit's 批复 — the notices
 * issued to it — each with its 批复表 to download on the notice's page.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Form, InputNumber, Select, Space, Table, Tag, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { useCursorList, pageRows } from '../list/cursor-paging.ts';
import { CursorPager } from '../list/CursorPager.tsx';
import { useListAddress } from '../list/useListAddress.ts';
import { NoticeForm } from './NoticeForm.tsx';
import {
  noticeEndpoints,
  noticeQueries,
  noticesStale,
  STATE_COLORS,
  type NoticeCreate,
  type NoticeState,
  type NoticeView,
} from './notice-api.ts';

const STATES: readonly NoticeState[] = ['draft', 'issued', 'withdrawn'];

export default function NoticesPage() {
  const all = useMessages();
  const m = all.notices.page;
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { user } = useSession();
  const reviewer = user?.role === 'reviewer';
  const { params, set } = useListAddress();
  const filter = useMemo(() => {
    const year = Number(params.get('year'));
    const state = params.get('state') ?? '';
    return {
      year: Number.isInteger(year) && year > 0 ? year : undefined,
      state: (STATES as readonly string[]).includes(state) ? (state as NoticeState) : undefined,
    };
  }, [params]);
  const { list, pager } = useCursorList(filter, (page) => noticeQueries.list({ ...filter, ...page }));
  const [creating, setCreating] = useState(false);
  const create = useMutation({
    mutationFn: (body: NoticeCreate) => noticeEndpoints.create(body),
    onSuccess: async (n) => {
      message.success(m.created);
      setCreating(false);
      await noticesStale(client);
      navigate(`/notices/${n.id}`);
    },
    onError: (e: Error) => message.error(e.message || all.web.common.networkError),
  });

  return (
    <div className="notices-page">
      <Typography.Title level={3}>{reviewer ? m.title : m.unitTitle}</Typography.Title>
      <Typography.Paragraph type="secondary">{reviewer ? m.intro : m.unitIntro}</Typography.Paragraph>
      <Card size="small" className="filters">
        <Form layout="inline" className="filter-form">
          <Form.Item label={m.year}>
            <InputNumber
              aria-label={m.year}
              min={1990}
              max={2100}
              value={filter.year ?? null}
              onChange={(v) => set({ year: v === null ? undefined : String(v) })}
            />
          </Form.Item>
          <Form.Item label={m.state}>
            <Select
              aria-label={m.state}
              allowClear
              style={{ width: 130 }}
              value={filter.state ?? null}
              onChange={(v) => set({ state: v ?? undefined })}
              options={STATES.filter((s) => reviewer || s !== 'draft').map((s) => ({ value: s, label: all.notices.states[s] }))}
            />
          </Form.Item>
        </Form>
      </Card>
      {reviewer && (
        <Space className="page-actions">
          <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
            {m.create}
          </Button>
        </Space>
      )}
      <Table<NoticeView>
        rowKey="id"
        size="middle"
        {...pageRows(list)}
        locale={{ emptyText: m.empty }}
        columns={[
          { title: m.number, key: 'number', width: 180, render: (_, n) => <Link to={`/notices/${n.id}`}>{n.number}</Link> },
          { title: m.noticeTitle, dataIndex: 'title', key: 'title' },
          { title: m.year, dataIndex: 'year', key: 'year', width: 80 },
          { title: m.date, dataIndex: 'date', key: 'date', width: 120 },
          { title: m.documentCount, dataIndex: 'documentCount', key: 'documentCount', width: 90 },
          {
            title: m.state,
            key: 'state',
            width: 100,
            render: (_, n) => (
              <Tag color={STATE_COLORS[n.state]} data-state={n.state}>
                {all.notices.states[n.state]}
              </Tag>
            ),
          },
          { title: all.web.common.actions, key: 'open', width: 80, render: (_, n) => <Link to={`/notices/${n.id}`}>{m.open}</Link> },
        ]}
      />
      <CursorPager {...pager} />
      {creating && (
        <NoticeForm
          title={m.create}
          withYear
          busy={create.isPending}
          onCancel={() => setCreating(false)}
          onSubmit={(v) => create.mutate({ ...v, year: v.year ?? new Date().getFullYear() })}
        />
      )}
    </div>
  );
}
