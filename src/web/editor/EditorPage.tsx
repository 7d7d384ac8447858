/**
 * The unit's editor for one document: 部门整体绩效目标 and each 项目绩效目标表 in tabs, the live
 * findings beside them, autosave with its state in view, the conflict dialog, and submission.
 */
import { DeleteOutlined, HistoryOutlined, PlusOutlined, QuestionCircleOutlined, SendOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Drawer, Popover, Result, Space, Tag, Typography } from 'antd';
import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { flushSync } from 'react-dom';
import { useNavigate, useParams, useSearchParams } from 'react-router';
import { reviewDocument } from '../../core/review/engine.ts';
import type { Finding } from '../../core/review/finding.ts';
import { ApiFailure, failureText } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import { useLocale } from '../app/locale.tsx';
import { PartNav } from '../form/PartNav.tsx';
import { ProjectForm } from '../form/ProjectForm.tsx';
import { FindingItem, NotesProvider, type NotesSource } from '../form/notes.tsx';
import { locate, type PlaceOf } from '../form/locate.ts';
import { IndicatorTableView } from '../form/IndicatorTableView.tsx';
import { AuditTimeline } from '../review/AuditTimeline.tsx';
import { anchorText, commentPlace, PlacedComment, useOpenComments } from '../review/comments.tsx';
import { PageLoading } from '../shell/Layout.tsx';
import { ConflictDialog } from './ConflictDialog.tsx';
import { DepartmentEditor } from './DepartmentEditor.tsx';
import { FindingIndex } from './findings-index.ts';
import { FindingsPanel } from './FindingsPanel.tsx';
import { IndicatorTable } from './IndicatorTable.tsx';
import { blankProject, editorProject, editorRow, profileOf, storedRowKey, toProject, toTargetDocument, type EditorRow } from './model.ts';
import { insertInGroup } from './rows.ts';
import { Suggestions } from './Suggestions.tsx';
import { historyByIndicator, historyForReview, historyOfRows } from '../form/row-history.ts';
import type { Indicator } from '../../core/model/document.ts';
import { ExAntePanel } from '../ex-ante/ExAntePanel.tsx';
import { ProjectTransfers } from '../transfer/ProjectTransfers.tsx';
import { CarriedPanel } from '../rectification/CarriedPanel.tsx';
import { SaveIndicator } from './SaveIndicator.tsx';
import { useDocumentSession } from './useDocumentSession.ts';
import { DepartmentView } from '../form/DepartmentView.tsx';
import { ExportButtons } from '../public/ExportButtons.tsx';
import { DocumentNav } from '../shell/DocumentNav.tsx';
import { queries, stale } from '../api/queries.ts';

const EDITABLE = new Set(['draft', 'returned']);
const keyOf = (row: EditorRow) => row.key;
const DEPARTMENT_TAB = 'department';

