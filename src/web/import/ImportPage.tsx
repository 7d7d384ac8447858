/**
 * Import a document file in two steps, as the API does: the server reads the file (it decides the
 * format by content) and sends back what it found; the user sees what will be created — units,
 * years, projects, budgets, findings, and whether an existing draft will be replaced — then commits.
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, InputNumber, Space, Table, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router';
import { sum } from '../../core/model/decimal.ts';
import type { Project } from '../../core/model/document.ts';
import { summarize } from '../../core/review/engine.ts';
import type { ApiFailure } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import type { ImportPreviewItem } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import { FindingCountTags } from '../form/FindingCountTags.tsx';
import { StatusTag } from '../form/StatusTag.tsx';
import { amountText } from '../format/amount.ts';
import { FileDrop } from './FileDrop.tsx';
import { stale } from '../api/queries.ts';

const EDITABLE = new Set(['draft', 'returned']);

export default function ImportPage() {
  const m = useMessages();
  const w = m.web.importPage;
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message } = App.useApp();
  const [file, setFile] = useState<File | null>(null);
  const [years, setYears] = useState<Record<number, number | null>>({});

  const preview = useMutation({ mutationFn: (f: File) => endpoints.importPreview(f) });
  const commit = useMutation({
    mutationFn: (items: ImportPreviewItem[]) =>
      endpoints.importCommit(
        items.map((item, i) => ({
          document: item.document,
          year: item.document.year ?? years[i] ?? undefined,
          replaceVersion: item.existing?.replaceable ? item.existing.version : undefined,
        })),
      ),
    onSuccess: async (written) => {
      await stale.everything(client);
      message.success(w.committed);
      if (written.length === 1) navigate(`/documents/${written[0]!.id}/edit`);
      else navigate('/');
    },
  });

  const choose = (f: File) => {
    setFile(f);
    setYears({});
    commit.reset();
    preview.mutate(f);
  };

  const items = preview.data?.documents ?? [];
  const profile = preview.data?.profile ?? null;
  const blocked = items.some((it) => it.existing && !it.existing.replaceable);
  const missingYear = items.some((it, i) => it.document.year === null && !years[i]);
  const failure = (preview.error ?? commit.error) as ApiFailure | Error | null;

  return (
    <div className="import-page">
      <Typography.Title level={3}>{w.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{w.help}</Typography.Paragraph>
      <FileDrop
        accept=".txt,.docx,.doc,.xlsx,.xls,.html,.htm,.json,text/plain,text/html"
        file={file}
        reading={preview.isPending}
        disabled={preview.isPending}
        labels={w}
        onFile={choose}
      />

      {failure && (
        <Alert
          type="error"
          showIcon
          className="page-alert"
          title={preview.error ? w.unreadable : m.web.common.error}
          description={failure.message || m.web.common.networkError}
          role="alert"
        />
      )}

      {items.length > 0 && (
        <Card title={w.previewTitle} className="import-preview" data-testid="import-preview">
          {profile && <Typography.Paragraph type="secondary">{w.profile(profile.region, profile.title)}</Typography.Paragraph>}
          {preview.data?.actualsLeftOut && <Alert type="info" showIcon message={w.actualsLeftOut} data-testid="import-actuals-left-out" />}
          {items.map((item, i) => {
            const d = item.document;
            const counts = summarize(item.findings);
            const rows = d.projects.reduce((n, p) => n + p.indicators.length, 0);
            return (
              <section key={i} className="import-document">
                <Typography.Title level={5}>{w.documentLine(d.unit.name, d.year, d.projects.length, rows)}</Typography.Title>
                <Space wrap size="large">
                  <span>{w.budgetTotal(amountText(sum(d.projects.map((p) => p.budget.total)).toString()))}</span>
                  <span>{w.findings(counts.error, counts.warning)}</span>
                </Space>
                {d.year === null && (
                  <div className="import-year">
                    {w.yearNeeded}{' '}
                    <InputNumber
                      aria-label={m.web.common.year}
                      min={1990}
                      max={2100}
                      value={years[i] ?? null}
                      onChange={(v) => setYears({ ...years, [i]: v })}
                    />
                  </div>
                )}
                {item.existing && (
                  <Alert
                    className="page-alert"
                    type={item.existing.replaceable ? 'warning' : 'error'}
                    showIcon
                    title={
                      <Space>
                        <StatusTag status={item.existing.status} />
                        {item.existing.replaceable
                          ? w.existing(m.server.statusNames[item.existing.status], item.existing.version)
                          : EDITABLE.has(item.existing.status)
                            ? w.existingUnitOwns(m.server.statusNames[item.existing.status])
                            : w.existingLocked(m.server.statusNames[item.existing.status])}
                      </Space>
                    }
                  />
                )}
                <Table<Project>
                  size="small"
                  rowKey={(p) => `${p.code}-${p.name}`}
                  dataSource={d.projects}
                  pagination={false}
                  columns={[
                    { title: m.web.unitHome.columns.code, dataIndex: 'code', width: 170 },
                    { title: m.web.unitHome.columns.name, dataIndex: 'name' },
                    {
                      title: m.web.unitHome.columns.budget,
                      key: 'b',
                      align: 'right',
                      width: 110,
                      render: (_, p) => amountText(p.budget.total),
                    },
                    {
                      title: m.web.unitHome.columns.indicators,
                      key: 'n',
                      align: 'right',
                      width: 100,
                      render: (_, p) => p.indicators.length,
                    },
                    {
                      title: m.web.unitHome.columns.findings,
                      key: 'f',
                      width: 230,
                      render: (_, p) => <FindingCountTags counts={summarize(item.findings.filter((f) => f.projectCode === p.code))} />,
                    },
                  ]}
                />
              </section>
            );
          })}
          <Space className="import-actions">
            <Button type="primary" onClick={() => commit.mutate(items)} loading={commit.isPending} disabled={blocked || missingYear}>
              {w.commit}
            </Button>
            <Button onClick={() => preview.reset()}>{w.again}</Button>
          </Space>
        </Card>
      )}
    </div>
  );
}
