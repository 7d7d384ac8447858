/**
 * One approval notice (/notices/:id): its head (文号, title, date, text, state), the notice as Word or
 * PDF, and the targets it covers, each with its 批复表 in Word or PDF. A reviewer over its bureau edits a
 * draft, adds approved targets through the picker, removes them, issues it (then it is fixed), deletes
 * a draft, or withdraws an issued notice with a reason. A unit sees its own targets in it.
 */
import { DownloadOutlined, PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Form, Input, Modal, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { useCursorList, pageRows } from '../list/cursor-paging.ts';
import { CursorPager } from '../list/CursorPager.tsx';
import { LoadFailure } from '../shell/LoadFailure.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { DocumentPicker } from './DocumentPicker.tsx';
import { NoticeForm } from './NoticeForm.tsx';
import {
  formHref,
  noticeEndpoints,
  noticeHref,
  noticeQueries,
  noticesStale,
  STATE_COLORS,
  type NoticeDocument,
  type NoticeView,
} from './notice-api.ts';

const downloads = (href: (f: 'docx' | 'pdf') => string, label: (f: string) => string, testId: string) => (
  <Space size="small" wrap>
    <Button size="small" icon={<DownloadOutlined />} href={href('docx')} data-testid={`${testId}-docx`}>
      {label('Word')}
    </Button>
    <Button size="small" icon={<DownloadOutlined />} href={href('pdf')} data-testid={`${testId}-pdf`}>
      {label('PDF')}
    </Button>
  </Space>
);

export default function NoticePage() {
  const all = useMessages();
  const m = all.notices.page;
  const id = Number(useParams().id);
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const { user } = useSession();
  const notice = useQuery(noticeQueries.one(id));
  const { list, pager } = useCursorList({ id }, (page) => noticeQueries.documents(id, page));
  const [editing, setEditing] = useState(false);
  const [picking, setPicking] = useState(false);
  const [withdrawing, setWithdrawing] = useState(false);
  const [reason] = Form.useForm<{ reason: string }>();

  const write = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onError: (e: Error) => message.error(e.message || all.web.common.networkError),
  });
  const run = (call: () => Promise<unknown>, done: string, after?: () => void) =>
    write.mutate(call, {
      onSuccess: async () => {
        message.success(done);
        after?.();
        await noticesStale(client);
      },
    });

  if (notice.isPending) return <PageLoading />;
  if (notice.isError) return <LoadFailure error={notice.error} />;
  const n: NoticeView = notice.data;
  // The reviewer of the notice's bureau: the server checks the bureau too, a reviewer above it also writes.
  const writes = user?.role === 'reviewer';
  const draft = writes && n.state === 'draft';

  return (
    <div className="notice-page">
      <Link to="/notices">{m.back}</Link>
      <Typography.Title level={3}>
        {n.title}{' '}
        <Tag color={STATE_COLORS[n.state]} data-testid="notice-state">
          {all.notices.states[n.state]}
        </Tag>
      </Typography.Title>
      <Descriptions size="small" column={{ xs: 1, md: 3 }} bordered>
        <Descriptions.Item label={m.number}>{n.number}</Descriptions.Item>
        <Descriptions.Item label={m.date}>{n.date}</Descriptions.Item>
        <Descriptions.Item label={m.year}>{n.year}</Descriptions.Item>
        <Descriptions.Item label={all.web.common.bureau}>{n.bureauName}</Descriptions.Item>
        {n.issuedAt && (
          <Descriptions.Item
            label={m.issuedAt}
          >{`${new Date(n.issuedAt).toLocaleString('zh-CN')} ${n.issuedByName ?? ''}`}</Descriptions.Item>
        )}
        {n.withdrawnReason && <Descriptions.Item label={m.withdrawnReason}>{n.withdrawnReason}</Descriptions.Item>}
      </Descriptions>
      {n.body && <Typography.Paragraph className="notice-body">{n.body}</Typography.Paragraph>}
      {n.state === 'withdrawn' && <Alert type="warning" showIcon message={`${m.withdrawnReason}：${n.withdrawnReason ?? ''}`} />}
      <Space className="page-actions" wrap>
        {draft && (
          <>
            <Button onClick={() => setEditing(true)}>{m.edit}</Button>
            <Button icon={<PlusOutlined />} onClick={() => setPicking(true)}>
              {m.addDocuments}
            </Button>
            <Button
              type="primary"
              disabled={n.documentCount === 0}
              onClick={() => modal.confirm({ title: m.issueConfirm, onOk: () => run(() => noticeEndpoints.issue(n), m.issued) })}
            >
              {m.issue}
            </Button>
            <Button
              danger
              onClick={() =>
                modal.confirm({
                  title: m.delete,
                  okButtonProps: { danger: true },
                  onOk: () =>
                    run(
                      () => noticeEndpoints.remove(n),
                      m.deleted,
                      () => navigate('/notices'),
                    ),
                })
              }
            >
              {m.delete}
            </Button>
          </>
        )}
        {writes && n.state === 'issued' && (
          <Button danger onClick={() => setWithdrawing(true)}>
            {m.withdraw}
          </Button>
        )}
        {n.documentCount > 0 && downloads((f) => noticeHref(n.id, f), m.downloadNotice, 'notice-download')}
      </Space>
      <Typography.Title level={4}>{m.documents}</Typography.Title>
      <Table<NoticeDocument>
        rowKey="documentId"
        size="middle"
        {...pageRows(list)}
        locale={{ emptyText: m.noDocuments }}
        columns={[
          { title: m.unit, key: 'unit', render: (_, d) => `${d.unitCode} ${d.unitName}` },
          { title: m.version, key: 'version', width: 110, render: (_, d) => m.coveredVersion(d.version) },
          { title: m.projects, dataIndex: 'projectCount', key: 'projects', width: 80 },
          { title: m.budget, dataIndex: 'budgetTotal', key: 'budget', width: 130, align: 'right' },
          {
            title: all.web.common.actions,
            key: 'actions',
            width: 330,
            render: (_, d) => (
              <Space size="small" wrap>
                {downloads((f) => formHref(n.id, d.documentId, f), m.downloadForm, `form-download-${d.documentId}`)}
                {draft && (
                  <Button size="small" danger onClick={() => run(() => noticeEndpoints.drop(n, d.documentId), m.removed)}>
                    {m.remove}
                  </Button>
                )}
              </Space>
            ),
          },
        ]}
      />
      <CursorPager {...pager} />
      {editing && (
        <NoticeForm
          title={m.edit}
          initial={{ number: n.number, title: n.title, date: n.date, body: n.body }}
          busy={write.isPending}
          onCancel={() => setEditing(false)}
          onSubmit={(v) =>
            run(
              () => noticeEndpoints.edit(n, v),
              m.saved,
              () => setEditing(false),
            )
          }
        />
      )}
      {picking && (
        <DocumentPicker
          notice={n}
          busy={write.isPending}
          onCancel={() => setPicking(false)}
          onAdd={(ids) =>
            run(
              () => noticeEndpoints.add(n, ids),
              m.added(ids.length),
              () => setPicking(false),
            )
          }
        />
      )}
      {withdrawing && (
        <Modal
          open
          title={m.withdraw}
          okText={m.withdraw}
          okButtonProps={{ danger: true }}
          confirmLoading={write.isPending}
          onCancel={() => setWithdrawing(false)}
          onOk={() => reason.submit()}
        >
          <Form
            form={reason}
            layout="vertical"
            onFinish={(v) =>
              run(
                () => noticeEndpoints.withdraw(n, v.reason),
                m.withdrawn,
                () => setWithdrawing(false),
              )
            }
          >
            <Form.Item name="reason" label={m.withdrawReason} rules={[{ required: true, whitespace: true, message: m.withdrawReason }]}>
              <Input.TextArea rows={3} maxLength={1000} />
            </Form.Item>
          </Form>
        </Modal>
      )}
    </div>
  );
}
