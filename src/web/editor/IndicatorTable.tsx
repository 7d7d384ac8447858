/**
 * The editor's indicator table: the official columns, 一级/二级 picked from the framework of the
 * document's year, a live reading of each target value, the findings of each cell beside it, and row
 * commands by keyboard (Alt+↑/↓ move, Ctrl+Enter insert below, Ctrl+Backspace delete, Ctrl+Z undo the
 * delete) or by the buttons at the end of each row. Rows of the same 一级/二级 look merged, as on the
 * printed form, while each row keeps its own choice. A row is 年度 or 长期; the button under its
 * number switches it. Beside jixiao's own columns, those of the document's form profile (in its
 * order, under its headings) and any other a row already fills in follow 指标值确定依据.
 */
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Alert, Button, Select } from 'antd';
import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import type { FormProfile } from '../../core/forms/profile.ts';
import { defaultProfileFor } from '../../core/forms/profiles.ts';
import { formForYear, frameworkOf, level1KindOf } from '../../core/framework/framework.ts';
import { PROVINCIAL_INDICATOR_COLUMNS } from '../../core/model/indicator-columns.ts';
import { TEXT_LIMITS, type TextField } from '../../core/model/text-limits.ts';
import { useMessages } from '../app/locale.tsx';
import { halfWidthNumbers, halfWidthTarget } from '../../core/text/half-width.ts';
import { GrowingTextArea, textCount } from '../form/fields.tsx';
import {
  filledColumns,
  IndicatorColumns,
  IndicatorHeaderCells,
  provincialWidth,
  type ProvincialColumn,
  type OwnColumns,
} from '../form/IndicatorTableView.tsx';
import { HISTORY_COLUMNS, HistoryCells, useHistoryHeadings } from '../form/HistoryCells.tsx';
import { FindingItem, Notes, placeId, useNotes, type Place } from '../form/notes.tsx';
import { hasHistory, historyOfRows, type RowHistory } from '../form/row-history.ts';
import { worst } from './findings-index.ts';
import { blankRow, type EditorRow } from './model.ts';
import { insertBelow, moveRow, removeRow, restoreRow, type Removed } from './rows.ts';
import { TargetValueField } from './TargetValueField.tsx';

type Provincial = ProvincialColumn;
type Column = 'level1' | 'level2' | 'level3' | 'description' | 'target' | 'basis' | 'remark' | Provincial['id'];

interface Props {
  rows: EditorRow[];
  onRows: (rows: EditorRow[]) => void;
  year: number;
  code: string;
  projectId: number | null;
  /** The document's form profile; the year's by default. */
  profile?: FormProfile;
  /** Each row's 上年 / 前年 by row key; the columns show where some row has any. */
  history?: ReadonlyMap<string, RowHistory>;
  /** Further commands beside 增加指标行 (the suggestions). */
  extra?: ReactNode;
}

const TEXT_TARGETS = new Set(['INPUT', 'TEXTAREA']);

