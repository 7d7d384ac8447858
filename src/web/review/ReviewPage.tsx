/**
 * A reviewer's page for one document: the form read-only with the findings and comments beside each
 * field, a comment box for any field or indicator row, return (with a comment), approve, publish,
 * the document's audit trail, and what changed between its versions (修改对比).
 */
import { CheckOutlined, GlobalOutlined, RollbackOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Input, Modal, Space, Tabs, Typography } from 'antd';
import { useMemo, useRef, useState } from 'react';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { ApiFailure } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import type { CommentAnchor } from '../api/types.ts';
import { useMessages } from '../app/locale.tsx';
import { locate } from '../form/locate.ts';
import { FindingIndex } from '../editor/findings-index.ts';
import { FindingsPanel } from '../editor/FindingsPanel.tsx';
import { DepartmentView } from '../form/DepartmentView.tsx';
import { IndicatorTableView } from '../form/IndicatorTableView.tsx';
import { NotesProvider, type NotesSource } from '../form/notes.tsx';
import { PartNav } from '../form/PartNav.tsx';
import { ProjectForm } from '../form/ProjectForm.tsx';
import { historyByIndicator, historyOfRows } from '../form/row-history.ts';
import { ExAntePanel } from '../ex-ante/ExAntePanel.tsx';
import { ProjectTransfers } from '../transfer/ProjectTransfers.tsx';
import { OpenRectificationButton } from '../rectification/OpenRectificationButton.tsx';
import { useSession } from '../auth/session.ts';
import { StatusTag } from '../form/StatusTag.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { LoadFailure } from '../shell/LoadFailure.tsx';
import { DocumentNav } from '../shell/DocumentNav.tsx';
import { ExportButtons } from '../public/ExportButtons.tsx';
import { AuditTimeline } from './AuditTimeline.tsx';
import { VersionDiffButton } from './VersionDiff.tsx';
import { anchorText, CommentHistory, useCommentHistory, useOpenComments } from './comments.tsx';
import { queries, stale } from '../api/queries.ts';

const DEPARTMENT_TAB = 'department';

