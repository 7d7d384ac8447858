/**
 * 运行监控 of one unit-year at a chosen date: the lights of every project (the 监控汇总), the
 * monitoring findings, the 监控表 downloads, importing actuals from a file, and one project opened
 * to record its actuals and explanations. Unit staff record (while the targets are approved and
 * the self-evaluation is not yet published); reviewers and admins read.
 */
import { ImportOutlined } from '@ant-design/icons';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Alert, Button, Result, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useParams, useSearchParams } from 'react-router';
import { endpoints } from '../api/endpoints.ts';
import type { ProjectMonitoring } from '../api/monitoring-types.ts';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { FindingItem } from '../form/notes.tsx';
import { UnsavedGuard } from '../form/unsaved.tsx';
import { amountText } from '../format/amount.ts';
import { DocumentNav } from '../shell/DocumentNav.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { LoadFailure } from '../shell/LoadFailure.tsx';
import { ActualsImport } from './ActualsImport.tsx';
import { LightTag } from './Light.tsx';
import { mayRecord } from './recording.ts';
import { ReportDownloads } from './ReportDownloads.tsx';
import { ProjectMonitoringPanel } from './ProjectMonitoringPanel.tsx';
import { behind } from './shortfall.ts';
import { YearDatePicker } from './YearDatePicker.tsx';
import { queries } from '../api/queries.ts';

const MISSING = 'monitoring.missingExplanation';

