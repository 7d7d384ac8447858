/**
 * One 目标调整 request: what it asks (reason, effective date), what it changes against the targets
 * in force (the 修改对比's changes) and the review findings of the adjusted targets. The unit edits a
 * draft or returned request in the editor's tables, saves and submits it, or withdraws it; a reviewer
 * returns a submitted one with a comment or approves it.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Input, Modal, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link, useParams } from 'react-router';
import type { TargetDocument } from '../../core/model/document.ts';
import type { AdjustmentView } from '../api/adjustment-types.ts';
import { ApiFailure } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { FindingsPanel } from '../editor/FindingsPanel.tsx';
import { YearDatePicker } from '../monitoring/YearDatePicker.tsx';
import { Changes } from '../review/VersionDiff.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { LoadFailure } from '../shell/LoadFailure.tsx';
import { AdjustmentEditor } from './AdjustmentEditor.tsx';
import { AdjustmentStateTag } from './AdjustmentStateTag.tsx';

type Step = 'submit' | 'withdraw' | 'return' | 'approve';

export default function AdjustmentPage() {
  const m = useMessages();
  const a = m.adjustments.page;
  const id = Number(useParams().id);
  const { user } = useSession();
  const client = useQueryClient();
  const { message } = App.useApp();
  const query = useQuery({ queryKey: ['adjustment', id], queryFn: () => endpoints.adjustment(id) });
  const [reason, setReason] = useState('');
  const [date, setDate] = useState<string | null>(null);
  const [content, setContent] = useState<TargetDocument | null>(null);
  const [deciding, setDeciding] = useState<'return' | 'approve' | null>(null);
  const [comment, setComment] = useState('');
  const data = query.data;

  useEffect(() => {
    if (!data) return;
    setReason(data.reason);
    setDate(data.effectiveDate);
  }, [data]);

  const shown = (v: AdjustmentView) => {
    client.setQueryData(['adjustment', id], v);
    void client.invalidateQueries({ queryKey: ['adjustments'] });
  };
  const failed = (e: unknown) => {
    message.error(e instanceof ApiFailure && e.message ? e.message : m.web.common.networkError);
    if (e instanceof ApiFailure && e.status === 409) void query.refetch();
  };
  const save = useMutation({
    mutationFn: () =>
      endpoints.saveAdjustment(id, data!.version, { reason, effectiveDate: date ?? undefined, ...(content ? { content } : {}) }),
    onSuccess: (v) => {
      shown(v);
      setContent(null);
      message.success(a.saved);
    },
    onError: failed,
  });
  const step = useMutation({
    mutationFn: async (what: Step) => {
      // What is on screen goes in with the submission.
      const current =
        what === 'submit' && (content || reason !== data!.reason || date !== data!.effectiveDate) ? await save.mutateAsync() : data!;
      return endpoints.adjustmentStep(id, current.version, what, comment.trim() || undefined);
    },
    onSuccess: (v, what) => {
      shown(v);
      setDeciding(null);
      setComment('');
      message.success({ submit: a.submitted, withdraw: a.withdrawn, return: a.returned, approve: a.approved }[what]);
    },
    onError: failed,
  });

  if (query.error) return <LoadFailure error={query.error} />;
  if (!data) return <PageLoading />;
  const doc = data.baseContent;
  const own = user?.role === 'unit';
  const editable = own && (data.state === 'draft' || data.state === 'returned');
  const reviewing = user?.role === 'reviewer' && data.state === 'submitted';
  const busy = save.isPending || step.isPending;

  return (
    <div className="adjustment-page">
      <Typography.Title level={3}>
        {a.documentTitle(doc.unit.name, doc.year ?? 0)} · {a.numberValue(data.number)} <AdjustmentStateTag state={data.state} />
      </Typography.Title>
      <Descriptions
        size="small"
        column={2}
        items={[
          { key: 'by', label: a.createdBy, children: data.createdByName },
          { key: 'at', label: a.createdAt, children: new Date(data.createdAt).toLocaleString() },
          ...(data.decidedByName ? [{ key: 'decided', label: a.decidedBy, children: data.decidedByName }] : []),
          ...(data.approvedVersion !== null ? [{ key: 'v', label: a.state, children: a.approvedVersion(data.approvedVersion) }] : []),
        ]}
      />
      {data.reviewComment && (
        <Alert type={data.state === 'returned' ? 'warning' : 'info'} showIcon title={`${a.reviewComment}：${data.reviewComment}`} />
      )}
      <Space direction="vertical" style={{ width: '100%', marginTop: 16 }}>
        <label className="adjustment-field">
          <Typography.Text strong>{a.reason}</Typography.Text>
          <Input.TextArea
            aria-label={a.reason}
            value={reason}
            disabled={!editable}
            autoSize={{ minRows: 2 }}
            onChange={(e) => setReason(e.target.value)}
          />
        </label>
        <label className="adjustment-field">
          <Typography.Text strong>{a.effectiveDate}</Typography.Text>
          <YearDatePicker
            aria-label={a.effectiveDate}
            year={doc.year ?? new Date().getFullYear()}
            value={date}
            onChange={setDate}
            disabled={!editable}
          />
        </label>
        {data.state === 'approved' && (
          <Link to={`/documents/${data.documentId}/monitoring?date=${data.effectiveDate}`}>{a.monitoringLink}</Link>
        )}
      </Space>

      <Space wrap style={{ margin: '16px 0' }}>
        {editable && (
          <>
            <Button onClick={() => save.mutate()} loading={save.isPending} disabled={busy}>
              {a.save}
            </Button>
            <Button type="primary" onClick={() => step.mutate('submit')} loading={step.isPending} disabled={busy}>
              {a.submit}
            </Button>
          </>
        )}
        {own && ['draft', 'submitted', 'returned'].includes(data.state) && (
          <Button
            danger
            onClick={() => Modal.confirm({ title: a.withdrawConfirm, onOk: () => step.mutateAsync('withdraw') })}
            disabled={busy}
          >
            {a.withdraw}
          </Button>
        )}
        {reviewing && (
          <>
            <Button onClick={() => setDeciding('return')} disabled={busy}>
              {a.return}
            </Button>
            <Button type="primary" onClick={() => setDeciding('approve')} disabled={busy}>
              {a.approve}
            </Button>
          </>
        )}
      </Space>

      {/* The editor's layout: the changes and the tables, the findings beside them. */}
      <div className="editor-body">
        <div className="editor-main">
          <section className="adjustment-changes" data-testid="adjustment-changes">
            <Typography.Title level={4}>{a.changes}</Typography.Title>
            {data.changes.length === 0 ? (
              <Typography.Paragraph type="secondary">{a.noChanges}</Typography.Paragraph>
            ) : (
              <Changes parts={data.changes} />
            )}
          </section>
          {editable && (
            <section className="adjustment-content">
              <AdjustmentEditor key={data.version} content={data.content} onChange={setContent} />
            </section>
          )}
        </div>
        <FindingsPanel title={a.findings} part={data.findings} all={data.findings} />
      </div>

      <Modal
        open={deciding !== null}
        title={deciding === 'return' ? a.return : a.approve}
        okText={deciding === 'return' ? a.return : a.approve}
        okButtonProps={{ disabled: deciding === 'return' && comment.trim() === '', loading: step.isPending }}
        onOk={() => deciding && step.mutate(deciding)}
        onCancel={() => setDeciding(null)}
      >
        <Input.TextArea
          aria-label={deciding === 'return' ? a.returnComment : a.approveComment}
          placeholder={deciding === 'return' ? a.returnComment : a.approveComment}
          value={comment}
          autoSize={{ minRows: 3 }}
          onChange={(e) => setComment(e.target.value)}
        />
      </Modal>
    </div>
  );
}
