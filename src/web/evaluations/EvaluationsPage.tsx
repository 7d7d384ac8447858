/**
 * 绩效评价 (docs/evaluations.md): the evaluations the user sees, newest first, a page at a time by
 * cursor — a reviewer its bureau's (and plans new ones, and makes third-party accounts), a third-party
 * evaluator those assigned to it, a unit the accepted evaluations of its projects.
 */
import { PlusOutlined, UserAddOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, InputNumber, Modal, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router';
import type { EvaluationState } from '../../core/evaluations/evaluation.ts';
import { endpoints } from '../api/endpoints.ts';
import { useMessages } from '../app/locale.tsx';
import { useSession } from '../auth/session.ts';
import { GradeTag } from '../evaluation/GradeTag.tsx';
import { useCursorList, pageRows } from '../list/cursor-paging.ts';
import { CursorPager } from '../list/CursorPager.tsx';
import { evaluationEndpoints, evaluationQueries, evaluationsStale, type EvaluationSummary, type NewEvaluation } from './evaluations-api.ts';

export const STATE_COLORS: Record<EvaluationState, string> = {
  planned: 'default',
  inProgress: 'processing',
  submitted: 'warning',
  accepted: 'success',
};

export const subjectName = (e: Pick<EvaluationSummary, 'subject'>) =>
  e.subject.kind === 'project' ? `${e.subject.unitName} · ${e.subject.projectName}` : e.subject.policyName;

export default function EvaluationsPage() {
  const all = useMessages();
  const m = all.evaluations.page;
  const { user } = useSession();
  const [state, setState] = useState<EvaluationState | undefined>();
  const [creating, setCreating] = useState(false);
  const [addingEvaluator, setAddingEvaluator] = useState(false);
  const { list, pager } = useCursorList({ state }, (page) => evaluationQueries.list({ state, ...page }));
  const reviewer = user?.role === 'reviewer';
  const intro = user?.role === 'evaluator' ? m.evaluatorIntro : user?.role === 'unit' ? m.unitIntro : m.intro;

  return (
    <div className="evaluations-page">
      <Typography.Title level={3}>{m.title}</Typography.Title>
      <Typography.Paragraph type="secondary">{intro}</Typography.Paragraph>
      <Space className="page-actions" wrap>
        <Select
          aria-label={m.state}
          placeholder={m.state}
          allowClear
          style={{ width: 140 }}
          value={state ?? null}
          onChange={(v) => setState(v ?? undefined)}
          options={(Object.keys(all.evaluations.states) as EvaluationState[]).map((s) => ({ value: s, label: all.evaluations.states[s] }))}
        />
        {reviewer && (
          <>
            <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
              {m.newEvaluation}
            </Button>
            <Button icon={<UserAddOutlined />} onClick={() => setAddingEvaluator(true)}>
              {m.newEvaluator}
            </Button>
          </>
        )}
      </Space>
      <Table<EvaluationSummary>
        rowKey="id"
        size="middle"
        {...pageRows(list)}
        locale={{ emptyText: m.empty }}
        columns={[
          { title: m.year, dataIndex: 'year', width: 70 },
          { title: m.titleLabel, key: 'title', render: (_, e) => <Link to={`/evaluations/${e.id}`}>{e.title}</Link> },
          { title: m.kind, key: 'kind', width: 100, render: (_, e) => all.evaluations.kinds[e.kind] },
          { title: m.subject, key: 'subject', render: (_, e) => subjectName(e) },
          { title: m.evaluatingBody, dataIndex: 'evaluatingBody' },
          {
            title: m.state,
            key: 'state',
            width: 90,
            render: (_, e) => <Tag color={STATE_COLORS[e.state]}>{all.evaluations.states[e.state]}</Tag>,
          },
          {
            title: m.score,
            key: 'score',
            width: 120,
            render: (_, e) =>
              e.score === null ? (
                '—'
              ) : (
                <Space size={4}>
                  <span className="num">{e.score}</span>
                  {e.grade && <GradeTag grade={e.grade} />}
                </Space>
              ),
          },
        ]}
      />
      <CursorPager {...pager} />
      {reviewer && <NewEvaluationDialog open={creating} onClose={() => setCreating(false)} />}
      {reviewer && <NewEvaluatorDialog open={addingEvaluator} onClose={() => setAddingEvaluator(false)} />}
    </div>
  );
}

interface Draft {
  year: number;
  kind: NewEvaluation['kind'];
  title: string;
  evaluatingBody: string;
  subjectKind: 'project' | 'policy';
  projectId?: number;
  policyName?: string;
  evaluatorIds: number[];
}

function NewEvaluationDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const all = useMessages();
  const m = all.evaluations.page;
  const { message } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const [form] = Form.useForm<Draft>();
  const [search, setSearch] = useState('');
  const projects = useQuery({
    queryKey: ['evaluation-subjects', search],
    queryFn: () => endpoints.projects({ q: search || undefined, limit: 50 }),
    enabled: open,
  });
  const evaluators = useQuery(evaluationQueries.evaluators(open));
  const subjectKind = Form.useWatch('subjectKind', form);
  const create = useMutation({
    mutationFn: (d: Draft) => {
      const project = projects.data?.items.find((p) => p.id === d.projectId);
      const subject =
        d.subjectKind === 'project'
          ? { documentId: project?.documentId ?? 0, projectCode: project?.code ?? '' }
          : { policyName: d.policyName ?? '' };
      return evaluationEndpoints.create({
        year: d.year,
        kind: d.kind,
        title: d.title,
        evaluatingBody: d.evaluatingBody,
        subject,
        evaluatorIds: d.evaluatorIds ?? [],
      });
    },
    onSuccess: async (e) => {
      await evaluationsStale(client);
      message.success(m.created);
      onClose();
      form.resetFields();
      navigate(`/evaluations/${e.id}`);
    },
    onError: (e) => message.error(e.message),
  });
  return (
    <Modal
      open={open}
      title={m.newEvaluation}
      onCancel={onClose}
      onOk={() => form.submit()}
      okButtonProps={{ loading: create.isPending }}
      destroyOnHidden
    >
      <Form<Draft>
        form={form}
        layout="vertical"
        initialValues={{ year: new Date().getFullYear() - 1, kind: 'finance', subjectKind: 'project', evaluatorIds: [] }}
        onFinish={(d) => create.mutate(d)}
      >
        <Form.Item name="year" label={m.year} rules={[{ required: true }]}>
          <InputNumber aria-label={m.year} min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="kind" label={m.kind}>
          <Radio.Group options={(['finance', 'department'] as const).map((k) => ({ value: k, label: all.evaluations.kinds[k] }))} />
        </Form.Item>
        <Form.Item name="title" label={m.titleLabel} rules={[{ required: true, whitespace: true }]}>
          <Input aria-label={m.titleLabel} maxLength={200} />
        </Form.Item>
        <Form.Item name="subjectKind" label={m.subject}>
          <Radio.Group
            options={[
              { value: 'project', label: m.subjectProject },
              { value: 'policy', label: m.subjectPolicy },
            ]}
          />
        </Form.Item>
        {subjectKind === 'policy' ? (
          <Form.Item name="policyName" label={m.policyName} rules={[{ required: true, whitespace: true }]}>
            <Input aria-label={m.policyName} maxLength={200} />
          </Form.Item>
        ) : (
          <Form.Item name="projectId" label={m.subjectProjectPick} rules={[{ required: true }]}>
            <Select
              aria-label={m.subjectProjectPick}
              showSearch
              filterOption={false}
              onSearch={setSearch}
              // An evaluation is of the project's year unless the reviewer says otherwise.
              onChange={(id: number) => {
                const year = projects.data?.items.find((p) => p.id === id)?.year;
                if (year !== undefined) form.setFieldValue('year', year);
              }}
              loading={projects.isFetching}
              options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.unitName} · ${p.name}（${p.year}）` }))}
            />
          </Form.Item>
        )}
        <Form.Item name="evaluatingBody" label={m.evaluatingBody} rules={[{ required: true, whitespace: true }]}>
          <Input aria-label={m.evaluatingBody} maxLength={200} />
        </Form.Item>
        <Form.Item name="evaluatorIds" label={m.evaluators}>
          <Select
            aria-label={m.evaluators}
            mode="multiple"
            options={(evaluators.data?.items ?? [])
              .filter((e) => !e.disabled)
              .map((e) => ({ value: e.id, label: `${e.organisation}（${e.username}）` }))}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}

function NewEvaluatorDialog({ open, onClose }: { open: boolean; onClose: () => void }) {
  const all = useMessages();
  const m = all.evaluations.page;
  const admin = all.web.admin;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ username: string; displayName: string; organisation: string }>();
  const [shown, setShown] = useState<{ username: string; password: string } | null>(null);
  const create = useMutation({
    mutationFn: evaluationEndpoints.createEvaluator,
    onSuccess: async (r) => {
      await evaluationsStale(client);
      message.success(m.evaluatorCreated);
      setShown({ username: r.user.username, password: r.password });
      form.resetFields();
    },
    onError: (e) => message.error(e.message),
  });
  const close = () => {
    setShown(null);
    onClose();
  };
  return (
    <Modal
      open={open}
      title={m.newEvaluator}
      onCancel={close}
      onOk={() => (shown ? close() : form.submit())}
      okText={shown ? admin.passwordNoted : undefined}
      okButtonProps={{ loading: create.isPending }}
      destroyOnHidden
    >
      {shown ? (
        <>
          <Alert type="warning" showIcon title={admin.passwordOnce} />
          <Typography.Paragraph className="password-once" copyable={{ text: shown.password }}>
            {shown.username}：<code data-testid="new-password">{shown.password}</code>
          </Typography.Paragraph>
        </>
      ) : (
        <Form form={form} layout="vertical" onFinish={(v) => create.mutate(v)}>
          <Form.Item name="organisation" label={m.organisation} rules={[{ required: true, whitespace: true }]}>
            <Input aria-label={m.organisation} maxLength={200} />
          </Form.Item>
          <Form.Item name="username" label={m.username} rules={[{ required: true, min: 2 }]}>
            <Input aria-label={m.username} maxLength={64} />
          </Form.Item>
          <Form.Item name="displayName" label={m.displayName} rules={[{ required: true, whitespace: true }]}>
            <Input aria-label={m.displayName} maxLength={100} />
          </Form.Item>
        </Form>
      )}
    </Modal>
  );
}
