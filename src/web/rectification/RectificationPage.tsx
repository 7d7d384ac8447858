/**
 * One 整改 item: the finding as it was, what the bureau asks and by when; the unit writes what it
 * did and uploads its evidence, then submits; the reviewer closes the item or sends it back. Every
 * write carries the item's version: someone else's change first is a 409, said so, and the page reloads.
 */
import { CheckOutlined, DownloadOutlined, RollbackOutlined, SendOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, Input, List, Space, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import { nextState } from '../../core/rectification/item.ts';
import { ApiFailure, failureText } from '../api/client.ts';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { PageLoading } from '../shell/Layout.tsx';
import { LoadFailure } from '../shell/LoadFailure.tsx';
import { rectificationApi, rectificationQueries, staleRectifications } from './api.ts';
import { StateTag } from './StateTag.tsx';

const when = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '');

export default function RectificationPage() {
  const msgs = useMessages();
  const m = msgs.rectification;
  const id = Number(useParams().id);
  const { user } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const item = useQuery(rectificationQueries.item(id));
  const [text, setText] = useState<string | null>(null);
  const [note, setNote] = useState('');

  const failed = (e: unknown) => {
    message.error(failureText(e, msgs.web.common.networkError));
    if (e instanceof ApiFailure && e.status === 409) void staleRectifications(client);
  };
  const step = useMutation({
    mutationFn: (what: 'respond' | 'close' | 'reopen') =>
      rectificationApi.step(id, what, item.data!.version, what === 'respond' ? (text ?? item.data!.response) : note),
    onSuccess: async (_, what) => {
      message.success({ respond: m.detail.responded, close: m.detail.closed, reopen: m.detail.reopened }[what]);
      setText(null);
      setNote('');
      await staleRectifications(client);
    },
    onError: failed,
  });
  const upload = useMutation({
    mutationFn: (file: File) => rectificationApi.upload(id, item.data!.version, file),
    onSuccess: async (r) => {
      message.success(m.detail.uploadDone(r.file.fileName));
      await staleRectifications(client);
    },
    onError: failed,
  });

  if (item.error) return <LoadFailure error={item.error} />;
  if (!item.data) return <PageLoading />;
  const r = item.data;
  const unit = user?.role === 'unit' && user.unitId === r.unitId;
  const reviewer = user?.role === 'reviewer';
  const answerable = unit && nextState(r.state, 'respond') !== null;
  const response = text ?? r.response;
  const documentLink = user?.role === 'unit' ? `/documents/${r.documentId}/edit` : `/review/${r.documentId}`;

  return (
    <div className="rectification-page">
      <div className="page-head">
        <div className="page-title">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {m.title} · {r.unitName}
          </Typography.Title>
          <StateTag state={r.state} overdue={r.overdue} />
        </div>
        <Link to="/rectifications">{m.list.title}</Link>
      </div>
      <Card size="small">
        <Descriptions size="small" column={{ xs: 1, md: 2 }} bordered>
          <Descriptions.Item label={m.fields.finding} span={2}>
            <span data-testid="rectification-finding">{r.finding}</span>
          </Descriptions.Item>
          {r.suggestion && (
            <Descriptions.Item label={m.fields.suggestion} span={2}>
              {r.suggestion}
            </Descriptions.Item>
          )}
          <Descriptions.Item label={m.fields.requirement} span={2}>
            {r.requirement}
          </Descriptions.Item>
          <Descriptions.Item label={m.fields.project}>
            <Link to={documentLink}>
              {r.year} · {r.projectName ?? r.unitName}
              {r.indicatorIndex !== null && ` · ${m.fields.indicator(r.indicatorIndex)}`}
            </Link>
          </Descriptions.Item>
          <Descriptions.Item label={m.fields.source}>{m.sources[r.source.kind]}</Descriptions.Item>
          <Descriptions.Item label={m.fields.deadline}>
            <span data-testid="rectification-deadline">{r.deadline}</span>
          </Descriptions.Item>
          <Descriptions.Item label={m.fields.state}>
            <StateTag state={r.state} overdue={r.overdue} />
          </Descriptions.Item>
        </Descriptions>
        <Typography.Paragraph type="secondary" className="rectification-trail">
          {m.fields.createdBy(r.createdByName, when(r.createdAt))}
          {r.respondedByName && `；${m.fields.respondedBy(r.respondedByName, when(r.respondedAt))}`}
          {r.closedByName && `；${m.fields.closedBy(r.closedByName, when(r.closedAt))}`}
        </Typography.Paragraph>
      </Card>

      <Card size="small" title={m.fields.response} className="rectification-response">
        {answerable ? (
          <Input.TextArea
            aria-label={m.fields.response}
            placeholder={m.detail.responsePlaceholder}
            autoSize={{ minRows: 4 }}
            maxLength={4000}
            value={response}
            onChange={(e) => setText(e.target.value)}
          />
        ) : (
          <Typography.Paragraph data-testid="rectification-response">{r.response || '—'}</Typography.Paragraph>
        )}
        <Typography.Title level={5}>{m.fields.evidence}</Typography.Title>
        <List
          size="small"
          dataSource={r.files}
          locale={{ emptyText: m.detail.noEvidence }}
          renderItem={(f) => (
            <List.Item>
              <Button type="link" icon={<DownloadOutlined />} href={rectificationApi.fileUrl(f.id)} download>
                {f.fileName}
              </Button>
              <Typography.Text type="secondary">
                {f.uploadedByName} · {when(f.uploadedAt)}
              </Typography.Text>
            </List.Item>
          )}
        />
        {answerable && (
          <Space wrap className="rectification-actions">
            <Upload
              showUploadList={false}
              beforeUpload={(file) => {
                upload.mutate(file);
                return false;
              }}
            >
              <Button icon={<UploadOutlined />} loading={upload.isPending} disabled={r.files.length >= r.evidenceLimit.files}>
                {m.detail.upload}
              </Button>
            </Upload>
            <Typography.Text type="secondary">{m.detail.fileLimit(r.evidenceLimit.bytes / 1048576, r.evidenceLimit.files)}</Typography.Text>
            <Button
              type="primary"
              icon={<SendOutlined />}
              disabled={response.trim() === ''}
              loading={step.isPending}
              onClick={() => step.mutate('respond')}
            >
              {m.detail.respond}
            </Button>
          </Space>
        )}
      </Card>

      {(reviewer || r.closingNote) && (
        <Card size="small" title={m.fields.closingNote}>
          {r.closingNote && <Typography.Paragraph data-testid="rectification-closing-note">{r.closingNote}</Typography.Paragraph>}
          {reviewer && (nextState(r.state, 'close') !== null || nextState(r.state, 'reopen') !== null) && (
            <Space direction="vertical" style={{ width: '100%' }}>
              <Input.TextArea
                aria-label={m.fields.closingNote}
                placeholder={r.state === 'responded' ? m.detail.closeNotePlaceholder : m.detail.reopenNotePlaceholder}
                autoSize={{ minRows: 2 }}
                maxLength={4000}
                value={note}
                onChange={(e) => setNote(e.target.value)}
              />
              <Space wrap>
                {nextState(r.state, 'close') !== null && (
                  <Button type="primary" icon={<CheckOutlined />} loading={step.isPending} onClick={() => step.mutate('close')}>
                    {m.detail.close}
                  </Button>
                )}
                {nextState(r.state, 'reopen') !== null && (
                  <Button
                    danger
                    icon={<RollbackOutlined />}
                    disabled={note.trim() === ''}
                    loading={step.isPending}
                    onClick={() => step.mutate('reopen')}
                  >
                    {m.detail.reopen}
                  </Button>
                )}
              </Space>
            </Space>
          )}
        </Card>
      )}
    </div>
  );
}
