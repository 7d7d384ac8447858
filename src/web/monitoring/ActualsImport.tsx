/**
 * Importing actuals from a CSV or XLSX file (header 项目编码,指标序号,实际值,日期,说明) in two
 * steps, as the API does: the server reads the file against the document and says what it would
 * create and change — each changed record with the value it replaces — then the user commits it,
 * all in one transaction or nothing.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Descriptions, Drawer, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { endpoints } from '../api/endpoints.ts';
import type { ImportPlanChange, RecordKind } from '../api/monitoring-types.ts';
import { useMessages } from '../app/locale.tsx';
import { FileDrop } from '../import/FileDrop.tsx';
import { describeRecord } from './record-writer.tsx';
import { stale } from '../api/queries.ts';

const KIND_SLUG: Record<ImportPlanChange['kind'], RecordKind> = {
  spending: 'spending',
  values: 'values',
  monitoringNotes: 'monitoring-notes',
  evaluationNotes: 'evaluation-notes',
};

export function ActualsImport({ documentId, open, onClose }: { documentId: number; open: boolean; onClose: () => void }) {
  const msgs = useMessages();
  const m = msgs.web.actualsImport;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [file, setFile] = useState<File | null>(null);
  const preview = useMutation({ mutationFn: (f: File) => endpoints.actualsPreview(documentId, f) });
  const commit = useMutation({
    mutationFn: () => endpoints.actualsCommit(documentId, preview.data!.actuals),
    onSuccess: async (r) => {
      message.success(m.committed(r.created, r.changed.length));
      await stale.everything(client);
      setFile(null);
      preview.reset();
      onClose();
    },
  });
  const plan = preview.data?.plan;
  const failure = preview.error ?? commit.error;
  // A change names its date once, beside the fields it changes.
  const text = (c: ImportPlanChange, v: unknown) =>
    v && typeof v === 'object' ? describeRecord(KIND_SLUG[c.kind], { date: c.date ?? '', ...v }, msgs) : '';

  return (
    <Drawer title={m.title} open={open} onClose={onClose} size="large" destroyOnHidden>
      <Typography.Paragraph type="secondary">{m.help}</Typography.Paragraph>
      <pre className="format-example">{m.example}</pre>
      <FileDrop
        className="actuals-dragger"
        accept=".csv,.xlsx,text/csv"
        file={file}
        reading={preview.isPending}
        disabled={preview.isPending || commit.isPending}
        labels={m}
        onFile={(f) => {
          setFile(f);
          commit.reset();
          preview.mutate(f);
        }}
      />
      {failure && (
        <Alert
          type="error"
          showIcon
          role="alert"
          className="page-alert"
          title={preview.error ? m.unreadable : msgs.web.common.error}
          description={failure.message || msgs.web.common.networkError}
        />
      )}
      {plan && (
        <div className="import-preview" data-testid="actuals-preview">
          <Typography.Title level={5}>{m.previewTitle}</Typography.Title>
          <Descriptions size="small" bordered column={2}>
            <Descriptions.Item label={m.counts.spending}>{plan.counts.spending}</Descriptions.Item>
            <Descriptions.Item label={m.counts.values}>{plan.counts.values}</Descriptions.Item>
            <Descriptions.Item label={m.counts.monitoringNotes}>{plan.counts.monitoringNotes}</Descriptions.Item>
            <Descriptions.Item label={m.counts.evaluationNotes}>{plan.counts.evaluationNotes}</Descriptions.Item>
            <Descriptions.Item label={m.created}>{plan.created}</Descriptions.Item>
            <Descriptions.Item label={m.unchanged}>{plan.unchanged}</Descriptions.Item>
          </Descriptions>
          {plan.changed.length > 0 && (
            <>
              <Typography.Paragraph strong className="changed-title">
                {m.changedTitle(plan.changed.length)}
              </Typography.Paragraph>
              <Table<ImportPlanChange>
                size="small"
                rowKey={(c) => `${c.kind}-${c.projectCode}-${c.index}-${c.date}`}
                pagination={plan.changed.length > 10 ? { pageSize: 10, size: 'small' } : false}
                dataSource={plan.changed}
                columns={[
                  { title: m.kind, key: 'kind', width: 100, render: (_, c) => m.kinds[c.kind] },
                  {
                    title: msgs.web.project.code,
                    dataIndex: 'projectCode',
                    width: 170,
                    render: (v: string) => <span className="mono">{v}</span>,
                  },
                  { title: msgs.web.project.rowNumber, dataIndex: 'index', width: 60 },
                  { title: m.before, key: 'before', render: (_, c) => text(c, c.before) },
                  { title: m.after, key: 'after', render: (_, c) => text(c, c.after) },
                ]}
              />
            </>
          )}
          <Space className="form-actions">
            <Button
              type="primary"
              loading={commit.isPending}
              disabled={plan.created + plan.changed.length === 0}
              onClick={() => commit.mutate()}
            >
              {m.commit}
            </Button>
            <Button onClick={() => preview.reset()}>{m.again}</Button>
          </Space>
        </div>
      )}
    </Drawer>
  );
}
