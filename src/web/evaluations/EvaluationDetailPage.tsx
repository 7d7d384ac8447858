/**
 * One 绩效评价: its plan, the score and grade, the conclusion, the findings (each with its fixed
 * number, which rectification items name), the report file, and the steps the user may take — the
 * recorder (the assigned third party, or the bureau where none is assigned) records and submits, the
 * bureau accepts or returns with a comment. A third party also sees its subject's targets, read-only.
 */
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Form, Input, Modal, Select, Space, Table, Tag, Typography, Upload } from 'antd';
import { useState } from 'react';
import { Link, useParams } from 'react-router';
import type { FindingSeverity } from '../../core/evaluations/evaluation.ts';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { GradeTag } from '../evaluation/GradeTag.tsx';
import { OpenRectificationButton } from '../rectification/OpenRectificationButton.tsx';
import { LoadFailure } from '../shell/LoadFailure.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { STATE_COLORS, subjectName } from './EvaluationsPage.tsx';
import {
  evaluationEndpoints,
  evaluationQueries,
  evaluationsStale,
  reportHref,
  type EvaluationView,
  type FindingInput,
} from './evaluations-api.ts';
import { SubjectProject } from './SubjectProject.tsx';

const SEVERITIES: readonly FindingSeverity[] = ['major', 'moderate', 'minor'];
const SEVERITY_COLORS: Record<FindingSeverity, string> = { major: 'red', moderate: 'orange', minor: 'default' };

export default function EvaluationDetailPage() {
  const id = Number(useParams().id);
  const query = useQuery(evaluationQueries.one(id));
  if (query.isPending) return <PageLoading />;
  if (query.isError) return <LoadFailure error={query.error} />;
  return <EvaluationDetail evaluation={query.data} />;
}