export default function MonitoringPage() {
  const msgs = useMessages();
  const m = msgs.web.monitoringPage;
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const { user } = useSession();
  const [importing, setImporting] = useState(false);
  const requested = params.get('date') ?? undefined;
  const doc = useQuery(queries.document(id));
  const mon = useQuery({ ...queries.monitoring(id, requested), placeholderData: keepPreviousData });

  const error = doc.error ?? mon.error;
  if (error) return <LoadFailure error={error} />;
  if (!doc.data || !mon.data) return <PageLoading />;
  const d = doc.data;
  const r = mon.data;
  const editable = mayRecord(user, d.meta.unitId, r.recording);
  const chosenId = Number(params.get('project')) || d.projects[0]?.id;
  const k = d.projects.findIndex((p) => p.id === chosenId);
  const project = d.projects[k];
  const projectMonitoring = r.projects[k];
  const missing = r.findings.filter((f) => f.ruleId === MISSING);
  const set = (patch: Record<string, string | undefined>) => {
    const next = new URLSearchParams(params);
    for (const [key, v] of Object.entries(patch))
      if (v === undefined) next.delete(key);
      else next.set(key, v);
    setParams(next, { replace: true });
  };
  const exportUrl = (format: 'xlsx' | 'docx') => `/api/documents/${id}/monitoring/export?format=${format}&date=${r.date}`;

  return (
    <UnsavedGuard>
      <div className="monitoring-page">
        <div className="page-head">
          <div className="page-title">
            <Typography.Title level={3} style={{ margin: 0 }}>
              {m.title(d.meta.unitName, d.meta.year)}
            </Typography.Title>
          </div>
          <Space wrap>
            <label className="inline-field">
              <span>{m.date}</span>
              <YearDatePicker aria-label={m.date} year={r.year} value={r.date} onChange={(date) => set({ date })} />
            </label>
            <ReportDownloads url={exportUrl} labels={m} />
            {editable && (
              <Button icon={<ImportOutlined />} onClick={() => setImporting(true)}>
                {m.importActuals}
              </Button>
            )}
          </Space>
        </div>
        <DocumentNav documentId={id} status={d.meta.status} />

        {!r.recording.open && !r.recording.evaluationPublishedAt && (
          <Alert type="info" showIcon className="page-alert" title={m.notApproved} />
        )}
        {r.recording.evaluationPublishedAt && (
          <Alert
            type="info"
            showIcon
            className="page-alert"
            title={m.closed(new Date(r.recording.evaluationPublishedAt).toLocaleDateString())}
          />
        )}
        {r.orphans > 0 && (
          <Alert
            type="warning"
            showIcon
            className="page-alert"
            title={msgs.server.actuals.orphans.message(r.orphans)}
            description={msgs.server.actuals.orphans.suggestion}
          />
        )}

        <Space wrap className="light-summary" data-testid="light-summary" aria-label={m.lightSummary}>
          <Typography.Text strong>{m.asOfDate(r.date)}</Typography.Text>
          <LightTag light="red" suffix={` ${r.lights.red}`} />
          <LightTag light="yellow" suffix={` ${r.lights.yellow}`} />
          <LightTag light="green" suffix={` ${r.lights.green}`} />
          {r.unreported > 0 && (
            <Tag data-testid="unreported-count">
              <span className="light-dot light-noData" aria-hidden="true" />
              {m.unreportedCount(r.unreported)}
            </Tag>
          )}
          {missing.length > 0 && (
            <Tag color="error" data-testid="missing-count">
              {m.missingCount(missing.length)}
            </Tag>
          )}
        </Space>

        <Table<ProjectMonitoring & { id: number }>
          size="small"
          className="monitoring-summary"
          rowKey="id"
          pagination={false}
          dataSource={r.projects.map((p, i) => ({ ...p, id: d.projects[i]?.id ?? -i }))}
          rowClassName={(p) => (p.id === chosenId ? 'row-selected' : '')}
          scroll={{ x: 1000 }}
          columns={[
            {
              title: msgs.monitoring.table.projectName,
              key: 'name',
              render: (_, p) => (
                <Link
                  to={`?${new URLSearchParams({ ...Object.fromEntries(params), project: String(p.id) })}`}
                  replace
                  aria-current={p.id === chosenId ? 'true' : undefined}
                >
                  <span className="mono">{p.projectCode}</span> {p.projectName}
                </Link>
              ),
            },
            {
              title: msgs.monitoring.table.budget,
              key: 'budget',
              width: 120,
              align: 'right',
              render: (_, p) => amountText(p.execution.budget),
            },
            {
              title: msgs.monitoring.table.spent,
              key: 'spent',
              width: 120,
              align: 'right',
              render: (_, p) => amountText(p.execution.spent),
            },
            {
              title: msgs.monitoring.table.rate,
              key: 'rate',
              width: 80,
              align: 'right',
              render: (_, p) => (p.execution.rate === null ? '' : `${p.execution.rate}%`),
            },
            {
              title: msgs.monitoring.table.planned,
              key: 'planned',
              width: 80,
              align: 'right',
              render: (_, p) => `${p.execution.planned}%`,
            },
            {
              title: msgs.monitoring.table.shortfall,
              key: 'shortfall',
              width: 90,
              align: 'right',
              render: (_, p) => (behind(p.execution.shortfall) ? p.execution.shortfall : m.notBehind),
            },
            {
              title: msgs.monitoring.table.light,
              key: 'light',
              width: 170,
              render: (_, p) => (
                <Space size={2} wrap>
                  <LightTag light={p.light} />
                  {p.findings.some((f) => f.ruleId === MISSING) && <Tag color="error">{m.explanationMissing}</Tag>}
                </Space>
              ),
            },
          ]}
        />

        {missing.length > 0 && (
          <Alert
            type="error"
            showIcon
            className="page-alert"
            title={m.missingTitle(missing.length)}
            description={missing.map((f, i) => <FindingItem key={i} finding={f} />)}
          />
        )}

        {project && projectMonitoring ? (
          <ProjectMonitoringPanel
            key={`${project.id}`}
            documentId={id}
            year={r.year}
            date={r.date}
            monitoring={projectMonitoring}
            project={project}
            editable={editable}
          />
        ) : (
          <Result status="info" title={m.noProjects} />
        )}
        <ActualsImport documentId={id} open={importing} onClose={() => setImporting(false)} />
      </div>
    </UnsavedGuard>
  );
}
