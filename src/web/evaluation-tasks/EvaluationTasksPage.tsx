/**
 * 自评任务 for the bureau: its tasks, newest first, and 布置自评任务; a task's progress (counts by
 * state and late), its units a page at a time with 通过 / 退回 for the submitted ones, and 抽评 —
 * drawing the sample (by count or percentage, with a recorded seed) and re-checking each drawn one
 * beside the unit's own score.
 */
import { PlusOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Modal,
  Radio,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { subtree } from '../admin/bureau-tree.ts';
import { failureText } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import { queries } from '../api/queries.ts';
import { useSession } from '../auth/session.ts';
import { useMessages } from '../app/locale.tsx';
import { GradeTag } from '../evaluation/GradeTag.tsx';
import { useCursorList } from '../list/cursor-paging.ts';
import { CursorPager } from '../list/CursorPager.tsx';
import { StateTag } from './StateTag.tsx';
import {
  taskEndpoints,
  taskQueries,
  tasksStale,
  type AssignmentView,
  type NewTask,
  type RecheckView,
  type TaskDetail,
  type TaskView,
} from './tasks-api.ts';

export default function EvaluationTasksPage() {
  const { id } = useParams();
  return id === undefined ? <TaskList /> : <TaskDetailView id={Number(id)} />;
}

function TaskList() {
  const m = useMessages().evaluationTasks;
  const navigate = useNavigate();
  const [creating, setCreating] = useState(false);
  const { list, pager } = useCursorList({}, (page) => taskQueries.list(page));
  return (
    <Card
      title={m.title}
      extra={
        <Button type="primary" icon={<PlusOutlined />} onClick={() => setCreating(true)}>
          {m.create.button}
        </Button>
      }
    >
      <Table<TaskView>
        className="evaluation-tasks"
        rowKey="id"
        loading={list.isLoading}
        dataSource={list.data?.items ?? []}
        pagination={false}
        locale={{ emptyText: m.empty }}
        columns={[
          {
            title: m.columns.task,
            dataIndex: 'title',
            render: (title: string, t) => <Link to={`/evaluation-tasks/${t.id}`}>{title}</Link>,
          },
          { title: m.columns.year, dataIndex: 'year' },
          { title: m.columns.deadline, dataIndex: 'deadline' },
          { title: m.columns.assigned, dataIndex: 'assigned' },
        ]}
      />
      <CursorPager {...pager} />
      <CreateTask open={creating} onClose={() => setCreating(false)} onCreated={(t) => navigate(`/evaluation-tasks/${t.id}`)} />
    </Card>
  );
}

interface CreateValues {
  title: string;
  year: number;
  deadline: dayjs.Dayjs;
  scope: 'all' | 'bureau' | 'projects';
  bureauId?: number;
  projectIds?: number[];
}

const scopeOf = (v: CreateValues): NewTask['scope'] =>
  v.scope === 'bureau' && v.bureauId !== undefined
    ? { kind: 'bureau', bureauId: v.bureauId }
    : v.scope === 'projects'
      ? { kind: 'projects', projectIds: v.projectIds ?? [] }
      : { kind: 'all' };

/** 布置: to every unit under the reviewer's bureau, under one bureau of its subtree, or the units of chosen projects (found by name in the task's year). */
function CreateTask({ open, onClose, onCreated }: { open: boolean; onClose: () => void; onCreated: (t: TaskView) => void }) {
  const m = useMessages().evaluationTasks;
  const { message } = App.useApp();
  const client = useQueryClient();
  const { user } = useSession();
  const bureaus = useQuery({ ...queries.bureaus(), enabled: open });
  const reachable = user?.bureauId != null ? subtree(bureaus.data ?? [], user.bureauId) : [];
  const [form] = Form.useForm<CreateValues>();
  const scope = Form.useWatch('scope', form);
  const year = Form.useWatch('year', form);
  const [search, setSearch] = useState('');
  const projects = useQuery({
    queryKey: ['evaluation-task-projects', year, search],
    queryFn: () => endpoints.projects({ year, q: search || undefined, limit: 50 }),
    enabled: open && scope === 'projects',
  });
  const create = useMutation({
    mutationFn: (v: CreateValues) =>
      taskEndpoints.create({
        title: v.title,
        year: v.year,
        deadline: v.deadline.format('YYYY-MM-DD'),
        scope: scopeOf(v),
      }),
    onSuccess: async (t) => {
      message.success(m.create.done(t.assigned));
      await tasksStale(client);
      onClose();
      onCreated(t);
    },
    onError: (e) => message.error(failureText(e, m.create.heading)),
  });
  return (
    <Modal
      open={open}
      title={m.create.heading}
      okText={m.create.submit}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={create.isPending}
      destroyOnHidden
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ year: new Date().getFullYear() - 1, scope: 'all' }}
        onFinish={(v) => create.mutate(v)}
      >
        <Form.Item name="title" label={m.create.taskTitle} rules={[{ required: true, whitespace: true, message: m.errors.title }]}>
          <Input maxLength={200} />
        </Form.Item>
        <Form.Item name="year" label={m.create.year} rules={[{ required: true }]}>
          <InputNumber min={2000} max={2100} />
        </Form.Item>
        <Form.Item name="deadline" label={m.create.deadline} rules={[{ required: true }]}>
          <DatePicker />
        </Form.Item>
        <Form.Item name="scope" label={m.create.scope}>
          <Radio.Group>
            <Radio value="all">{m.scopes.all}</Radio>
            <Radio value="bureau">{m.scopes.bureau}</Radio>
            <Radio value="projects">{m.scopes.projects}</Radio>
          </Radio.Group>
        </Form.Item>
        {scope === 'projects' && (
          <Form.Item
            name="projectIds"
            label={m.create.projects}
            extra={m.create.projectsHint}
            rules={[{ required: true, message: m.errors.projects }]}
          >
            <Select
              mode="multiple"
              showSearch
              filterOption={false}
              onSearch={setSearch}
              loading={projects.isFetching}
              options={(projects.data?.items ?? []).map((p) => ({ value: p.id, label: `${p.code} ${p.name}（${p.unitName}）` }))}
            />
          </Form.Item>
        )}
        {scope === 'bureau' && (
          <Form.Item name="bureauId" label={m.create.bureau} rules={[{ required: true, message: m.errors.bureau }]}>
            <Select
              loading={bureaus.isLoading}
              options={reachable.map((b) => ({ value: b.id, label: `${b.code} ${b.name}` }))}
              showSearch
              optionFilterProp="label"
            />
          </Form.Item>
        )}
      </Form>
    </Modal>
  );
}

