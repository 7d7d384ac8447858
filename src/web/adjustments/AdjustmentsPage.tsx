/**
 * 目标调整: the requests the user acts on, by state — a reviewer starts on those awaiting review, a
 * unit on its drafts — a page at a time by cursor; and, for a unit, its approved or published targets
 * with 申请目标调整 (a reason and an effective date start a request from the targets in force).
 */
import { useMutation, useQuery } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Segmented, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { AdjustmentState } from '../api/adjustment-types.ts';
import { ApiFailure } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import type { DocumentListItem } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { YearDatePicker } from '../monitoring/YearDatePicker.tsx';
import { AdjustmentStateTag } from './AdjustmentStateTag.tsx';

const STATES: AdjustmentState[] = ['submitted', 'draft', 'returned', 'approved', 'withdrawn'];

export default function AdjustmentsPage() {
  const m = useMessages();
  const a = m.adjustments.page;
  const { user } = useSession();
  const unit = user?.role === 'unit';
  const [state, setState] = useState<AdjustmentState>(unit ? 'draft' : 'submitted');
  const [cursors, setCursors] = useState<string[]>([]);
  const cursor = cursors.at(-1);
  const list = useQuery({ queryKey: ['adjustments', state, cursor], queryFn: () => endpoints.adjustmentQueue(state, cursor) });

  return (
    <div className="adjustments-page">
      <Typography.Title level={3}>{unit ? a.mineTitle : a.queueTitle}</Typography.Title>
      {unit && <AdjustableDocuments />}
      <Segmented
        value={state}
        options={STATES.map((s) => ({ value: s, label: m.adjustments.states[s] }))}
        onChange={(v) => {
          setState(v as AdjustmentState);
          setCursors([]);
        }}
        style={{ margin: '12px 0' }}
      />
      <Table
        rowKey="id"
        loading={list.isPending}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: a.none }}
        columns={[
          { title: a.unit, render: (_, r) => `${r.unitName} ${m.web.common.yearValue(r.year)}` },
          { title: a.number, render: (_, r) => <Link to={`/adjustments/${r.id}`}>{a.numberValue(r.number)}</Link> },
          { title: a.state, render: (_, r) => <AdjustmentStateTag state={r.state} /> },
          { title: a.reason, dataIndex: 'reason', ellipsis: true },
          { title: a.effectiveDate, dataIndex: 'effectiveDate' },
          { title: a.createdBy, dataIndex: 'createdByName' },
        ]}
      />
      <Space style={{ marginTop: 12 }}>
        <Button disabled={cursors.length === 0} onClick={() => setCursors(cursors.slice(0, -1))}>
          {m.web.common.previousPage}
        </Button>
        <Button disabled={!list.data?.nextCursor} onClick={() => setCursors([...cursors, list.data!.nextCursor!])}>
          {m.web.common.nextPage}
        </Button>
      </Space>
    </div>
  );
}

/** The unit's approved and published targets, each with 申请目标调整. */
function AdjustableDocuments() {
  const m = useMessages();
  const a = m.adjustments.page;
  const navigate = useNavigate();
  const { message } = App.useApp();
  const docs = useQuery({
    queryKey: ['documents', 'adjustable'],
    queryFn: () => endpoints.documents({ status: ['approved', 'published'], limit: 50, sort: '-year' }),
  });
  const [asking, setAsking] = useState<DocumentListItem | null>(null);
  const [reason, setReason] = useState('');
  const [date, setDate] = useState<string | null>(null);
  const create = useMutation({
    mutationFn: () => endpoints.requestAdjustment(asking!.id, reason.trim(), date!),
    onSuccess: (r) => navigate(`/adjustments/${r.id}`),
    onError: (e) => message.error(e instanceof ApiFailure && e.message ? e.message : m.web.common.networkError),
  });
  const open = (d: DocumentListItem) => {
    setAsking(d);
    setReason('');
    setDate(`${d.year}-07-01`);
  };
  return (
    <section className="adjustable-documents">
      <Typography.Title level={5}>{a.documents}</Typography.Title>
      <Table
        rowKey="id"
        size="small"
        loading={docs.isPending}
        dataSource={docs.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: a.none }}
        columns={[
          { title: a.document, render: (_, d) => `${d.unitName} ${m.web.common.yearValue(d.year)}` },
          { title: m.web.common.status, render: (_, d) => m.server.statusNames[d.status] },
          {
            title: m.web.common.actions,
            render: (_, d) => (
              <Button size="small" onClick={() => open(d)}>
                {a.request}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={asking !== null}
        title={a.requestTitle}
        okText={a.create}
        okButtonProps={{ disabled: reason.trim() === '' || date === null, loading: create.isPending }}
        onOk={() => create.mutate()}
        onCancel={() => setAsking(null)}
        destroyOnHidden
      >
        <Typography.Paragraph type="secondary">{a.requestHint}</Typography.Paragraph>
        <Form layout="vertical">
          <Form.Item label={a.reason} required>
            <Input.TextArea aria-label={a.reason} value={reason} autoSize={{ minRows: 2 }} onChange={(e) => setReason(e.target.value)} />
          </Form.Item>
          <Form.Item label={a.effectiveDate} required>
            {asking && <YearDatePicker aria-label={a.effectiveDate} year={asking.year} value={date} onChange={setDate} />}
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