export default function ReviewPage() {
  const m = useMessages();
  const w = m.web;
  const r = w.reviewPage;
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const client = useQueryClient();
  const { message, modal } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [side, setSide] = useState('findings');
  const [anchor, setAnchor] = useState<CommentAnchor>({});
  const [draft, setDraft] = useState('');
  const [returning, setReturning] = useState(false);
  const [returnText, setReturnText] = useState('');
  const composer = useRef<TextAreaRef>(null);
  const reviewer = useSession().user?.role === 'reviewer';

  const doc = useQuery(queries.document(id));
  const findings = useQuery(queries.findings(id));
  const openComments = useOpenComments(id);
  const history = useCommentHistory(id);
  const index = useMemo(() => new FindingIndex(findings.data?.findings ?? []), [findings.data]);
  const past = useQuery(queries.history(id, doc.data?.meta.version));
  const pastById = useMemo(() => historyByIndicator(past.data), [past.data]);

  const notes = useMemo<NotesSource>(
    () => ({
      findings: index,
      comments: openComments.data ?? [],
      onComment: (a) => {
        setAnchor(a);
        setSide('comments');
        setTimeout(() => composer.current?.focus(), 50);
      },
    }),
    [index, openComments.data],
  );

  const refresh = () => stale.everything(client);
  const addComment = useMutation({
    mutationFn: () => endpoints.addComment(id, draft.trim(), anchor),
    onSuccess: async () => {
      setDraft('');
      setAnchor({});
      message.success(r.commentAdded);
      await stale.comments(client, id);
    },
    onError: (e) => message.error(e.message),
  });
  const resolve = useMutation({ mutationFn: endpoints.resolveComment, onSuccess: () => stale.comments(client, id) });
  const step = useMutation({
    mutationFn: (what: 'return' | 'approve' | 'publish') =>
      endpoints.step(id, what, doc.data!.meta.version, what === 'return' ? { body: returnText.trim(), ...anchor } : undefined),
    onSuccess: async (_, what) => {
      message.success({ return: r.returnDone, approve: r.approveDone, publish: r.publishDone }[what]);
      setReturning(false);
      setReturnText('');
      await refresh();
      if (what === 'return') navigate('/review');
    },
    onError: (e) => {
      message.error(e instanceof ApiFailure && e.message ? e.message : w.common.networkError);
      if (e instanceof ApiFailure && e.status === 409) void refresh();
    },
  });

  if (doc.error) return <LoadFailure error={doc.error} />;
  if (!doc.data) return <PageLoading />;
  const d = doc.data;
  const meta = d.meta;
  const tab = params.get('tab') ?? DEPARTMENT_TAB;
  const project = d.projects.find((p) => `p${p.id}` === tab);
  const errors = index.all.filter((f) => f.severity === 'error').length;
  const onLocate = (f: (typeof index.all)[number]) => {
    const target = f.projectCode === null ? DEPARTMENT_TAB : `p${d.projects.find((p) => p.code === f.projectCode)?.id}`;
    setParams({ tab: target }, { replace: true });
    setTimeout(() => locate(f), 50);
  };

  return (
    <NotesProvider value={notes}>
      <div className="review-page">
        <div className="page-head">
          <div className="page-title">
            <Typography.Title level={3} style={{ margin: 0 }}>
              {r.title(meta.unitName, meta.year)}
            </Typography.Title>
            <StatusTag status={meta.status} />
          </div>
          <Space wrap>
            <ExportButtons documentId={id} />
            <VersionDiffButton documentId={id} label={m.diff.view.title} />
            {meta.status === 'submitted' && (
              <>
                <Button danger icon={<RollbackOutlined />} onClick={() => setReturning(true)}>
                  {r.return}
                </Button>
                <Button
                  type="primary"
                  icon={<CheckOutlined />}
                  disabled={errors > 0}
                  title={errors > 0 ? r.approveWithErrors(errors) : undefined}
                  loading={step.isPending && step.variables === 'approve'}
                  onClick={() => modal.confirm({ title: r.approveConfirm, onOk: () => step.mutateAsync('approve') })}
                >
                  {r.approve}
                </Button>
              </>
            )}
            {meta.status === 'approved' && (
              <Button
                type="primary"
                icon={<GlobalOutlined />}
                onClick={() => modal.confirm({ title: r.publishConfirm, onOk: () => step.mutateAsync('publish') })}
              >
                {r.publish}
              </Button>
            )}
          </Space>
        </div>
        <DocumentNav documentId={id} status={meta.status} />
        {meta.status === 'submitted' && errors > 0 && (
          <Alert type="error" showIcon className="page-alert" title={r.approveWithErrors(errors)} />
        )}

        <div className="editor-body">
          <div className="editor-main">
            <PartNav
              parts={[
                { key: DEPARTMENT_TAB, label: w.editor.tabDepartment, errors: index.document.filter((f) => f.severity === 'error').length },
                ...d.projects.map((p, i) => ({
                  key: `p${p.id}`,
                  label: w.editor.projectTab(i + 1, p.name),
                  errors: index.project(p.code).filter((f) => f.severity === 'error').length,
                })),
              ]}
              active={project ? tab : DEPARTMENT_TAB}
              onChange={(key) => setParams({ tab: key }, { replace: true })}
              label={w.editor.parts}
            />
            {project ? (
              <>
                <ProjectForm
                  project={project}
                  projectId={project.id}
                  indicators={
                    <IndicatorTableView
                      indicators={project.indicators}
                      code={project.code}
                      projectId={project.id}
                      history={historyOfRows(project.indicators, (r) => r.id, pastById)}
                    />
                  }
                />
                <ProjectTransfers projectId={project.id} />
                <ExAntePanel documentId={meta.id} projectId={project.id} project={project} editable={false} />
              </>
            ) : (
              <DepartmentView department={d.department} />
            )}
          </div>
          <div className="side-panel">
            <Tabs
              activeKey={side}
              onChange={setSide}
              items={[
                {
                  key: 'findings',
                  label: r.sideFindings,
                  children: (
                    <FindingsPanel
                      title={r.findings}
                      part={project ? index.project(project.code) : index.document}
                      all={index.all}
                      onLocate={onLocate}
                      action={
                        reviewer
                          ? (f) => <OpenRectificationButton documentId={id} finding={f} source={{ kind: 'review', ruleId: f.ruleId }} />
                          : undefined
                      }
                    />
                  ),
                },
                {
                  key: 'comments',
                  label: r.sideComments(history.data?.pages[0]?.total ?? 0),
                  children: (
                    <div className="comments-panel">
                      <div className="comment-composer">
                        <Typography.Text type="secondary">{r.commentOn(anchorText(r, d, anchor))}</Typography.Text>
                        <Input.TextArea
                          ref={composer}
                          aria-label={r.commentPlaceholder}
                          placeholder={r.commentPlaceholder}
                          autoSize={{ minRows: 3 }}
                          value={draft}
                          onChange={(e) => setDraft(e.target.value)}
                        />
                        <Space>
                          <Button
                            type="primary"
                            disabled={draft.trim() === ''}
                            loading={addComment.isPending}
                            onClick={() => addComment.mutate()}
                          >
                            {r.addComment}
                          </Button>
                          {(anchor.projectId || anchor.field) && <Button onClick={() => setAnchor({})}>{r.anchorDocument}</Button>}
                        </Space>
                      </div>
                      <CommentHistory doc={d} onResolve={(commentId) => resolve.mutate(commentId)} />
                    </div>
                  ),
                },
                { key: 'history', label: w.audit.title, children: <AuditTimeline documentId={id} /> },
              ]}
            />
          </div>
        </div>

        <Modal
          open={returning}
          title={r.returnTitle}
          okText={r.return}
          okButtonProps={{ danger: true, disabled: returnText.trim() === '', loading: step.isPending }}
          onOk={() => step.mutate('return')}
          onCancel={() => setReturning(false)}
          destroyOnHidden
        >
          <Typography.Paragraph type="secondary">{r.commentOn(anchorText(r, d, anchor))}</Typography.Paragraph>
          <Input.TextArea
            aria-label={r.returnComment}
            placeholder={r.returnComment}
            autoSize={{ minRows: 4 }}
            value={returnText}
            onChange={(e) => setReturnText(e.target.value)}
            autoFocus
          />
        </Modal>
      </div>
    </NotesProvider>
  );
}
