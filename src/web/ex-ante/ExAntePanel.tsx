/**
 * The 事前绩效评估 of one project (docs/ex-ante.md): shown under a project that needs one — a new project
 * at the bureau's amount, judged live from what the editor holds — or that has one. The unit fills in
 * the five points (findings and a score out of 20 each), the conclusion, the assessor and the date,
 * and saves with the assessment's version (If-Match); someone else's newer save is a 409, said so with
 * a reload. Read-only on the review page and once the document is submitted.
 */
import { DownloadOutlined, SaveOutlined } from '@ant-design/icons';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Card, Descriptions, Input, Radio, Space, Tag, Typography } from 'antd';
import { useState } from 'react';
import { SECTION_IDS, stateOf, totalScore, type ExAnteAssessment, blankAssessment } from '../../core/ex-ante/assessment.ts';
import { needsAssessment, previousIndex } from '../../core/ex-ante/required.ts';
import type { Project } from '../../core/model/document.ts';
import { ApiFailure, failureText } from '../api/client.ts';
import { endpoints, type ProjectExAnte } from '../api/endpoints.ts';
import { queries } from '../api/queries.ts';
import { useLocale } from '../app/locale.tsx';

interface Props {
  documentId: number;
  projectId: number;
  /** The project as the screen holds it (the editor's working copy): whether it needs an assessment follows it. */
  project: Project;
  editable: boolean;
}

export function ExAntePanel({ documentId, projectId, project, editable }: Props) {
  const context = useQuery(queries.exAnteContext(documentId));
  const stored = useQuery(queries.exAnte(projectId));
  if (!context.data || !stored.data) return null;
  const required = needsAssessment(project, previousIndex(context.data.previous), context.data.threshold);
  if (!required && stored.data.assessment === null) return null;
  // A new version (saved here, or reloaded after someone else's save) starts the form again from it.
  return (
    <AssessmentCard
      key={stored.data.version}
      documentId={documentId}
      stored={stored.data}
      required={required}
      threshold={context.data.threshold}
      editable={editable}
    />
  );
}

function AssessmentCard(props: { documentId: number; stored: ProjectExAnte; required: boolean; threshold: string; editable: boolean }) {
  const { documentId, stored, required, threshold, editable } = props;
  const { m } = useLocale();
  const x = m.exAnte;
  const client = useQueryClient();
  const { message } = App.useApp();
  const [draft, setDraft] = useState<ExAnteAssessment>(stored.assessment ?? blankAssessment());
  const [saving, setSaving] = useState(false);
  const [stale, setStale] = useState(false);
  const state = stateOf(draft);
  const set = (patch: Partial<ExAnteAssessment>) => setDraft((d) => ({ ...d, ...patch }));

  const save = async () => {
    setSaving(true);
    try {
      await endpoints.saveExAnte(stored.projectId, stored.version, draft);
      message.success(x.panel.saved);
      await Promise.all(
        [
          ['ex-ante-project', stored.projectId],
          ['ex-ante', documentId],
          ['findings', documentId],
        ].map((queryKey) => client.invalidateQueries({ queryKey })),
      );
    } catch (e) {
      if (e instanceof ApiFailure && e.isConflict) setStale(true);
      else message.error(failureText(e, m.web.common.networkError));
    } finally {
      setSaving(false);
    }
  };
  const reload = () => {
    setStale(false);
    void client.invalidateQueries({ queryKey: ['ex-ante-project', stored.projectId] });
  };

  // The tag says what is saved; the line under the form says what the draft on screen amounts to.
  const saved = stored.assessment === null ? null : stateOf(stored.assessment);
  const stateTag =
    saved === null ? (
      <Tag>{x.panel.none}</Tag>
    ) : (
      <Tag color={saved === 'complete' ? 'success' : 'error'}>
        {saved === 'complete' ? x.panel.complete : saved === 'rejected' ? x.conclusions.reject : x.panel.unfinished}
      </Tag>
    );

  return (
    <Card
      className="ex-ante-panel"
      data-testid="ex-ante-panel"
      title={x.title}
      extra={
        <Space>
          {stateTag}
          {stored.assessment !== null && (
            <Button size="small" icon={<DownloadOutlined />} href={endpoints.exAnteReportUrl(stored.projectId)}>
              {x.panel.exportDocx}
            </Button>
          )}
        </Space>
      }
    >
      <Alert type={required ? 'warning' : 'info'} showIcon title={required ? x.panel.required(threshold) : x.panel.optional} />
      {stale && (
        <Alert
          type="error"
          showIcon
          title={x.panel.stale}
          action={
            <Button size="small" onClick={reload}>
              {x.panel.reload}
            </Button>
          }
        />
      )}
      {editable ? (
        <AssessmentForm draft={draft} set={set} points={stored.sectionPoints} />
      ) : (
        <AssessmentView assessment={stored.assessment ?? draft} points={stored.sectionPoints} />
      )}
      {editable && (
        <Space className="ex-ante-actions">
          <Button type="primary" icon={<SaveOutlined />} loading={saving} disabled={stale} onClick={save}>
            {x.panel.save}
          </Button>
          <Typography.Text type={state === 'complete' ? 'success' : 'danger'}>
            {state === 'complete' ? x.panel.complete : state === 'rejected' ? x.panel.rejected : x.panel.incomplete}
          </Typography.Text>
        </Space>
      )}
      {!editable && <Typography.Text type="secondary">{x.panel.readOnly}</Typography.Text>}
    </Card>
  );
}