export function IndicatorTable({ rows, onRows, year, code, projectId, profile = defaultProfileFor(year), history, extra }: Props) {
  const m = useMessages().web;
  const historyHeadings = useHistoryHeadings();
  // The profile's further columns in its order, then any other a row fills in.
  const listed = profile.columns.flatMap((p) => PROVINCIAL_INDICATOR_COLUMNS.filter((c) => c.id === p.id));
  const provincial = [...listed, ...filledColumns(rows).filter((c) => !listed.includes(c))];
  const pastOf = history === undefined ? rows.map(() => null) : historyOfRows(rows, (r) => r.key, history);
  const past = hasHistory(pastOf);
  // The read-only 上年 / 前年 widen the table as the provincial columns do.
  const wide = past ? [...provincial, ...HISTORY_COLUMNS] : provincial;
  const headingOf = (c: Provincial) => profile.columns.find((p) => p.id === c.id)?.heading ?? m.project[c.id];
  // 描述 and 依据 where the profile's form prints them, or a row already fills them in; under its headings.
  const printed = (id: keyof OwnColumns) => profile.columns.find((p) => p.id === id)?.heading;
  const own: OwnColumns = {
    description: printed('description') !== undefined || rows.some((r) => r.description !== ''),
    basis: printed('basis') !== undefined || rows.some((r) => r.basis !== ''),
  };
  const ownHeading = (id: keyof OwnColumns) => printed(id) ?? m.project[id];
  /** Where typing starts in a new or restored row: the indicator's own words. */
  const wordsColumn: Column = own.description ? 'description' : 'level3';
  const notes = useNotes();
  const tableRef = useRef<HTMLTableElement>(null);
  const focusNext = useRef<{ key: string; col: Column } | null>(null);
  const [removed, setRemoved] = useState<Removed<EditorRow> | null>(null);
  const remark = rows.some((r) => r.remark !== '');
  const framework = useMemo(() => frameworkOf(formForYear(year)), [year]);
  const level1Options = framework.map((l1) => ({ value: l1.name, label: l1.name }));
  const level2Options = (level1: string) => {
    const kind = level1KindOf(level1);
    const under = framework.filter((l1) => kind === null || l1.kind === kind);
    return under.flatMap((l1) => l1.level2.map((l2) => ({ value: l2.name, label: l2.name })));
  };

  useLayoutEffect(() => {
    const target = focusNext.current;
    if (!target || !tableRef.current) return;
    focusNext.current = null;
    const cell = tableRef.current.querySelector(`[data-row="${target.key}"] [data-col="${target.col}"]`);
    const focusable = cell?.matches('input, textarea') ? cell : cell?.querySelector<HTMLElement>('input, textarea, [tabindex="0"]');
    (focusable as HTMLElement | null | undefined)?.focus();
  });

  const update = (index: number, patch: Partial<EditorRow>) => onRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  // Leaving a cell writes its numbers as they are stored (９５％ → 95%), so the form shows what is saved.
  const halfWidthOnBlur = (index: number, field: 'level3' | 'description' | 'basis' | 'remark') => {
    const text = rows[index]![field];
    const half = halfWidthNumbers(text);
    if (half !== text) update(index, { [field]: half });
  };
  // A provincial cell left empty is none (saved as null, as every table reads an empty cell of such a column).
  const setProvincial = (index: number, c: Provincial, text: string) => update(index, { [c.id]: text === '' ? null : text });
  const provincialOnBlur = (index: number, c: Provincial) => {
    const text = rows[index]![c.id] ?? '';
    // A weight is a number; 指标性质, 度量单位 and values are written as a 指标值 is, prose as prose.
    const half =
      c.type === 'decimal' ? halfWidthTarget(text).trim() : c.id === 'explanation' ? halfWidthNumbers(text) : halfWidthTarget(text);
    if (half !== text) setProvincial(index, c, half);
  };

  const commands = {
    move(index: number, delta: -1 | 1, col: Column) {
      const r = moveRow(rows, index, delta);
      if (r.index === index) return;
      focusNext.current = { key: rows[index]!.key, col };
      onRows(r.rows);
    },
    insert(index: number) {
      const row = blankRow(rows[index]);
      focusNext.current = { key: row.key, col: wordsColumn };
      onRows(insertBelow(rows, index, row).rows);
    },
    remove(index: number, col: Column) {
      const r = removeRow(rows, index);
      if (!r.removed) return;
      const next = r.rows[Math.min(index, r.rows.length - 1)];
      if (next) focusNext.current = { key: next.key, col };
      setRemoved(r.removed);
      onRows(r.rows);
    },
    undo() {
      if (!removed) return;
      const r = restoreRow(rows, removed);
      focusNext.current = { key: removed.row.key, col: wordsColumn };
      setRemoved(null);
      onRows(r.rows);
    },
  };

  const onKeyDown = (index: number) => (e: KeyboardEvent<HTMLTableRowElement>) => {
    const col = ((e.target as HTMLElement).closest('[data-col]')?.getAttribute('data-col') ?? wordsColumn) as Column;
    const ctrl = e.ctrlKey || e.metaKey;
    let handled = true;
    if (e.altKey && e.key === 'ArrowUp') commands.move(index, -1, col);
    else if (e.altKey && e.key === 'ArrowDown') commands.move(index, 1, col);
    else if (ctrl && e.key === 'Enter') commands.insert(index);
    else if (ctrl && e.key === 'Backspace') commands.remove(index, col);
    else if (ctrl && e.key.toLowerCase() === 'z' && !TEXT_TARGETS.has((e.target as HTMLElement).tagName) && removed) commands.undo();
    else handled = false;
    if (handled) {
      e.preventDefault();
      e.stopPropagation();
    }
  };

  const place = (field: string, row: number): Place => ({ code, projectId, field: `indicators.${field}`, row });
  const status = (field: string, row: number) => {
    const w = notes ? worst(notes.findings.at(code, `indicators.${field}`, row)) : null;
    return w === 'error' ? 'error' : w === 'warning' ? 'warning' : undefined;
  };

  return (
    <div className="indicator-editor">
      {removed && (
        <Alert
          type="info"
          showIcon
          className="undo-bar"
          title={m.editor.rowDeleted(removed.index + 1)}
          action={
            <Button size="small" onClick={commands.undo}>
              {m.editor.undo}
            </Button>
          }
        />
      )}
      <div className="indicator-scroll">
        <table
          className="form-band form-indicators form-editing"
          ref={tableRef}
          style={wide.length > 0 ? { width: `${100 + provincialWidth(wide)}%` } : undefined}
        >
          <colgroup>
            <col style={{ width: '5%' }} />
            {/* 三级指标 is there to be filled in: it keeps its width while every row leaves it empty. */}
            <IndicatorColumns remark={remark} level3 share={88} provincial={wide} widened own={own} />
            <col style={{ width: '7%' }} />
          </colgroup>
          <thead>
            <tr>
              <th scope="col" aria-label={m.project.rowNumber}>
                #
              </th>
              <IndicatorHeaderCells
                remark={remark}
                extra={[...provincial.map((c) => headingOf(c)), ...(past ? historyHeadings : [])]}
                own={own}
                headings={{ description: ownHeading('description'), basis: ownHeading('basis') }}
              />
              <th scope="col" className="sr-only-header">
                <span className="sr-only">{m.project.rowActions}</span>
              </th>
            </tr>
            {notes && notes.findings.at(code, 'indicators', null).length > 0 && (
              <tr className="indicator-project-notes">
                <td
                  colSpan={6 + Number(own.description) + Number(own.basis) + Number(remark) + wide.length}
                  id={placeId({ code, field: 'indicators', row: null })}
                >
                  {notes.findings.at(code, 'indicators', null).map((f, i) => (
                    <FindingItem key={i} finding={f} />
                  ))}
                </td>
              </tr>
            )}
          </thead>
          <tbody>
            {rows.map((row, index) => {
              const n = index + 1;
              const prev = rows[index - 1];
              const continues1 = prev !== undefined && prev.level1.trim() === row.level1.trim();
              const continues2 = continues1 && prev.level2.trim() === row.level2.trim();
              return (
                <tr key={row.key} data-row={row.key} onKeyDownCapture={onKeyDown(index)} className="indicator-row">
                  <td className="row-number">
                    <div>{n}</div>
                    <Button
                      size="small"
                      type={row.term === 'longTerm' ? 'primary' : 'default'}
                      ghost={row.term === 'longTerm'}
                      className="term-toggle"
                      aria-label={m.project.termToggle(
                        n,
                        m.project.termNames[row.term]!,
                        m.project.termNames[row.term === 'annual' ? 'longTerm' : 'annual']!,
                      )}
                      title={m.project.termToggle(
                        n,
                        m.project.termNames[row.term]!,
                        m.project.termNames[row.term === 'annual' ? 'longTerm' : 'annual']!,
                      )}
                      onClick={() => update(index, { term: row.term === 'annual' ? 'longTerm' : 'annual' })}
                    >
                      {m.project.termShort[row.term]}
                    </Button>
                  </td>
                  <td className={`form-value${continues1 ? ' cell-continued' : ''}`} data-col="level1" id={placeId(place('level1', n))}>
                    <Select
                      aria-label={`${m.project.level1} ${n}`}
                      value={row.level1 || undefined}
                      options={level1Options}
                      status={status('level1', n)}
                      onChange={(level1: string) =>
                        update(index, { level1, level2: level2Options(level1).some((o) => o.value === row.level2) ? row.level2 : '' })
                      }
                      popupMatchSelectWidth={false}
                      variant="borderless"
                    />
                    <Notes place={place('level1', n)} />
                  </td>
                  <td className={`form-value${continues2 ? ' cell-continued' : ''}`} data-col="level2" id={placeId(place('level2', n))}>
                    <Select
                      aria-label={`${m.project.level2} ${n}`}
                      value={row.level2 || undefined}
                      options={level2Options(row.level1)}
                      status={status('level2', n)}
                      onChange={(level2: string) => update(index, { level2 })}
                      popupMatchSelectWidth={false}
                      variant="borderless"
                    />
                    <Notes place={place('level2', n)} />
                  </td>
                  {(['level3', 'description'] as const)
                    .filter((field) => field === 'level3' || own.description)
                    .map((field) => (
                      <td key={field} className="form-value" data-col={field} id={placeId(place(field, n))}>
                        <div className="form-cell">
                          <GrowingTextArea
                            aria-label={`${field === 'level3' ? m.project.level3 : ownHeading(field)} ${n}`}
                            count={textCount(field)}
                            value={row[field]}
                            status={status(field, n)}
                            onChange={(e) => update(index, { [field]: e.target.value.replace(/\n/g, '') })}
                            onBlur={() => halfWidthOnBlur(index, field)}
                          />
                          <Notes place={place(field, n)} />
                        </div>
                      </td>
                    ))}
                  <td className="form-value" data-col="target" id={placeId(place('target', n))}>
                    <div className="form-cell">
                      <TargetValueField
                        aria-label={`${m.project.target} ${n}`}
                        value={row.target}
                        status={status('target', n)}
                        onChange={(target) => update(index, { target })}
                      />
                      <Notes place={place('target', n)} />
                    </div>
                  </td>
                  {own.basis && (
                    <td className="form-value" data-col="basis" id={placeId(place('basis', n))}>
                      <div className="form-cell">
                        <GrowingTextArea
                          aria-label={`${ownHeading('basis')} ${n}`}
                          count={textCount('basis')}
                          value={row.basis}
                          status={status('basis', n)}
                          onChange={(e) => update(index, { basis: e.target.value.replace(/\n/g, '') })}
                          onBlur={() => halfWidthOnBlur(index, 'basis')}
                        />
                        <Notes place={place('basis', n)} />
                      </div>
                    </td>
                  )}
                  {provincial.map((c) => (
                    <td key={c.id} className="form-value" data-col={c.id} id={placeId(place(c.id, n))}>
                      <div className="form-cell">
                        <GrowingTextArea
                          aria-label={`${headingOf(c)} ${n}`}
                          {...(c.id in TEXT_LIMITS ? { count: textCount(c.id as TextField) } : {})}
                          value={row[c.id] ?? ''}
                          status={status(c.id, n)}
                          onChange={(e) => setProvincial(index, c, e.target.value.replace(/\n/g, ''))}
                          onBlur={() => provincialOnBlur(index, c)}
                        />
                        <Notes place={place(c.id, n)} />
                      </div>
                    </td>
                  ))}
                  {past && <HistoryCells history={pastOf[index]!} indicator={row} />}
                  {remark && (
                    <td className="form-value" data-col="remark">
                      <GrowingTextArea
                        aria-label={`${m.project.remark} ${n}`}
                        count={textCount('remark')}
                        value={row.remark}
                        onChange={(e) => update(index, { remark: e.target.value })}
                        onBlur={() => halfWidthOnBlur(index, 'remark')}
                      />
                    </td>
                  )}
                  <td className="row-actions">
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowUpOutlined />}
                      aria-label={`${m.project.moveUp} ${n}`}
                      title={m.project.moveUp}
                      disabled={index === 0}
                      onClick={() => commands.move(index, -1, wordsColumn)}
                    />
                    <Button
                      size="small"
                      type="text"
                      icon={<ArrowDownOutlined />}
                      aria-label={`${m.project.moveDown} ${n}`}
                      title={m.project.moveDown}
                      disabled={index === rows.length - 1}
                      onClick={() => commands.move(index, 1, wordsColumn)}
                    />
                    <Button
                      size="small"
                      type="text"
                      icon={<PlusOutlined />}
                      aria-label={`${m.project.insertBelow} ${n}`}
                      title={m.project.insertBelow}
                      onClick={() => commands.insert(index)}
                    />
                    <Button
                      size="small"
                      type="text"
                      danger
                      icon={<DeleteOutlined />}
                      aria-label={`${m.project.deleteRow} ${n}`}
                      title={m.project.deleteRow}
                      onClick={() => commands.remove(index, wordsColumn)}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className="indicator-commands">
        <Button icon={<PlusOutlined />} onClick={() => commands.insert(rows.length - 1)} className="add-row">
          {m.project.addRow}
        </Button>
        {extra}
      </div>
    </div>
  );
}
