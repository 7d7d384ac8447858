/**
 * The dated figures of one place — a project's 累计支出 or an indicator row's 实际值 — as a list
 * with a form beside it: record a figure at a date, change or delete one. Amounts are typed as
 * exact decimals (万元); an actual value is read against its target as it is typed.
 */
import { DeleteOutlined, EditOutlined, PlusOutlined, SaveOutlined } from '@ant-design/icons';
import { App, Button, Input, Popconfirm, Space, Table, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { readDecimal } from '../../core/model/decimal.ts';
import { ApiFailure, failureText } from '../api/client.ts';
import { endpoints } from '../api/endpoints.ts';
import type { SpendingRecord, ValueRecord } from '../api/monitoring-types.ts';
import { useMessages } from '../app/locale.tsx';
import { AmountInput } from '../form/fields.tsx';
import { useUnsaved } from '../form/unsaved.tsx';
import { amountText } from '../format/amount.ts';
import { ActualValueField } from './ActualValueField.tsx';
import { useRecordsRefresh, useRecordWriter } from './record-writer.tsx';
import { useSaving } from './useSaving.ts';
import { YearDatePicker } from './YearDatePicker.tsx';

type Props = {
  documentId: number;
  projectId: number;
  year: number;
  /** The date a new figure is recorded at unless the user picks another. */
  date: string;
  editable: boolean;
  /** Names the place for screen readers ("第 3 行"). */
  label: string;
} & (
  | { kind: 'spending'; records: readonly SpendingRecord[] }
  | { kind: 'values'; records: readonly ValueRecord[]; index: number; target: string }
);

interface Draft {
  /** The record being changed, or null for a new one. */
  editing: SpendingRecord | ValueRecord | null;
  date: string;
  figure: string;
  note: string;
}

export function DatedRecords(props: Props) {
  const { documentId, projectId, year, date, editable, label, kind } = props;
  const msgs = useMessages();
  const m = msgs.web.actuals;
  const { message } = App.useApp();
  const refresh = useRecordsRefresh();
  const write = useRecordWriter();
  const blank: Draft = { editing: null, date, figure: '', note: '' };
  const [draft, setDraft] = useState<Draft>(blank);
  const [saving, run] = useSaving();
  const dirty = draft.figure !== '' || draft.note !== '' || draft.editing !== null;
  // A fresh form follows the page's monitoring date.
  useEffect(() => {
    if (!dirty) setDraft((x) => ({ ...x, date }));
  }, [date, dirty]);
  const changed = draft.editing
    ? draft.figure !== figureOf(draft.editing) || draft.note !== draft.editing.note
    : draft.figure !== '' || draft.note !== '';
  useUnsaved(changed);
  const records = [...props.records]
    .filter((r) => kind === 'spending' || (r as ValueRecord).index === (props as { index: number }).index)
    .sort((a, b) => (a.date < b.date ? 1 : -1));
  const sameDate = draft.editing === null ? records.find((r) => r.date === draft.date && !r.orphaned) : undefined;
  const figureValid =
    kind === 'spending'
      ? readDecimal(draft.figure) !== undefined && !draft.figure.startsWith('-') && draft.figure !== ''
      : draft.figure.trim() !== '';
  const figureName = kind === 'spending' ? m.cumulative : m.value;

  function figureOf(r: SpendingRecord | ValueRecord | null): string {
    if (!r) return '';
    return 'cumulative' in r ? r.cumulative : r.value;
  }

  const save = () =>
    run(async () => {
      const base = draft.editing ?? sameDate ?? null;
      const place = { documentId, projectId };
      const written =
        props.kind === 'spending'
          ? await write(
              'spending',
              place,
              { date: draft.date, cumulative: draft.figure, note: draft.note.trim() },
              base as SpendingRecord | null,
            )
          : await write(
              'values',
              place,
              { index: props.index, date: draft.date, value: draft.figure.trim(), note: draft.note.trim() },
              base as ValueRecord | null,
            );
      if (written) {
        setDraft(blank);
        message.success(m.saved);
      }
    });

  const remove = async (r: SpendingRecord | ValueRecord) => {
    try {
      await endpoints.deleteRecord(kind, r.id, r.version);
      message.success(m.deleted);
    } catch (e) {
      message.error(e instanceof ApiFailure && e.isConflict ? m.deleteStale : failureText(e, msgs.web.common.networkError));
    } finally {
      await refresh(documentId, projectId);
    }
  };

  return (
    <div className="dated-records">
      <Table<SpendingRecord | ValueRecord>
        size="small"
        rowKey="id"
        pagination={records.length > 6 ? { pageSize: 6, size: 'small' } : false}
        dataSource={records}
        locale={{ emptyText: m.noRecords }}
        rowClassName={(r) => (r.orphaned ? 'record-orphaned' : r.id === draft.editing?.id ? 'record-editing' : '')}
        columns={[
          { title: m.date, dataIndex: 'date', width: 110 },
          {
            title: figureName,
            key: 'figure',
            align: kind === 'spending' ? 'right' : 'left',
            render: (_, r) => ('cumulative' in r ? amountText(r.cumulative) : r.value),
          },
          { title: m.note, dataIndex: 'note', ellipsis: true },
          { title: m.recordedBy, dataIndex: 'recordedBy', width: 130, ellipsis: true },
          ...(editable
            ? [
                {
                  title: msgs.web.common.actions,
                  key: 'actions',
                  width: 80,
                  render: (_: unknown, r: SpendingRecord | ValueRecord) => (
                    <Space size={0}>
                      <Button
                        size="small"
                        type="text"
                        icon={<EditOutlined />}
                        aria-label={m.editRecord(r.date)}
                        title={m.editRecord(r.date)}
                        disabled={r.orphaned}
                        onClick={() => setDraft({ editing: r, date: r.date, figure: figureOf(r), note: r.note })}
                      />
                      <Popconfirm title={m.deleteConfirm(r.date)} onConfirm={() => remove(r)} okButtonProps={{ danger: true }}>
                        <Button
                          size="small"
                          type="text"
                          danger
                          icon={<DeleteOutlined />}
                          aria-label={m.deleteRecord(r.date)}
                          title={m.deleteRecord(r.date)}
                        />
                      </Popconfirm>
                    </Space>
                  ),
                },
              ]
            : []),
        ]}
      />
      {editable && (
        <div className="record-form" role="group" aria-label={`${label} ${draft.editing ? m.changeRecord : m.newRecord}`}>
          <label className="field">
            <span className="field-label">{m.date}</span>
            <YearDatePicker
              aria-label={`${label} ${m.date}`}
              year={year}
              value={draft.date}
              disabled={draft.editing !== null}
              onChange={(date) => setDraft((x) => ({ ...x, date }))}
            />
          </label>
          {/* biome-ignore lint/a11y/noLabelWithoutControl: the control is one of two, chosen by the kind */}
          <label className="field field-figure">
            <span className="field-label">{kind === 'spending' ? m.cumulativeWan : m.value}</span>
            {props.kind === 'spending' ? (
              <AmountInput
                aria-label={`${label} ${m.cumulative}`}
                value={draft.figure === '' ? null : draft.figure}
                onChange={(v) => setDraft((x) => ({ ...x, figure: v ?? '' }))}
                placeholder="0.00"
              />
            ) : (
              <ActualValueField
                aria-label={`${label} ${m.value}`}
                value={draft.figure}
                target={props.target}
                onChange={(figure) => setDraft((x) => ({ ...x, figure }))}
              />
            )}
          </label>
          <label className="field field-note">
            <span className="field-label">{m.note}</span>
            <Input
              aria-label={`${label} ${m.note}`}
              value={draft.note}
              onChange={(e) => setDraft((x) => ({ ...x, note: e.target.value }))}
            />
          </label>
          <Space className="form-actions" wrap>
            <Button
              type="primary"
              icon={draft.editing ? <SaveOutlined /> : <PlusOutlined />}
              disabled={!figureValid}
              loading={saving}
              onClick={save}
            >
              {draft.editing || sameDate ? m.saveChange : m.record}
            </Button>
            {dirty && <Button onClick={() => setDraft(blank)}>{m.cancel}</Button>}
            {sameDate && <Typography.Text type="secondary">{m.sameDate(sameDate.date, figureOf(sameDate))}</Typography.Text>}
          </Space>
        </div>
      )}
    </div>
  );
}