function AssessmentForm({ draft, set, points }: { draft: ExAnteAssessment; set: (p: Partial<ExAnteAssessment>) => void; points: string }) {
  const { m } = useLocale();
  const x = m.exAnte;
  return (
    <div className="ex-ante-form">
      {SECTION_IDS.map((id) => (
        <fieldset key={id} className="ex-ante-section">
          <legend>{x.sectionLabel(x.sections[id], points)}</legend>
          <Input.TextArea
            aria-label={x.fieldLabel(x.sections[id], x.finding)}
            autoSize={{ minRows: 2 }}
            value={draft[id].finding}
            onChange={(e) => set({ [id]: { ...draft[id], finding: e.target.value } })}
          />
          <Input
            aria-label={x.fieldLabel(x.sections[id], x.score)}
            addonBefore={x.score}
            inputMode="decimal"
            style={{ width: 180 }}
            value={draft[id].score ?? ''}
            onChange={(e) => {
              const text = e.target.value.trim();
              // Kept as written (exact decimal text); anything else is left for the server to refuse by name.
              set({ [id]: { ...draft[id], score: text === '' ? null : text } });
            }}
          />
        </fieldset>
      ))}
      <Typography.Text strong>{x.totalLine(totalScore(draft).toString())}</Typography.Text>
      <div className="ex-ante-conclusion">
        <Typography.Text strong>{x.conclusion}</Typography.Text>
        <Radio.Group
          aria-label={x.conclusion}
          value={draft.conclusion}
          onChange={(e) => set({ conclusion: e.target.value })}
          options={(['support', 'partial', 'reject'] as const).map((c) => ({ value: c, label: x.conclusions[c] }))}
        />
      </div>
      <Input.TextArea
        aria-label={x.suggestions}
        placeholder={x.suggestions}
        autoSize={{ minRows: 2 }}
        value={draft.suggestions}
        onChange={(e) => set({ suggestions: e.target.value })}
      />
      <Space wrap>
        <Radio.Group
          aria-label={x.assessor}
          value={draft.assessor.kind}
          onChange={(e) => set({ assessor: { ...draft.assessor, kind: e.target.value } })}
          options={(['unit', 'thirdParty'] as const).map((k) => ({ value: k, label: x.assessorKinds[k] }))}
        />
        <Input
          aria-label={x.assessorName}
          placeholder={x.assessorName}
          value={draft.assessor.name}
          onChange={(e) => set({ assessor: { ...draft.assessor, name: e.target.value } })}
        />
        <Input
          aria-label={x.date}
          type="date"
          value={draft.date ?? ''}
          onChange={(e) => set({ date: e.target.value === '' ? null : e.target.value })}
        />
      </Space>
    </div>
  );
}

function AssessmentView({ assessment: a, points }: { assessment: ExAnteAssessment; points: string }) {
  const { m } = useLocale();
  const x = m.exAnte;
  const none = x.report.none;
  return (
    <Descriptions column={1} bordered size="small">
      {SECTION_IDS.map((id) => (
        <Descriptions.Item key={id} label={x.sectionLabel(x.sections[id], points)}>
          <div className="pre-wrap">{a[id].finding || none}</div>
          <div>{x.scoreLine(a[id].score ?? x.report.unscored)}</div>
        </Descriptions.Item>
      ))}
      <Descriptions.Item label={x.conclusion}>
        {x.conclusionLine(a.conclusion === null ? x.report.noConclusion : x.conclusions[a.conclusion], totalScore(a).toString())}
      </Descriptions.Item>
      <Descriptions.Item label={x.suggestions}>{a.suggestions || none}</Descriptions.Item>
      <Descriptions.Item label={x.assessor}>{x.assessorLine(a.assessor.name || none, x.assessorKinds[a.assessor.kind])}</Descriptions.Item>
      <Descriptions.Item label={x.date}>{a.date ?? none}</Descriptions.Item>
    </Descriptions>
  );
}
