/**
 * One 项目支出绩效自评表 as the unit fills it in: the budget line (全年预算数 may be adjusted), the
 * year's goals against 实际完成情况, and per indicator its target, actual, completion, 分值 and
 * 得分, with 不适用, the qualitative 得分比例 and the 偏差原因分析及改进措施 the rules make mandatory
 * (the prompt stands beside the empty field); then the 一级 subtotals, the total and the grade.
 * Changes are held on the page until saved, each place as one evaluation note.
 */
import { SaveOutlined, UndoOutlined } from '@ant-design/icons';
import { useQuery } from '@tanstack/react-query';
import { App, Button, Card, Checkbox, Input, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { endpoints } from '../api/endpoints.ts';
import type { EvaluationNoteInput, EvaluationNoteRecord, IndicatorEvaluation, ProjectEvaluation } from '../api/monitoring-types.ts';

type MonitoringOffered = ProjectEvaluation['budget']['monitoring'];
import { useMessages } from '../app/locale.tsx';
import { ColumnWidths } from '../form/ColumnWidths.tsx';
import { AmountInput } from '../form/fields.tsx';
import { FindingItem } from '../form/notes.tsx';
import { useUnsaved } from '../form/unsaved.tsx';
import { amountText } from '../format/amount.ts';
import { IndicatorCell } from '../monitoring/IndicatorCell.tsx';
import { inputOf, useRecordWriter } from '../monitoring/record-writer.tsx';
import { GradeTag } from './GradeTag.tsx';
import { useSaving } from '../monitoring/useSaving.ts';
import { queries } from '../api/queries.ts';

type NoteFields = Omit<EvaluationNoteInput, 'index'>;
/** Unsaved changes by place: 0 for the project line, n for row n. */
type Drafts = Record<number, NoteFields>;

const BLANK: Required<NoteFields> = {
  notApplicable: false,
  notApplicableReason: '',
  analysis: '',
  points: null,
  gradePercent: null,
  adjustedBudget: null,
  results: '',
};

interface Props {
  documentId: number;
  projectId: number;
  evaluation: ProjectEvaluation;
  editable: boolean;
}

export function ProjectEvaluationForm({ documentId, projectId, evaluation: p, editable }: Props) {
  const msgs = useMessages();
  const m = msgs.web.evaluationPage;
  const { message } = App.useApp();
  const write = useRecordWriter();
  const records = useQuery(queries.records(projectId));
  const [drafts, setDrafts] = useState<Drafts>({});
  const [saving, run] = useSaving();
  const dirty = Object.keys(drafts).length;
  useUnsaved(dirty > 0);

  const stored = (index: number | null): EvaluationNoteRecord | null =>
    records.data?.evaluationNotes.find((n) => n.index === index && !n.orphaned) ?? null;
  /** A note field as the user sees it: their unsaved change, else what is stored. */
  const field = <K extends keyof NoteFields>(index: number | null, key: K): Required<NoteFields>[K] => {
    const draft = drafts[index ?? 0];
    if (draft && key in draft) return draft[key] as Required<NoteFields>[K];
    const note = stored(index);
    return (note ? inputOf('evaluation-notes', note)[key] : BLANK[key]) as Required<NoteFields>[K];
  };
  const change = (index: number | null, patch: NoteFields) => setDrafts((d) => ({ ...d, [index ?? 0]: { ...d[index ?? 0], ...patch } }));

  const save = () =>
    run(async () => {
      for (const [place, patch] of Object.entries(drafts)) {
        const index = Number(place) === 0 ? null : Number(place);
        const base = stored(index);
        const fields = { ...(base ? inputOf('evaluation-notes', base) : BLANK), ...patch };
        const written = await write('evaluation-notes', { documentId, projectId }, { index, ...fields }, base);
        if (written)
          setDrafts((d) => {
            const { [Number(place)]: _saved, ...rest } = d;
            return rest;
          });
      }
      message.success(m.saved);
    });

  const b = p.budget;
  const analysisMissing = (index: number | null, required: boolean) => required && field(index, 'analysis').trim() === '';
  const reasonMissing = (index: number) => field(index, 'notApplicable') && field(index, 'notApplicableReason').trim() === '';
  const unreasoned = p.indicators.some((r) => reasonMissing(r.index));
  /** The cause and measure the unit gave in monitoring, as one analysis text; '' when there are none. */
  const offeredText = (offered: MonitoringOffered | null | undefined) =>
    offered
      ? m.adoptedText(
          offered.cause ? `${msgs.monitoring.causeCategories[offered.cause.category]}：${offered.cause.text}` : '',
          offered.measure,
        )
      : '';
  const analysisField = (index: number | null, required: boolean, label: string, offered: MonitoringOffered | null | undefined) => {
    const missing = analysisMissing(index, required);
    const current = field(index, 'analysis');
    const adopted = offeredText(offered);
    return (
      <div className="analysis-field">
        <Input.TextArea
          aria-label={label}
          aria-invalid={missing || undefined}
          autoSize={{ minRows: 1 }}
          disabled={!editable}
          status={missing ? 'error' : undefined}
          value={current}
          onChange={(e) => change(index, { analysis: e.target.value })}
        />
        {editable && adopted !== '' && !current.includes(adopted) && (
          // What the unit already explained in monitoring is offered, not asked for again.
          <Button
            size="small"
            type="link"
            className="adopt-monitoring"
            aria-label={index === null ? `${m.budgetLine} ${m.adoptMonitoring}` : m.adoptMonitoringRow(index)}
            title={adopted}
            onClick={() => change(index, { analysis: [current.trim(), adopted].filter(Boolean).join('\n') })}
          >
            {m.adoptMonitoring}
          </Button>
        )}
        {missing && (
          <Typography.Text type="danger" className="field-prompt" data-testid="analysis-required">
            {m.analysisRequired}
          </Typography.Text>
        )}
      </div>
    );
  };

  return (
    <Card
      className="project-evaluation"
      data-testid="project-evaluation"
      title={
        <Space wrap>
          <span>{msgs.evaluation.report.title}</span>
          <span className="mono">{p.projectCode}</span>
          <span>{p.projectName}</span>
        </Space>
      }
      extra={
        <Space>
          <Typography.Text strong data-testid="project-total">
            {m.total(p.total)}
          </Typography.Text>
          <GradeTag grade={p.grade} />
          {p.withoutNotApplicable && (
            <Tooltip title={m.withoutNotApplicableHint}>
              <Typography.Text type="secondary" data-testid="project-total-all-rows">
                {m.withoutNotApplicable(p.withoutNotApplicable.total)}
              </Typography.Text>{' '}
              <GradeTag grade={p.withoutNotApplicable.grade} />
            </Tooltip>
          )}
        </Space>
      }
    >
      <table className="form-band evaluation-budget">
        <thead>
          <tr>
            <th scope="col">{msgs.evaluation.report.initial}</th>
            <th scope="col">{msgs.evaluation.report.adjusted}</th>
            <th scope="col">{msgs.evaluation.report.spent}</th>
            <th scope="col">{msgs.evaluation.report.points}</th>
            <th scope="col">{msgs.evaluation.report.rate}</th>
            <th scope="col">{msgs.evaluation.report.score}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="form-value">{amountText(b.initial)}</td>
            <td className="form-value">
              {editable ? (
                <AmountInput
                  aria-label={msgs.evaluation.report.adjusted}
                  value={field(null, 'adjustedBudget')}
                  placeholder={amountText(b.initial)}
                  onChange={(v) => change(null, { adjustedBudget: v === '' ? null : v })}
                />
              ) : (
                amountText(b.adjusted)
              )}
            </td>
            <td className="form-value">{amountText(b.spent)}</td>
            <td className="form-value">{b.scored ? b.points : m.notScored}</td>
            <td className="form-value">{b.rate === null ? '' : `${b.rate}%`}</td>
            <td className="form-value">{b.scored ? b.score : ''}</td>
          </tr>
          {(b.explanationRequired || field(null, 'analysis') !== '') && (
            <tr>
              <th scope="row" className="form-label">
                {msgs.evaluation.report.explanation}
              </th>
              <td colSpan={5} className="form-value form-left">
                {analysisField(null, b.explanationRequired, `${m.budgetLine} ${msgs.evaluation.report.explanation}`, b.monitoring)}
              </td>
            </tr>
          )}
        </tbody>
      </table>

      <table className="form-band evaluation-goals">
        <ColumnWidths percents={[50, 50]} />
        <thead>
          <tr>
            <th scope="col">{msgs.evaluation.report.expected}</th>
            <th scope="col">{msgs.evaluation.report.results}</th>
          </tr>
        </thead>
        <tbody>
          <tr>
            <td className="form-value form-left">
              {p.goals.map((g, i) => (
                <p key={i} className="form-paragraph">
                  {msgs.web.project.goalNumber(i + 1)}
                  {g}
                </p>
              ))}
            </td>
            <td className="form-value form-left">
              <Input.TextArea
                aria-label={msgs.evaluation.report.results}
                autoSize={{ minRows: 2 }}
                disabled={!editable}
                value={field(null, 'results')}
                onChange={(e) => change(null, { results: e.target.value })}
              />
            </td>
          </tr>
        </tbody>
      </table>

      <Table<IndicatorEvaluation>
        size="small"
        rowKey="index"
        className="evaluation-indicators"
        pagination={false}
        dataSource={p.indicators}
        scroll={{ x: 1250 }}
        rowClassName={(r) =>
          r.status !== 'scored' ? 'row-not-scored' : analysisMissing(r.index, r.explanationRequired) ? 'row-missing' : ''
        }
        columns={[
          { title: msgs.web.project.rowNumber, dataIndex: 'index', width: 48 },
          {
            title: m.indicator,
            key: 'indicator',
            width: 220,
            render: (_, r) => <IndicatorCell row={r} />,
          },
          { title: msgs.evaluation.report.target, dataIndex: 'target', width: 100 },
          {
            title: msgs.evaluation.report.actual,
            key: 'actual',
            width: 100,
            render: (_, r) => r.actual?.value ?? <Typography.Text type="danger">{m.noActual}</Typography.Text>,
          },
          {
            title: m.completion,
            key: 'completion',
            width: 90,
            render: (_, r) =>
              r.completion.kind === 'qualitative'
                ? msgs.monitoring.bands[r.completion.band]
                : r.completionPercent !== null
                  ? `${r.completionPercent}%`
                  : r.completion.kind === 'notComparable'
                    ? m.notComparable
                    : '',
          },
          { title: msgs.evaluation.report.points, dataIndex: 'points', width: 70, align: 'right' },
          {
            title: msgs.evaluation.report.score,
            dataIndex: 'score',
            width: 70,
            align: 'right',
            render: (v: string, r) => (r.status === 'scored' ? v : msgs.web.monitoringPage.none),
          },
          {
            title: msgs.evaluation.report.notApplicable,
            key: 'na',
            width: 170,
            render: (_, r) => (
              <div className="not-applicable-field">
                <Checkbox
                  aria-label={m.notApplicableRow(r.index)}
                  disabled={!editable}
                  checked={field(r.index, 'notApplicable')}
                  onChange={(e) => change(r.index, { notApplicable: e.target.checked })}
                />
                {field(r.index, 'notApplicable') && (
                  <>
                    <Input.TextArea
                      aria-label={m.notApplicableReasonRow(r.index)}
                      aria-invalid={reasonMissing(r.index) || undefined}
                      status={reasonMissing(r.index) ? 'error' : undefined}
                      autoSize={{ minRows: 1 }}
                      disabled={!editable}
                      placeholder={m.notApplicableReasonPlaceholder}
                      value={field(r.index, 'notApplicableReason')}
                      onChange={(e) => change(r.index, { notApplicableReason: e.target.value })}
                    />
                    {reasonMissing(r.index) && (
                      <Typography.Text type="danger" className="field-prompt" data-testid="not-applicable-reason-required">
                        {m.notApplicableReasonRequired}
                      </Typography.Text>
                    )}
                  </>
                )}
              </div>
            ),
          },
          {
            title: m.gradePercent,
            key: 'gradePercent',
            width: 100,
            render: (_, r) =>
              r.completion.kind === 'qualitative' ? (
                <AmountInput
                  aria-label={m.gradePercentRow(r.index)}
                  disabled={!editable}
                  value={field(r.index, 'gradePercent')}
                  placeholder={r.creditPercent}
                  suffix="%"
                  onChange={(v) => change(r.index, { gradePercent: v === '' ? null : v })}
                />
              ) : null,
          },
          {
            title: msgs.evaluation.report.explanation,
            key: 'analysis',
            width: 260,
            render: (_, r) => analysisField(r.index, r.explanationRequired, m.analysisRow(r.index), r.monitoring),
          },
        ]}
      />

      <div className="evaluation-totals">
        <table className="form-band evaluation-families" aria-label={m.families}>
          <thead>
            <tr>
              <th scope="col">{m.family}</th>
              <th scope="col">{msgs.evaluation.report.points}</th>
              <th scope="col">{msgs.evaluation.report.score}</th>
            </tr>
          </thead>
          <tbody>
            {p.families.map((f) => (
              <tr key={f.family}>
                <th scope="row" className="form-label">
                  {msgs.evaluation.families[f.family]}
                </th>
                <td className="form-value">{f.points}</td>
                <td className="form-value">{f.score}</td>
              </tr>
            ))}
            <tr className="evaluation-total-row">
              <th scope="row" className="form-label">
                {msgs.evaluation.report.total}
              </th>
              <td className="form-value">{p.points}</td>
              <td className="form-value">
                <strong>{p.total}</strong> <GradeTag grade={p.grade} />
              </td>
            </tr>
            {p.withoutNotApplicable && (
              <tr>
                <th scope="row" className="form-label">
                  {msgs.evaluation.report.totalAllRows}
                </th>
                <td className="form-value">{p.withoutNotApplicable.points}</td>
                <td className="form-value">
                  {p.withoutNotApplicable.total} <GradeTag grade={p.withoutNotApplicable.grade} />
                </td>
              </tr>
            )}
          </tbody>
        </table>
        {p.findings.length > 0 && (
          <section className="evaluation-findings" aria-label={m.findings}>
            <Typography.Text strong>{m.findings}</Typography.Text>
            {p.findings.map((f, i) => (
              <FindingItem key={i} finding={f} />
            ))}
          </section>
        )}
      </div>

      {editable && (
        <Space className={`save-bar${dirty > 0 ? ' save-bar-dirty' : ''}`} wrap>
          <Button type="primary" icon={<SaveOutlined />} disabled={dirty === 0 || unreasoned} loading={saving} onClick={save}>
            {m.save(dirty)}
          </Button>
          {dirty > 0 && (
            <>
              <Tag color="warning">{msgs.web.actuals.unsaved}</Tag>
              <Button icon={<UndoOutlined />} onClick={() => setDrafts({})}>
                {msgs.web.actuals.undo}
              </Button>
            </>
          )}
        </Space>
      )}
    </Card>
  );
}