export default function EditorPage() {
  const { m, locale } = useLocale();
  const w = m.web;
  const documentId = Number(useParams().id);
  const navigate = useNavigate();
  const client = useQueryClient();
  const { modal, message } = App.useApp();
  const [params, setParams] = useSearchParams();
  const [historyOpen, setHistoryOpen] = useState(false);
  const { session, snapshot, error } = useDocumentSession(documentId);
  const openComments = useOpenComments(documentId);

  // The bureau's review settings and form profile, so live findings are the ones the server gives on submission.
  const reviewSettings = useQuery(queries.reviewSettings(documentId));
  // Each row's 上年 / 前年, bound to the rows as loaded (by their stored ids) and kept by them through edits.
  const loadedVersion = useMemo(() => session?.getSnapshot().version, [session]);
  const history = useQuery(queries.history(documentId, loadedVersion));
  const pastByKey = useMemo(() => new Map([...historyByIndicator(history.data)].map(([id, h]) => [storedRowKey(id), h])), [history.data]);
  const doc = useDeferredValue(snapshot?.doc);
  const review = reviewSettings.data;
  // The stored 事前绩效评估, so the live review asks for them as the submission gate does.
  const exAnte = useQuery(queries.exAnteContext(documentId)).data;
  const findings = useMemo(() => {
    if (!doc) return [];
    const target = toTargetDocument(doc);
    // With history the live review also says where a target falls below last year's actual.
    const past =
      pastByKey.size > 0 ? historyForReview(target, (i) => historyOfRows(doc.projects[i]!.indicators, keyOf, pastByKey)) : undefined;
    return reviewDocument(target, { locale, ...review, history: past, exAnte });
  }, [doc, locale, review, pastByKey, exAnte]);
  const index = useMemo(() => new FindingIndex(findings), [findings]);
  const notes = useMemo<NotesSource>(() => ({ findings: index, comments: openComments.data ?? [] }), [index, openComments.data]);

  const unsaved = (snapshot?.unsaved.length ?? 0) > 0;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (e: BeforeUnloadEvent) => {
      e.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  // The part chosen is on screen before the click's task ends; the address, which the router updates
  // a moment later (rendering it as a transition), then agrees. Rendered by the address alone, the old
  // part's form stayed on screen and took input while the address already named the next part.
  const addressed = params.get('tab') ?? DEPARTMENT_TAB;
  const [chosen, setChosen] = useState<string | null>(null);
  if (chosen !== null && chosen === addressed) setChosen(null);
  const tab = chosen ?? addressed;
  const setTab = useCallback(
    (key: string) => {
      flushSync(() => setChosen(key));
      setParams((p) => ({ ...Object.fromEntries(p), tab: key }), { replace: true });
    },
    [setParams],
  );
  // A finding to bring into view once its part is the one on screen.
  const [locating, setLocating] = useState<{ place: PlaceOf; openComments: boolean; part: string } | null>(null);
  const shown = snapshot?.doc.projects.find((p) => p.key === tab)?.key ?? DEPARTMENT_TAB;
  useEffect(() => {
    if (!locating || locating.part !== shown) return;
    setLocating(null);
    locate(locating.place, locating.openComments);
  }, [locating, shown]);

  if (error) return <Result status="error" title={error instanceof Error ? error.message : w.common.error} />;
  if (!session || !snapshot || reviewSettings.isPending) return <PageLoading />;

  const { meta } = snapshot;
  const current = snapshot.doc;
  const editable = EDITABLE.has(meta.status);
  const project = current.projects.find((p) => p.key === shown);
  const partFindings = project ? index.project(project.code) : index.document;

  const onLocate = (f: PlaceOf, openComments = false) => {
    const target = f.projectCode === null ? DEPARTMENT_TAB : (current.projects.find((p) => p.code === f.projectCode)?.key ?? shown);
    setLocating({ place: f, openComments, part: target });
    if (target !== shown) setTab(target);
  };

  /** Puts a suggested row into the project's table, as a row typed in would be (the newest working copy's). */
  const addSuggested = (key: string, row: Indicator) => {
    const rows = session.getSnapshot().doc.projects.find((p) => p.key === key)?.indicators;
    if (rows) session.updateProject(key, { indicators: insertInGroup(rows, editorRow(row)).rows });
  };

  const addProject = () => {
    const p = editorProject(blankProject(current, w.project.newProjectName), null);
    session.addProject(p);
    setTab(p.key);
  };

  const deleteProject = (key: string, name: string) =>
    modal.confirm({
      title: w.editor.deleteProjectConfirm(name),
      okButtonProps: { danger: true },
      onOk: () => {
        session.removeProject(key);
        setTab(DEPARTMENT_TAB);
      },
    });

  const submit = async () => {
    await session.save();
    const errors = findings.filter((f) => f.severity === 'error');
    const blocked = (list: readonly Finding[]) =>
      modal.error({
        title: w.editor.submitBlocked(list.length),
        width: 640,
        content: (
          <div className="blocked-list" data-testid="submit-blocked">
            {list.map((f, i) => (
              <FindingItem key={i} finding={f} />
            ))}
          </div>
        ),
      });
    if (errors.length > 0) return blocked(errors);
    const warnings = findings.filter((f) => f.severity === 'warning').length;
    modal.confirm({
      title: w.editor.submit,
      content: (
        <>
          <p>{w.editor.submitConfirm}</p>
          {warnings > 0 && <p>{w.editor.submitWarnings(warnings)}</p>}
        </>
      ),
      onOk: async () => {
        try {
          await endpoints.step(documentId, 'submit', session.getSnapshot().version);
          await stale.everything(client);
          message.success(w.editor.submitted);
          navigate('/unit');
        } catch (e) {
          if (e instanceof ApiFailure && e.code === 'review_errors' && e.body.findings) blocked(e.body.findings);
          else message.error(failureText(e, w.common.networkError));
        }
      },
    });
  };

  const shortcuts = (
    <table className="shortcuts">
      <tbody>
        {w.editor.shortcuts.map(([keys, what]) => (
          <tr key={keys}>
            <th>
              <kbd>{keys}</kbd>
            </th>
            <td>{what}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );

  const parts = [
    { key: DEPARTMENT_TAB, label: w.editor.tabDepartment, errors: index.document.filter((f) => f.severity === 'error').length },
    ...current.projects.map((p, i) => ({
      key: p.key,
      label: w.editor.projectTab(i + 1, p.name),
      errors: index.project(p.code).filter((f) => f.severity === 'error').length,
    })),
  ];

  return (
    <NotesProvider value={notes}>
      <div className="editor-page">
        <div className="page-head">
          <div className="page-title">
            <Typography.Title level={3} style={{ margin: 0 }}>
              {w.editor.title(meta.unitName, meta.year)}
            </Typography.Title>
            <Tag>{m.server.statusNames[meta.status]}</Tag>
            {editable && <SaveIndicator snapshot={snapshot} />}
          </div>
          <Space wrap>
            {/* Click only: with focus as well, the click that focuses the button opened the help and toggled it shut. */}
            <Popover title={w.editor.shortcutsTitle} content={shortcuts} trigger="click">
              <Button icon={<QuestionCircleOutlined />}>{w.editor.shortcutsTitle}</Button>
            </Popover>
            <ExportButtons documentId={documentId} />
            <Button icon={<HistoryOutlined />} onClick={() => setHistoryOpen(true)}>
              {w.editor.history}
            </Button>
            {editable && (
              <Button type="primary" icon={<SendOutlined />} onClick={submit}>
                {w.editor.submit}
              </Button>
            )}
          </Space>
        </div>
        <DocumentNav documentId={documentId} status={meta.status} />
        {!editable && <Alert type="info" showIcon title={w.editor.readOnly(m.server.statusNames[meta.status])} className="page-alert" />}
        {notes.comments.length > 0 && (
          <Alert
            type={meta.status === 'returned' ? 'warning' : 'info'}
            showIcon
            className="page-alert"
            title={meta.status === 'returned' ? w.unitHome.returnedNotice : w.editor.comments}
            description={
              <div className="comment-list" data-testid="review-comments">
                {notes.comments.map((c) => (
                  <PlacedComment
                    key={c.id}
                    comment={c}
                    place={anchorText(w.reviewPage, current, c)}
                    onOpen={() => onLocate(commentPlace(c), true)}
                  />
                ))}
              </div>
            }
          />
        )}
        <div className="editor-body">
          <div className="editor-main">
            <PartNav
              parts={parts}
              active={shown}
              onChange={setTab}
              label={w.editor.parts}
              extra={
                editable && (
                  <Button icon={<PlusOutlined />} onClick={addProject}>
                    {w.editor.addProject}
                  </Button>
                )
              }
            />
            {project ? (
              <div key={project.key} data-part={project.key}>
                <ProjectForm
                  project={project}
                  projectId={project.id}
                  header={profileOf(current).header}
                  onChange={editable ? (patch) => session.updateProject(project.key, patch) : undefined}
                  indicators={
                    editable ? (
                      <IndicatorTable
                        rows={project.indicators}
                        onRows={(indicators) => session.updateProject(project.key, { indicators })}
                        year={current.year}
                        code={project.code}
                        projectId={project.id}
                        profile={profileOf(current)}
                        history={pastByKey}
                        extra={
                          <Suggestions
                            projectId={project.id}
                            projectName={project.name}
                            rows={project.indicators}
                            onAdd={(row) => addSuggested(project.key, row)}
                          />
                        }
                      />
                    ) : (
                      <IndicatorTableView
                        indicators={project.indicators}
                        code={project.code}
                        projectId={project.id}
                        history={historyOfRows(project.indicators, keyOf, pastByKey)}
                      />
                    )
                  }
                />
                {project.id !== null && <ProjectTransfers projectId={project.id} />}
                <CarriedPanel documentId={documentId} projectCode={project.code} />
                {project.id !== null && (
                  <ExAntePanel documentId={documentId} projectId={project.id} project={toProject(project)} editable={editable} />
                )}
                {editable && (
                  <Button
                    danger
                    icon={<DeleteOutlined />}
                    onClick={() => deleteProject(project.key, project.name)}
                    className="delete-project"
                  >
                    {w.editor.deleteProject}
                  </Button>
                )}
              </div>
            ) : editable ? (
              <div data-part={DEPARTMENT_TAB}>
                <DepartmentEditor
                  department={current.department}
                  onChange={(d) => session.setDepartment(d)}
                  year={current.year}
                  profile={profileOf(current)}
                />
              </div>
            ) : (
              <DepartmentView department={current.department} />
            )}
          </div>
          <FindingsPanel title={w.editor.findingsPanel} part={partFindings} all={findings} onLocate={onLocate} />
        </div>
        <ConflictDialog session={session} snapshot={snapshot} />
        <Drawer title={w.audit.title} open={historyOpen} onClose={() => setHistoryOpen(false)} size="large" destroyOnHidden>
          <AuditTimeline documentId={documentId} />
        </Drawer>
      </div>
    </NotesProvider>
  );
}
