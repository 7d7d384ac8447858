/**
 * 绩效自评 of one unit-year: the 部门整体 summary (budget, execution, the budget-weighted score and
 * grade, projects per grade), each project's 自评表 to fill in, the 自评表 downloads, and for the
 * bureau's reviewers the publication of the result (which closes the actuals) or its withdrawal.
 */
import { CloudUploadOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Space, Table, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router';
import { GRADES } from '../../core/evaluation/settings.ts';
import { ApiFailure } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import type { ProjectEvaluation } from '../api/monitoring-types.ts';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { FindingItem } from '../form/notes.tsx';
import { PartNav } from '../form/PartNav.tsx';
import { UnsavedGuard } from '../form/unsaved.tsx';
import { amountText } from '../format/amount.ts';
import { ReportDownloads } from '../monitoring/ReportDownloads.tsx';
import { mayRecord } from '../monitoring/recording.ts';
import { DocumentNav } from '../shell/DocumentNav.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { LoadFailure } from '../shell/LoadFailure.tsx';
import { GradeTag } from './GradeTag.tsx';
import { ProjectEvaluationForm } from './ProjectEvaluationForm.tsx';
import { OpenRectificationButton } from '../rectification/OpenRectificationButton.tsx';
import { queries, stale } from '../api/queries.ts';

export default function EvaluationPage() {
  const msgs = useMessages();
  const m = msgs.web.evaluationPage;
  const id = Number(useParams().id);
  const [params, setParams] = useSearchParams();
  const { user } = useSession();
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const doc = useQuery(queries.document(id));
  const ev = useQuery(queries.evaluation(id));

  const publication = useMutation({
    mutationFn: async (what: 'publish' | 'withdraw') => {
      if (what === 'publish') await endpoints.publishEvaluation(id);
      else await endpoints.withdrawEvaluation(id);
    },
    onSuccess: async (_, what) => {
      message.success(what === 'publish' ? m.published : m.withdrawn);
      await stale.everything(client);
    },
    onError: (e) => {
      if (e instanceof ApiFailure && e.code === 'evaluation_errors' && e.body.findings)
        modal.error({
          title: e.message,
          width: 640,
          content: (
            <div className="blocked-list">
              {e.body.findings.map((f, i) => (
                <FindingItem key={i} finding={f} />
              ))}
            </div>
          ),
        });
      else message.error(e.message || msgs.web.common.networkError);
    },
  });

  const error = doc.error ?? ev.error;
  if (error) return <LoadFailure error={error} />;
  if (!doc.data || !ev.data) return <PageLoading />;
  const d = doc.data;
  const e = ev.data;
  const editable = mayRecord(user, d.meta.unitId, e.recording);
  const reviewer = user?.role === 'reviewer';
  const publishedAt = e.recording.evaluationPublishedAt;
  const chosen = params.get('project') ?? `p${d.projects[0]?.id}`;
  const k = d.projects.findIndex((p) => `p${p.id}` === chosen);
  const project = d.projects[k];
  const projectEvaluation = e.projects[k];
  const errors = e.findings.filter((f) => f.severity === 'error');
  const exportUrl = (format: 'xlsx' | 'docx') => `/api/documents/${id}/evaluation/export?format=${format}`;

  return (
    <UnsavedGuard>
      <div className="evaluation-page">
        <div className="page-head">
          <Typography.Title level={3} style={{ margin: 0 }}>
            {m.title(d.meta.unitName, d.meta.year)}
          </Typography.Title>
          <Space wrap>
            <ReportDownloads url={exportUrl} labels={m} />
            {reviewer &&
              (publishedAt ? (
                <Button
                  icon={<RollbackOutlined />}
                  loading={publication.isPending}
                  onClick={() => modal.confirm({ title: m.withdrawConfirm, onOk: () => publication.mutateAsync('withdraw') })}
                >
                  {m.withdraw}
                </Button>
              ) : (
                <Button
                  type="primary"
                  icon={<CloudUploadOutlined />}
                  loading={publication.isPending}
                  disabled={d.meta.status !== 'published'}
                  title={d.meta.status !== 'published' ? m.publishNeedsTargets : undefined}
                  onClick={() => modal.confirm({ title: m.publishConfirm, onOk: () => publication.mutateAsync('publish') })}
                >
                  {m.publish}
                </Button>
              ))}
          </Space>
        </div>
        <DocumentNav documentId={id} status={d.meta.status} />
        {publishedAt && (
          <Alert type="success" showIcon className="page-alert" title={m.publishedAt(new Date(publishedAt).toLocaleDateString())} />
        )}
        {!e.recording.open && !publishedAt && (
          <Alert type="info" showIcon className="page-alert" title={msgs.web.monitoringPage.notApproved} />
        )}
        {e.orphans > 0 && <Alert type="warning" showIcon className="page-alert" title={msgs.server.actuals.orphans.message(e.orphans)} />}

        <Card
          title={msgs.evaluation.report.summaryTitle}
          size="small"
          className="department-evaluation"
          data-testid="department-evaluation"
        >
          <Descriptions size="small" column={{ xs: 1, md: 3, xl: 6 }}>
            <Descriptions.Item label={m.budget}>{msgs.web.common.amountWan(amountText(e.budget))}</Descriptions.Item>
            <Descriptions.Item label={m.spent}>{msgs.web.common.amountWan(amountText(e.spent))}</Descriptions.Item>
            <Descriptions.Item label={m.rate}>{e.rate === null ? '' : `${e.rate}%`}</Descriptions.Item>
            <Descriptions.Item label={m.score}>
              <strong data-testid="department-score">{e.score ?? ''}</strong>
            </Descriptions.Item>
            <Descriptions.Item label={m.grade}>{e.grade && <GradeTag grade={e.grade} />}</Descriptions.Item>
            {e.withoutNotApplicable && (
              <Descriptions.Item label={m.scoreWithoutNotApplicable}>
                <span data-testid="department-score-all-rows">{e.withoutNotApplicable.score}</span>{' '}
                <GradeTag grade={e.withoutNotApplicable.grade} />
              </Descriptions.Item>
            )}
            <Descriptions.Item label={msgs.evaluation.report.summaryGrades}>
              {GRADES.map((g) => msgs.evaluation.report.gradeCount(g, e.gradeCounts[g])).join('　')}
            </Descriptions.Item>
          </Descriptions>
          <Table<ProjectEvaluation & { key: string }>
            size="small"
            pagination={false}
            dataSource={e.projects.map((p, i) => ({ ...p, key: `p${d.projects[i]?.id}` }))}
            rowClassName={(p) => (p.key === chosen ? 'row-selected' : '')}
            columns={[
              {
                title: msgs.evaluation.report.summaryHeaders.name,
                key: 'name',
                render: (_, p) => (
                  <Button type="link" className="link-button" onClick={() => setParams({ project: p.key }, { replace: true })}>
                    <span className="mono">{p.projectCode}</span> {p.projectName}
                  </Button>
                ),
              },
              {
                title: msgs.evaluation.report.summaryHeaders.budget,
                key: 'budget',
                width: 130,
                align: 'right',
                render: (_, p) => amountText(p.budget.adjusted),
              },
              {
                title: msgs.evaluation.report.summaryHeaders.spent,
                key: 'spent',
                width: 130,
                align: 'right',
                render: (_, p) => amountText(p.budget.spent),
              },
              {
                title: msgs.evaluation.report.summaryHeaders.rate,
                key: 'rate',
                width: 90,
                align: 'right',
                render: (_, p) => (p.budget.rate === null ? '' : `${p.budget.rate}%`),
              },
              { title: msgs.evaluation.report.summaryHeaders.total, dataIndex: 'total', width: 90, align: 'right' },
              {
                title: msgs.evaluation.report.summaryHeaders.grade,
                key: 'grade',
                width: 80,
                render: (_, p) => <GradeTag grade={p.grade} />,
              },
            ]}
          />
        </Card>

        {errors.length > 0 && (
          <Alert
            type="error"
            showIcon
            className="page-alert"
            title={m.errors(errors.length)}
            description={
              <details>
                <summary>{m.showErrors}</summary>
                {errors.map((f, i) => (
                  <div key={i} className="findings-entry">
                    <FindingItem finding={f} />
                    {reviewer && (
                      <OpenRectificationButton documentId={id} finding={f} source={{ kind: 'selfEvaluation', ruleId: f.ruleId }} />
                    )}
                  </div>
                ))}
              </details>
            }
          />
        )}

        <PartNav
          parts={d.projects.map((p, i) => ({
            key: `p${p.id}`,
            label: msgs.web.editor.projectTab(i + 1, p.name),
            errors: e.projects[i]?.findings.filter((f) => f.severity === 'error').length ?? 0,
          }))}
          active={chosen}
          onChange={(key) => setParams({ project: key }, { replace: true })}
          label={m.projects}
        />
        {project && projectEvaluation && (
          <ProjectEvaluationForm
            key={project.id}
            documentId={id}
            projectId={project.id}
            evaluation={projectEvaluation}
            editable={editable}
          />
        )}
      </div>
    </UnsavedGuard>
  );
}
