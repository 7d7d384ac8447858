/**
 * 我的自评任务 for a unit's staff: its reminders (the deadline near or past, a returned
 * self-evaluation), and each task with its state, the bureau's comment, and 开始自评 / 填报自评 /
 * 提交自评. Submitting is refused with the reason while the self-evaluation has errors.
 */
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, List, Space, Table, Typography } from 'antd';
import { useNavigate } from 'react-router';
import { failureText } from '../api/client.ts';
import { useMessages } from '../app/locale.tsx';
import { GradeTag } from '../evaluation/GradeTag.tsx';
import { useCursorList } from '../list/cursor-paging.ts';
import { CursorPager } from '../list/CursorPager.tsx';
import { StateTag } from './StateTag.tsx';
import { taskEndpoints, taskQueries, tasksStale, type UnitAssignmentView } from './tasks-api.ts';

export default function UnitTasksPage() {
  const m = useMessages().evaluationTasks;
  const reminders = useQuery(taskQueries.reminders());
  const { list, pager } = useCursorList({}, (page) => taskQueries.mine(page));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={m.reminders.title} size="small">
        <List
          className="evaluation-reminders"
          dataSource={reminders.data?.items ?? []}
          locale={{ emptyText: m.reminders.none }}
          renderItem={(r) => (
            <List.Item>
              <Alert
                type={r.kind === 'week' ? 'info' : r.kind === 'day' ? 'warning' : 'error'}
                showIcon
                message={r.message}
                style={{ width: '100%' }}
              />
            </List.Item>
          )}
        />
      </Card>
      <Card title={m.unitTitle}>
        <Table<UnitAssignmentView>
          className="unit-evaluation-tasks"
          rowKey="id"
          loading={list.isLoading}
          dataSource={list.data?.items ?? []}
          pagination={false}
          locale={{ emptyText: m.unitEmpty }}
          columns={[
            { title: m.columns.task, dataIndex: 'title' },
            { title: m.columns.year, dataIndex: 'year' },
            { title: m.columns.deadline, dataIndex: 'deadline' },
            { title: m.columns.projects, render: (_, a) => a.projectCodes?.join('、') ?? m.allProjects },
            { title: m.columns.state, render: (_, a) => <StateTag state={a.state} late={a.late} /> },
            {
              title: m.columns.selfScore,
              render: (_, a) =>
                a.selfScore ? (
                  <Space>
                    {a.selfScore}
                    {a.selfGrade && <GradeTag grade={a.selfGrade} />}
                  </Space>
                ) : (
                  '—'
                ),
            },
            { title: m.columns.comment, render: (_, a) => <Typography.Text type="warning">{a.reviewComment}</Typography.Text> },
            { title: m.columns.actions, render: (_, a) => <UnitActions assignment={a} /> },
          ]}
        />
        <CursorPager {...pager} />
      </Card>
    </Space>
  );
}

function UnitActions({ assignment }: { assignment: UnitAssignmentView }) {
  const m = useMessages().evaluationTasks.actions;
  const { message, modal } = App.useApp();
  const client = useQueryClient();
  const navigate = useNavigate();
  const start = useMutation({
    mutationFn: () => taskEndpoints.start(assignment),
    onSuccess: async (a) => {
      await tasksStale(client);
      if (a.documentId !== null) navigate(`/documents/${a.documentId}/evaluation`);
    },
    onError: (e) => message.error(failureText(e, m.start)),
  });
  const submit = useMutation({
    mutationFn: () => taskEndpoints.submit(assignment),
    onSuccess: async () => {
      message.success(m.submitted);
      await tasksStale(client);
    },
    onError: (e) => message.error(failureText(e, m.submit)),
  });
  const open = ['notStarted', 'inProgress', 'returned'].includes(assignment.state);
  return (
    <Space>
      {assignment.state === 'notStarted' && (
        <Button size="small" loading={start.isPending} onClick={() => start.mutate()}>
          {m.start}
        </Button>
      )}
      {assignment.state !== 'notStarted' && assignment.documentId !== null && (
        <Button size="small" type="link" onClick={() => navigate(`/documents/${assignment.documentId}/evaluation`)}>
          {m.open}
        </Button>
      )}
      {open && (
        <Button
          size="small"
          type="primary"
          loading={submit.isPending}
          onClick={() => modal.confirm({ title: m.submit, content: m.submitConfirm, onOk: () => submit.mutate() })}
        >
          {m.submit}
        </Button>
      )}
    </Space>
  );
}