const COUNT_KEYS = ['notStarted', 'inProgress', 'submitted', 'returned', 'accepted', 'late'] as const;

function TaskDetailView({ id }: { id: number }) {
  const m = useMessages().evaluationTasks;
  const detail = useQuery(taskQueries.detail(id));
  const [filter, setFilter] = useState<string>('all');
  const state = filter === 'all' || filter === 'late' ? undefined : filter;
  const { list, pager } = useCursorList({ id, filter }, (page) =>
    taskQueries.assignments(id, { ...(state ? { state } : {}), late: filter === 'late' }, page),
  );
  const task = detail.data?.task;
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card
        title={task ? `${task.title}（${task.year}）` : m.title}
        extra={<Link to="/evaluation-tasks">{m.actions.back}</Link>}
        loading={detail.isLoading}
      >
        {task && (
          <Typography.Paragraph>
            {m.columns.deadline}：{task.deadline}
          </Typography.Paragraph>
        )}
        <Space size="large" wrap data-testid="task-counts">
          {COUNT_KEYS.map((k) => (
            <Statistic key={k} title={m.counts[k]} value={detail.data?.counts[k] ?? 0} />
          ))}
        </Space>
      </Card>
      <Card title={m.columns.unit}>
        <Segmented
          value={filter}
          onChange={(v) => setFilter(String(v))}
          options={[
            { label: m.filters.all, value: 'all' },
            ...(['notStarted', 'inProgress', 'submitted', 'returned', 'accepted'] as const).map((s) => ({ label: m.states[s], value: s })),
            { label: m.filters.late, value: 'late' },
          ]}
        />
        <Table<AssignmentView>
          className="evaluation-assignments"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          columns={[
            { title: m.columns.unit, render: (_, a) => `${a.unitCode} ${a.unitName}` },
            { title: m.columns.state, render: (_, a) => <StateTag state={a.state} late={a.late} /> },
            { title: m.columns.selfScore, render: (_, a) => a.selfScore ?? '—' },
            { title: m.columns.selfGrade, render: (_, a) => (a.selfGrade ? <GradeTag grade={a.selfGrade} /> : '—') },
            { title: m.columns.comment, dataIndex: 'reviewComment' },
            { title: m.columns.actions, render: (_, a) => <ReviewActions assignment={a} /> },
          ]}
        />
        <CursorPager {...pager} />
      </Card>
      {task && <SampleCard task={task} sample={detail.data?.sample ?? null} />}
    </Space>
  );
}

