/**
 * A monitoring explanation (监控说明) for a project's spending or one indicator row: 偏差原因
 * (category and words), 完成可能性, 纠偏措施 and, for a row, 全年预计完成值, recorded at a date.
 * It opens with what counts on the monitoring date (the latest of each field up to it); where a
 * yellow or red light needs an explanation that is missing, the prompt stands next to the empty field.
 */
import { SaveOutlined } from '@ant-design/icons';
import { Alert, App, Button, Input, Select, Space, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { Finding } from '../../core/review/finding.ts';
import type { CauseCategory, Explanation, Likelihood, MonitoringNoteRecord } from '../api/monitoring-types.ts';
import { useMessages } from '../app/locale.tsx';
import { FindingItem } from '../form/notes.tsx';
import { useUnsaved } from '../form/unsaved.tsx';
import { useRecordWriter } from './record-writer.tsx';
import { useSaving } from './useSaving.ts';
import { YearDatePicker } from './YearDatePicker.tsx';

const CATEGORIES: CauseCategory[] = ['funding', 'institutional', 'staffing', 'facilities', 'other'];
const LIKELIHOODS: Likelihood[] = ['certain', 'possible', 'impossible'];

interface Draft {
  date: string;
  category: CauseCategory | null;
  cause: string;
  likelihood: Likelihood | null;
  measure: string;
  expectedYearEnd: string;
}

const draftOf = (e: Explanation, date: string): Draft => ({
  date,
  category: e.cause?.category ?? null,
  cause: e.cause?.text ?? '',
  likelihood: e.likelihood,
  measure: e.measure,
  expectedYearEnd: e.expectedYearEnd,
});

interface Props {
  documentId: number;
  projectId: number;
  /** The indicator row (1-based), or null for the project's spending. */
  index: number | null;
  year: number;
  /** The monitoring date: what the form opens with, and the date a new explanation is recorded at. */
  date: string;
  explanation: Explanation;
  /** The explanation records of this place (to change the one of the chosen date rather than add another). */
  notes: readonly MonitoringNoteRecord[];
  /** Findings of a missing mandatory explanation at this place. */
  missing: readonly Finding[];
  editable: boolean;
  /** Label prefix naming the place for screen readers ("第 3 行"). */
  label: string;
}

export function ExplanationForm({ documentId, projectId, index, year, date, explanation, notes, missing, editable, label }: Props) {
  const msgs = useMessages();
  const m = msgs.web.actuals.explanation;
  const { message } = App.useApp();
  const write = useRecordWriter();
  const initial = draftOf(explanation, date);
  const [draft, setDraft] = useState<Draft>(initial);
  const [dirty, setDirty] = useState(false);
  const [saving, run] = useSaving();
  useUnsaved(dirty);
  const key = JSON.stringify(initial);
  useEffect(() => {
    if (!dirty) setDraft(JSON.parse(key) as Draft);
  }, [key, dirty]);

  const set = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setDirty(true);
  };
  const required = missing.length > 0;
  const causeMissing = required && draft.cause.trim() === '';
  const measureMissing = required && draft.measure.trim() === '';

  const save = async () => {
    if (draft.cause.trim() !== '' && draft.category === null) {
      message.error(m.categoryNeeded);
      return;
    }
    await run(async () => {
      const base = notes.find((n) => n.date === draft.date && n.index === index && !n.orphaned) ?? null;
      const written = await write(
        'monitoring-notes',
        { documentId, projectId },
        {
          index,
          date: draft.date,
          cause: draft.category === null ? null : { category: draft.category, text: draft.cause.trim() },
          likelihood: draft.likelihood,
          measure: draft.measure.trim(),
          expectedYearEnd: index === null ? '' : draft.expectedYearEnd.trim(),
        },
        base,
      );
      if (written) {
        setDirty(false);
        message.success(m.saved);
      }
    });
  };

  return (
    <div className="explanation-form" data-testid={`explanation-${index ?? 'project'}`}>
      {required && (
        <Alert
          type="error"
          showIcon
          className="explanation-missing"
          title={m.missingTitle}
          description={missing.map((f, i) => <FindingItem key={i} finding={f} />)}
        />
      )}
      <div className="explanation-grid">
        <label className="field">
          <span className="field-label">{m.date}</span>
          <YearDatePicker
            aria-label={`${label} ${m.date}`}
            year={year}
            value={draft.date}
            disabled={!editable}
            onChange={(date) => set({ date })}
          />
        </label>
        <label className="field">
          <span className="field-label">{m.category}</span>
          <Select<CauseCategory>
            aria-label={`${label} ${m.category}`}
            allowClear
            disabled={!editable}
            value={draft.category ?? undefined}
            status={causeMissing && draft.category === null ? 'error' : undefined}
            onChange={(v) => set({ category: v ?? null })}
            options={CATEGORIES.map((c) => ({ value: c, label: msgs.monitoring.causeCategories[c] }))}
            placeholder={m.choose}
          />
        </label>
        <label className="field">
          <span className="field-label">{m.likelihood}</span>
          <Select<Likelihood>
            aria-label={`${label} ${m.likelihood}`}
            allowClear
            disabled={!editable}
            value={draft.likelihood ?? undefined}
            onChange={(v) => set({ likelihood: v ?? null })}
            options={LIKELIHOODS.map((l) => ({ value: l, label: msgs.monitoring.likelihoods[l] }))}
            placeholder={m.choose}
          />
        </label>
        {index !== null && (
          <label className="field">
            <span className="field-label">{m.expected}</span>
            <Input
              aria-label={`${label} ${m.expected}`}
              disabled={!editable}
              value={draft.expectedYearEnd}
              onChange={(e) => set({ expectedYearEnd: e.target.value })}
            />
          </label>
        )}
        <label className="field field-wide">
          <span className="field-label">
            {m.cause}
            {causeMissing && (
              <Typography.Text type="danger" className="field-prompt">
                {m.required}
              </Typography.Text>
            )}
          </span>
          <Input.TextArea
            aria-label={`${label} ${m.cause}`}
            aria-invalid={causeMissing || undefined}
            autoSize={{ minRows: 1 }}
            disabled={!editable}
            status={causeMissing ? 'error' : undefined}
            value={draft.cause}
            onChange={(e) => set({ cause: e.target.value })}
          />
        </label>
        <label className="field field-wide">
          <span className="field-label">
            {m.measure}
            {measureMissing && (
              <Typography.Text type="danger" className="field-prompt">
                {m.required}
              </Typography.Text>
            )}
          </span>
          <Input.TextArea
            aria-label={`${label} ${m.measure}`}
            aria-invalid={measureMissing || undefined}
            autoSize={{ minRows: 1 }}
            disabled={!editable}
            status={measureMissing ? 'error' : undefined}
            value={draft.measure}
            onChange={(e) => set({ measure: e.target.value })}
          />
        </label>
      </div>
      {editable && (
        <Space className="form-actions">
          <Button type="primary" icon={<SaveOutlined />} disabled={!dirty} loading={saving} onClick={save}>
            {m.save}
          </Button>
          {dirty && (
            <>
              <Typography.Text type="warning">{msgs.web.actuals.unsaved}</Typography.Text>
              <Button
                onClick={() => {
                  setDraft(initial);
                  setDirty(false);
                }}
              >
                {msgs.web.actuals.undo}
              </Button>
            </>
          )}
        </Space>
      )}
    </div>
  );
}