export function EvaluationDetail({ evaluation: e }: { evaluation: EvaluationView }) {
  const all = useMessages();
  const m = all.evaluations.page;
  const { user } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const open = e.state === 'planned' || e.state === 'inProgress';
  const assigned = e.evaluators.length > 0;
  const records = open && (user?.role === 'evaluator' ? assigned : user?.role === 'reviewer' && !assigned);
  const decides = user?.role === 'reviewer' && e.state === 'submitted';
  // An accepted evaluation's findings of a project are what the bureau orders rectified (a policy has no document to own the item).
  const project = e.subject.kind === 'project' ? e.subject : null;
  const rectifies = user?.role === 'reviewer' && e.state === 'accepted' && project !== null;

  const write = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: async () => {
      await evaluationsStale(client);
      message.success(m.saved);
    },
    onError: async (err) => {
      message.error(err.message);
      await evaluationsStale(client);
    },
  });
  const [result] = Form.useForm<{ score: string; summary: string }>();
  const [finding] = Form.useForm<FindingInput>();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');

  return (
    <div className="evaluation-page">
      <Link to="/evaluations">{m.back}</Link>
      <Typography.Title level={3}>
        {e.title} <Tag color={STATE_COLORS[e.state]}>{all.evaluations.states[e.state]}</Tag>
      </Typography.Title>
      {e.returnComment && open && <Alert type="warning" showIcon title={m.returnedWith(e.returnComment)} />}
      <Descriptions size="small" column={2} bordered className="evaluation-facts">
        <Descriptions.Item label={m.year}>{e.year}</Descriptions.Item>
        <Descriptions.Item label={m.kind}>{all.evaluations.kinds[e.kind]}</Descriptions.Item>
        <Descriptions.Item label={m.subject}>{subjectName(e)}</Descriptions.Item>
        <Descriptions.Item label={m.evaluatingBody}>{e.evaluatingBody}</Descriptions.Item>
        <Descriptions.Item label={m.evaluators} span={2}>
          {e.evaluators.map((v) => `${v.organisation}（${v.displayName}）`).join('、') || '—'}
        </Descriptions.Item>
        <Descriptions.Item label={m.score}>
          <span data-testid="evaluation-score">{e.score === null ? '—' : m.gradeOf(e.score, e.grade ?? '')}</span>{' '}
          {e.grade && <GradeTag grade={e.grade} />}
        </Descriptions.Item>
        <Descriptions.Item label={m.report}>
          {e.report ? (
            <Button size="small" icon={<DownloadOutlined />} href={reportHref(e)}>
              {m.downloadReport}（{e.report.fileName}）
            </Button>
          ) : (
            m.noReport
          )}
        </Descriptions.Item>
        <Descriptions.Item label={m.summary} span={2}>
          {e.summary || '—'}
        </Descriptions.Item>
      </Descriptions>

      {records && (
        <Card size="small" title={m.saveResult} className="evaluation-record">
          <Form
            form={result}
            layout="inline"
            initialValues={{ score: e.score ?? '', summary: e.summary }}
            onFinish={(v) => write.mutate(() => evaluationEndpoints.recordResult(e, v.score.trim() || null, v.summary))}
          >
            <Form.Item name="score" label={m.score}>
              <Input aria-label={m.score} style={{ width: 100 }} />
            </Form.Item>
            <Form.Item name="summary" label={m.summary} style={{ flex: 1, minWidth: 300 }}>
              <Input.TextArea aria-label={m.summary} autoSize={{ minRows: 1, maxRows: 6 }} maxLength={5000} />
            </Form.Item>
            <Button type="primary" htmlType="submit" loading={write.isPending}>
              {m.saveResult}
            </Button>
          </Form>
        </Card>
      )}

      <Card size="small" title={m.findings} className="evaluation-findings">
        <Table
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={e.findings}
          columns={[
            { title: m.findingId, dataIndex: 'id', width: 90, render: (v: number) => <span className="mono">#{v}</span> },
            { title: m.findingText, dataIndex: 'text' },
            {
              title: m.severity,
              dataIndex: 'severity',
              width: 90,
              render: (s: FindingSeverity) => <Tag color={SEVERITY_COLORS[s]}>{all.evaluations.severities[s]}</Tag>,
            },
            { title: m.concerns, dataIndex: 'concerns', width: 160, render: (v: string | null) => v ?? '—' },
            ...(records
              ? [
                  {
                    title: all.web.common.actions,
                    key: 'actions',
                    width: 80,
                    render: (_: unknown, f: { id: number }) => (
                      <Button size="small" danger onClick={() => write.mutate(() => evaluationEndpoints.deleteFinding(e, f.id))}>
                        {m.deleteFinding}
                      </Button>
                    ),
                  },
                ]
              : []),
            ...(rectifies
              ? [
                  {
                    title: all.web.common.actions,
                    key: 'rectify',
                    width: 100,
                    render: (_: unknown, f: { id: number; text: string }) => (
                      <OpenRectificationButton
                        documentId={project!.documentId}
                        finding={{
                          projectCode: project!.projectCode,
                          indicatorIndex: null,
                          field: '',
                          severity: null,
                          message: f.text,
                          suggestion: '',
                        }}
                        source={{ kind: 'evaluation', evaluationId: e.id, findingId: f.id }}
                      />
                    ),
                  },
                ]
              : []),
          ]}
        />
        {records && (
          <Form
            form={finding}
            layout="inline"
            className="evaluation-add-finding"
            initialValues={{ severity: 'moderate' }}
            onFinish={(v) =>
              write.mutate(async () => {
                await evaluationEndpoints.addFinding(e, v);
                finding.resetFields();
              })
            }
          >
            <Form.Item name="text" rules={[{ required: true, whitespace: true }]} style={{ flex: 1, minWidth: 260 }}>
              <Input aria-label={m.findingText} placeholder={m.findingText} maxLength={2000} />
            </Form.Item>
            <Form.Item name="severity">
              <Select
                aria-label={m.severity}
                style={{ width: 90 }}
                options={SEVERITIES.map((s) => ({ value: s, label: all.evaluations.severities[s] }))}
              />
            </Form.Item>
            <Form.Item name="concerns">
              <Input aria-label={m.concerns} placeholder={m.concerns} maxLength={200} style={{ width: 160 }} />
            </Form.Item>
            <Button htmlType="submit" loading={write.isPending}>
              {m.addFinding}
            </Button>
          </Form>
        )}
      </Card>

      <Space className="page-actions" wrap>
        {records && (
          <Upload
            accept=".pdf,.docx"
            showUploadList={false}
            beforeUpload={(file) => {
              write.mutate(() => evaluationEndpoints.uploadReport(e, file));
              return false;
            }}
          >
            <Button icon={<UploadOutlined />}>{m.uploadReport}</Button>
          </Upload>
        )}
        {records && (
          <Button type="primary" onClick={() => write.mutate(() => evaluationEndpoints.submit(e))} loading={write.isPending}>
            {m.submit}
          </Button>
        )}
        {decides && (
          <>
            <Button type="primary" onClick={() => write.mutate(() => evaluationEndpoints.accept(e))} loading={write.isPending}>
              {m.accept}
            </Button>
            <Button danger onClick={() => setReturning(true)}>
              {m.return}
            </Button>
          </>
        )}
      </Space>

      {e.subject.kind === 'project' && user?.role === 'evaluator' && (
        <SubjectProject documentId={e.subject.documentId} projectCode={e.subject.projectCode} />
      )}

      <Modal
        open={returning}
        title={m.return}
        onCancel={() => setReturning(false)}
        onOk={() =>
          write.mutate(async () => {
            await evaluationEndpoints.return(e, comment);
            setReturning(false);
            setComment('');
          })
        }
      >
        <Input.TextArea
          aria-label={m.returnComment}
          placeholder={m.returnComment}
          value={comment}
          onChange={(ev) => setComment(ev.target.value)}
        />
      </Modal>
    </div>
  );
}