function ReviewActions({ assignment }: { assignment: AssignmentView }) {
  const m = useMessages().evaluationTasks;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [returning, setReturning] = useState(false);
  const [comment, setComment] = useState('');
  const review = useMutation({
    mutationFn: (d: { decision: 'accept' | 'return'; comment: string }) => taskEndpoints.review(assignment, d.decision, d.comment),
    onSuccess: async (a) => {
      message.success(a.state === 'accepted' ? m.actions.accepted : m.actions.returned);
      setReturning(false);
      await tasksStale(client);
    },
    onError: (e) => message.error(failureText(e, m.actions.accept)),
  });
  return (
    <Space>
      {assignment.documentId !== null && <Link to={`/documents/${assignment.documentId}/evaluation`}>{m.actions.view}</Link>}
      {assignment.state === 'submitted' && (
        <>
          <Button size="small" type="primary" loading={review.isPending} onClick={() => review.mutate({ decision: 'accept', comment: '' })}>
            {m.actions.accept}
          </Button>
          <Button size="small" danger onClick={() => setReturning(true)}>
            {m.actions.return}
          </Button>
          <Modal
            open={returning}
            title={`${m.actions.returnHeading}：${assignment.unitName}`}
            okText={m.actions.return}
            okButtonProps={{ danger: true, disabled: comment.trim() === '' }}
            confirmLoading={review.isPending}
            onOk={() => review.mutate({ decision: 'return', comment })}
            onCancel={() => setReturning(false)}
          >
            <Form layout="vertical">
              <Form.Item label={m.actions.returnComment} required>
                <Input.TextArea
                  aria-label={m.actions.returnComment}
                  rows={4}
                  value={comment}
                  onChange={(e) => setComment(e.target.value)}
                />
              </Form.Item>
            </Form>
          </Modal>
        </>
      )}
    </Space>
  );
}

