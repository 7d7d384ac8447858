/**
 * One project on the 监控表 at the monitoring date: budget execution against the spending plan
 * with its light and the reasons for it, the 累计支出 records and the project's explanation, then
 * each indicator row's progress, light and explanation, opening to record its 实际值. A light that
 * needs an explanation shows the prompt next to the empty field.
 */
import { useQuery } from '@tanstack/react-query';
import { Card, Descriptions, Empty, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import type { Finding } from '../../core/review/finding.ts';
import { endpoints } from '../api/endpoints.ts';
import type { IndicatorMonitoring, ProjectMonitoring } from '../api/monitoring-types.ts';
import type { StoredProject } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import { FindingItem } from '../form/notes.tsx';
import { amountText } from '../format/amount.ts';
import { DatedRecords } from './DatedRecords.tsx';
import { ExplanationForm } from './ExplanationForm.tsx';
import { IndicatorCell } from './IndicatorCell.tsx';
import { LightTag } from './Light.tsx';
import { behind } from './shortfall.ts';
import { queries } from '../api/queries.ts';

const MISSING = 'monitoring.missingExplanation';

interface Props {
  documentId: number;
  year: number;
  date: string;
  monitoring: ProjectMonitoring;
  project: StoredProject;
  editable: boolean;
}

export function ProjectMonitoringPanel({ documentId, year, date, monitoring, project, editable }: Props) {
  const msgs = useMessages();
  const m = msgs.web.monitoringPage;
  const records = useQuery(queries.records(project.id));
  const missingAt = (index: number | null) => monitoring.findings.filter((f) => f.ruleId === MISSING && f.indicatorIndex === index);
  const needsAttention = monitoring.indicators
    .filter((r) => (r.light !== 'green' && r.light !== 'noData') || missingAt(r.index).length > 0)
    .map((r) => r.index);
  const [expanded, setExpanded] = useState<number[]>(needsAttention);
  const e = monitoring.execution;
  const notes = records.data?.monitoringNotes ?? [];
  const other: Finding[] = monitoring.findings.filter((f) => f.ruleId !== MISSING);
  const rowLabel = (index: number) => m.rowLabel(index);

  const progressText = (r: IndicatorMonitoring) =>
    r.completion.kind === 'qualitative' ? (
      msgs.monitoring.bands[r.completion.band]
    ) : r.progress !== null ? (
      <>
        {`${r.progress}%`}
        {r.pace && <Typography.Text type="secondary"> {m.due(r.pace.expected)}</Typography.Text>}
      </>
    ) : r.actual === null ? (
      m.none
    ) : (
      m.notComparable
    );

  return (
    <Card
      className="project-monitoring"
      data-testid="project-monitoring"
      title={
        <Space wrap>
          <span className="mono">{monitoring.projectCode}</span>
          <span>{monitoring.projectName}</span>
        </Space>
      }
      extra={<LightTag light={monitoring.light} />}
    >
      <section aria-labelledby="execution-heading" className="monitoring-section">
        <Typography.Title level={5} id="execution-heading">
          {m.execution}
        </Typography.Title>
        <Descriptions size="small" bordered column={{ xs: 1, md: 3 }} className="execution-figures">
          <Descriptions.Item label={m.budget}>
            {e.budget === null ? m.none : msgs.web.common.amountWan(amountText(e.budget))}
          </Descriptions.Item>
          <Descriptions.Item label={m.spent}>
            {msgs.web.common.amountWan(amountText(e.spent))}
            {e.spentAsOf && <Typography.Text type="secondary"> {m.asOf(e.spentAsOf)}</Typography.Text>}
          </Descriptions.Item>
          <Descriptions.Item label={m.rate}>{e.rate === null ? m.none : `${e.rate}%`}</Descriptions.Item>
          <Descriptions.Item label={m.planned}>
            {`${e.planned}%`}
            <Typography.Text type="secondary">
              {' '}
              {e.checkpoint ? m.checkpoint(e.checkpoint.label, e.checkpoint.date) : m.beforeFirstCheckpoint}
            </Typography.Text>
          </Descriptions.Item>
          <Descriptions.Item label={m.shortfall}>
            {e.shortfall === null ? m.none : behind(e.shortfall) ? m.points(e.shortfall) : m.notBehind}
          </Descriptions.Item>
          <Descriptions.Item label={m.executionLight}>
            <LightTag light={e.light} />
          </Descriptions.Item>
        </Descriptions>
        {monitoring.reasons.length > 0 && (
          <ul className="light-reasons" aria-label={m.reasons}>
            {monitoring.reasons.map((r, i) => (
              <li key={i}>
                <LightTag light={r.light} />{' '}
                {r.kind === 'execution'
                  ? m.reasonExecution(r.shortfall)
                  : r.kind === 'pace'
                    ? m.reasonPace(r.index, r.shortfall)
                    : m.reasonLikelihood(r.index)}
              </li>
            ))}
          </ul>
        )}
        <div className="monitoring-columns">
          <div>
            <Typography.Text strong>{m.spendingRecords}</Typography.Text>
            <DatedRecords
              kind="spending"
              documentId={documentId}
              projectId={project.id}
              year={year}
              date={date}
              records={records.data?.spending ?? []}
              editable={editable}
              label={m.projectLabel}
            />
          </div>
          <div>
            <Typography.Text strong>{m.projectExplanation}</Typography.Text>
            <ExplanationForm
              documentId={documentId}
              projectId={project.id}
              index={null}
              year={year}
              date={date}
              explanation={monitoring.explanation}
              notes={notes}
              missing={missingAt(null)}
              editable={editable}
              label={m.projectLabel}
            />
          </div>
        </div>
      </section>

      <section aria-labelledby="indicators-heading" className="monitoring-section">
        <Typography.Title level={5} id="indicators-heading">
          {m.indicators}
        </Typography.Title>
        <Table<IndicatorMonitoring>
          size="small"
          rowKey="index"
          pagination={false}
          dataSource={monitoring.indicators}
          locale={{ emptyText: <Empty description={msgs.web.project.noIndicators} /> }}
          rowClassName={(r) => (missingAt(r.index).length > 0 ? 'row-missing' : '')}
          expandable={{
            expandedRowKeys: expanded,
            onExpandedRowsChange: (keys) => setExpanded(keys as number[]),
            expandedRowRender: (r) => (
              <div className="indicator-entry">
                <div>
                  <Typography.Text strong>{m.valueRecords}</Typography.Text>
                  <DatedRecords
                    kind="values"
                    index={r.index}
                    target={r.target}
                    documentId={documentId}
                    projectId={project.id}
                    year={year}
                    date={date}
                    records={records.data?.values ?? []}
                    editable={editable}
                    label={rowLabel(r.index)}
                  />
                </div>
                <div>
                  <Typography.Text strong>{m.rowExplanation}</Typography.Text>
                  <ExplanationForm
                    documentId={documentId}
                    projectId={project.id}
                    index={r.index}
                    year={year}
                    date={date}
                    explanation={r.explanation}
                    notes={notes}
                    missing={missingAt(r.index)}
                    editable={editable}
                    label={rowLabel(r.index)}
                  />
                </div>
              </div>
            ),
          }}
          columns={[
            { title: msgs.web.project.rowNumber, dataIndex: 'index', width: 56 },
            {
              title: m.indicator,
              key: 'indicator',
              render: (_, r) => <IndicatorCell row={r} />,
            },
            { title: msgs.monitoring.table.target, dataIndex: 'target', width: 120 },
            {
              title: msgs.monitoring.table.actual,
              key: 'actual',
              width: 150,
              render: (_, r) =>
                r.actual ? (
                  <>
                    <div>{r.actual.value}</div>
                    <Typography.Text type="secondary">{r.actual.date}</Typography.Text>
                  </>
                ) : (
                  <Typography.Text type="secondary">{m.noActual}</Typography.Text>
                ),
            },
            { title: msgs.monitoring.table.progress, key: 'progress', width: 100, render: (_, r) => progressText(r) },
            {
              title: msgs.monitoring.table.likelihood,
              key: 'likelihood',
              width: 110,
              render: (_, r) => (r.explanation.likelihood ? msgs.monitoring.likelihoods[r.explanation.likelihood] : ''),
            },
            {
              title: msgs.monitoring.table.light,
              key: 'light',
              width: 130,
              render: (_, r) => (
                <Space size={2} wrap>
                  <LightTag light={r.light} />
                  {r.judgement && r.pace && (
                    <Tooltip title={m.judgementHint(r.pace.shortfall)}>
                      <Tag data-testid={`judgement-${r.index}`}>{m.judgement}</Tag>
                    </Tooltip>
                  )}
                  {missingAt(r.index).length > 0 && <Tag color="error">{m.explanationMissing}</Tag>}
                </Space>
              ),
            },
          ]}
        />
      </section>
      {other.length > 0 && (
        <section className="monitoring-section" aria-label={m.otherFindings}>
          <Typography.Title level={5}>{m.otherFindings}</Typography.Title>
          {other.map((f, i) => (
            <FindingItem key={i} finding={f} />
          ))}
        </section>
      )}
    </Card>
  );
}