function SampleCard({ task, sample }: { task: TaskView; sample: TaskDetail['sample'] }) {
  const m = useMessages().evaluationTasks.sample;
  const c = useMessages().evaluationTasks.columns;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [drawing, setDrawing] = useState(false);
  const [by, setBy] = useState<'count' | 'percent'>('percent');
  const [form] = Form.useForm<{ amount: number; seed?: string }>();
  const { list, pager } = useCursorList({ task: task.id, drawn: sample?.drawnAt }, (page) => taskQueries.rechecks(task.id, page), {
    enabled: sample !== null,
  });
  const [rechecking, setRechecking] = useState<RecheckView | null>(null);
  const draw = useMutation({
    mutationFn: (v: { amount: number; seed?: string }) =>
      taskEndpoints.draw(task, by === 'count' ? { count: v.amount } : { percent: v.amount }, v.seed ?? ''),
    onSuccess: async () => {
      setDrawing(false);
      await tasksStale(client);
    },
    onError: (e) => message.error(failureText(e, m.draw)),
  });
  return (
    <Card
      title={m.heading}
      extra={
        sample === null && (
          <Button type="primary" onClick={() => setDrawing(true)}>
            {m.draw}
          </Button>
        )
      }
    >
      {sample === null ? (
        <Typography.Text type="secondary">{m.none}</Typography.Text>
      ) : (
        <>
          <Typography.Paragraph data-testid="sample-summary">
            {m.drawn(sample.drawn, sample.population.length)}；
            {m.summary(sample.seed, sample.population.length, dayjs(sample.drawnAt).format('YYYY-MM-DD HH:mm'), sample.drawnByName)}
          </Typography.Paragraph>
          <Table<RecheckView>
            className="evaluation-rechecks"
            rowKey="id"
            loading={list.isLoading}
            dataSource={list.data?.items ?? []}
            pagination={false}
            columns={[
              { title: '#', dataIndex: 'position' },
              { title: c.unit, render: (_, r) => `${r.unitCode} ${r.unitName}` },
              { title: c.selfScore, render: (_, r) => r.selfScore ?? '—' },
              { title: c.selfGrade, render: (_, r) => (r.selfGrade ? <GradeTag grade={r.selfGrade} /> : '—') },
              { title: c.recheckScore, render: (_, r) => r.score ?? m.notRechecked },
              { title: c.recheckGrade, render: (_, r) => (r.grade ? <GradeTag grade={r.grade} /> : '—') },
              { title: c.findings, dataIndex: 'findings' },
              {
                title: c.actions,
                render: (_, r) => (
                  <Button size="small" onClick={() => setRechecking(r)}>
                    {m.recheck}
                  </Button>
                ),
              },
            ]}
          />
          <CursorPager {...pager} />
        </>
      )}
      <Modal
        open={drawing}
        title={m.drawHeading}
        okText={m.draw}
        onOk={() => form.submit()}
        onCancel={() => setDrawing(false)}
        confirmLoading={draw.isPending}
      >
        <Form form={form} layout="vertical" initialValues={{ amount: 10 }} onFinish={(v) => draw.mutate(v)}>
          <Form.Item label={m.by}>
            <Radio.Group value={by} onChange={(e) => setBy(e.target.value)}>
              <Radio value="percent">{m.byPercent}</Radio>
              <Radio value="count">{m.byCount}</Radio>
            </Radio.Group>
          </Form.Item>
          <Form.Item name="amount" label={by === 'count' ? m.count : m.percent} rules={[{ required: true }]}>
            <InputNumber min={by === 'count' ? 1 : 0.01} max={by === 'count' ? undefined : 100} />
          </Form.Item>
          <Form.Item name="seed" label={m.seed} extra={m.seedHint}>
            <Input maxLength={100} />
          </Form.Item>
        </Form>
      </Modal>
      {rechecking && <RecheckForm recheck={rechecking} onClose={() => setRechecking(null)} />}
    </Card>
  );
}

function RecheckForm({ recheck, onClose }: { recheck: RecheckView; onClose: () => void }) {
  const m = useMessages().evaluationTasks.sample;
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ score: string; findings: string }>();
  const save = useMutation({
    mutationFn: (v: { score: string; findings: string }) => taskEndpoints.recheck(recheck, String(v.score), v.findings ?? ''),
    onSuccess: async () => {
      message.success(m.saved);
      await tasksStale(client);
      onClose();
    },
    onError: (e) => message.error(failureText(e, m.save)),
  });
  return (
    <Modal
      open
      title={`${m.recheckHeading}：${recheck.unitName}`}
      okText={m.save}
      onOk={() => form.submit()}
      onCancel={onClose}
      confirmLoading={save.isPending}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ score: recheck.score ?? '', findings: recheck.findings }}
        onFinish={(v) => save.mutate(v)}
      >
        <Form.Item name="score" label={m.score} rules={[{ required: true }]}>
          <Input />
        </Form.Item>
        <Form.Item name="findings" label={m.findings}>
          <Input.TextArea rows={4} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
