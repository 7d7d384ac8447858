/** The indicator table of the official form, read-only, with 一级/二级 merged down over their rows. */
import { Tag } from 'antd';
import type { ReactNode } from 'react';
import type { Indicator } from '../../core/model/document.ts';
import { PROVINCIAL_INDICATOR_COLUMNS } from '../../core/model/indicator-columns.ts';
import { useMessages } from '../app/locale.tsx';
import { HISTORY_COLUMNS, HistoryCells, useHistoryHeadings } from './HistoryCells.tsx';
import { rowSpans } from './indicator-groups.ts';
import { Notes, placeId } from './notes.tsx';
import { hasHistory, type RowHistory } from './row-history.ts';

export const INDICATOR_FIELDS = ['level3', 'description', 'target', 'basis'] as const;

/**
 * Which of jixiao's own text columns a table has: 绩效指标描述 and 指标值确定依据 are the sample's form's;
 * a form profile without them (乌海's, 四川's) leaves them out unless some row fills them in.
 */
export interface OwnColumns {
  description: boolean;
  basis: boolean;
}
const ALL_OWN: OwnColumns = { description: true, basis: true };

/**
 * Column widths in percent of the table, as the printed form sets them: 三级 narrow while no row
 * fills it (the seed leaves it empty), 备注 only when some row has one. `share` is the part of the
 * table these columns get (the editor keeps some for its row number and row buttons). The room of
 * 描述 and 依据 goes to those shown, to 三级 when neither is. One width per column shown, in order.
 */
export function indicatorWidths(remark: boolean, level3: boolean, share = 100, own: OwnColumns = ALL_OWN): number[] {
  const fixed = 13 + 15 + (level3 ? 10 : 6) + 14 + (remark ? 8 : 0);
  const rest = 100 - fixed;
  const description = own.basis ? rest * 0.55 : rest;
  const basis = own.description ? rest * 0.45 : rest;
  const widths = [
    13,
    15,
    (level3 ? 10 : 6) + (own.description || own.basis ? 0 : rest),
    ...(own.description ? [description] : []),
    14,
    ...(own.basis ? [basis] : []),
    ...(remark ? [8] : []),
  ];
  return widths.map((w) => (w * share) / 100);
}

export type ProvincialColumn = (typeof PROVINCIAL_INDICATOR_COLUMNS)[number];

/** Percent of the table per unit of a descriptor's width, and at most for all the provincial columns. */
const PERCENT_PER_WIDTH = 1.5;
const MAX_PROVINCIAL_SHARE = 40;

/** The provincial columns some row fills in (a view shows no empty column a form may not have). */
export const filledColumns = (rows: readonly Indicator[]): ProvincialColumn[] =>
  PROVINCIAL_INDICATOR_COLUMNS.filter((c) => rows.some((r) => (r[c.id] ?? '') !== ''));

/**
 * The part of the form's width the provincial columns take beside jixiao's own, in percent (and the
 * read-only 上年 / 前年 columns, which are as wide as theirs: ./HistoryCells.tsx).
 */
export const provincialWidth = (provincial: readonly { width: number }[]): number =>
  Math.min(MAX_PROVINCIAL_SHARE, provincial.reduce((n, c) => n + c.width, 0) * PERCENT_PER_WIDTH);

/**
 * The columns in the table's order: jixiao's own (as `indicatorWidths`), the `provincial` ones after
 * 指标值确定依据 as wide relative to one another as the descriptor says, then 备注. Within the form's
 * width, or, `widened`, on a table wider by `provincialWidth` (the editor scrolls it), so that jixiao's
 * own columns keep their room to type in.
 */
export function IndicatorColumns({
  remark,
  level3,
  share = 100,
  provincial = [],
  widened = false,
  own = ALL_OWN,
}: {
  remark: boolean;
  level3: boolean;
  share?: number;
  provincial?: readonly { width: number }[];
  widened?: boolean;
  own?: OwnColumns;
}) {
  const units = provincial.reduce((n, c) => n + c.width, 0);
  const extra = provincialWidth(provincial);
  // Percent of the table: the form's width is 100 / (100 + extra) of a widened table.
  const scale = widened ? 100 / (100 + extra) : 1;
  const ownWidths = indicatorWidths(remark, level3, widened ? share * scale : share - extra, own);
  const before = remark ? ownWidths.length - 1 : ownWidths.length;
  const widths = [...ownWidths.slice(0, before), ...provincial.map((c) => (c.width / units) * extra * scale), ...ownWidths.slice(before)];
  return (
    <>
      {widths.map((w, i) => (
        <col key={i} style={{ width: `${w}%` }} />
      ))}
    </>
  );
}

/**
 * The header cells; `extra` headings (a profile's further columns) go between 指标值确定依据 and 备注.
 * `headings` names jixiao's own columns as a profile prints them (湘潭's 绩效标准 for 指标值确定依据).
 */
export function IndicatorHeaderCells({
  remark,
  extra = [],
  own = ALL_OWN,
  headings = {},
}: {
  remark: boolean;
  extra?: readonly string[];
  own?: OwnColumns;
  headings?: Partial<Record<keyof OwnColumns, string>>;
}) {
  const m = useMessages().web.project;
  return (
    <>
      <th scope="col">{m.level1}</th>
      <th scope="col">{m.level2}</th>
      <th scope="col">{m.level3}</th>
      {own.description && <th scope="col">{headings.description ?? m.description}</th>}
      <th scope="col">{m.target}</th>
      {own.basis && <th scope="col">{headings.basis ?? m.basis}</th>}
      {extra.map((heading) => (
        <th scope="col" key={heading}>
          {heading}
        </th>
      ))}
      {remark && <th scope="col">{m.remark}</th>}
    </>
  );
}

/** The rows a merged cell covers: its notes are those of every row under it. */
const spanRows = (first: number, span: number) => Array.from({ length: span }, (_, k) => first + k);

export function IndicatorTableView({
  indicators,
  code,
  projectId,
  history,
  targetExtra,
}: {
  indicators: readonly Indicator[];
  code: string;
  projectId: number | null;
  /** Each row's 上年 / 前年, in the rows' order; the columns show where some row has any. */
  history?: readonly (RowHistory | null)[];
  /** What follows a row's target value in its cell (the public portal's comparison with peers). */
  targetExtra?: (index: number) => ReactNode;
}) {
  const m = useMessages().web.project;
  const historyHeadings = useHistoryHeadings();
  const spans = rowSpans(indicators);
  const remark = indicators.some((i) => i.remark !== '');
  const provincial = filledColumns(indicators);
  const past = history !== undefined && hasHistory(history);
  const place = (field: string, row: number) => ({ code, projectId, field: `indicators.${field}`, row });
  return (
    <table className="form-band form-indicators">
      <colgroup>
        <IndicatorColumns
          remark={remark}
          level3={indicators.some((i) => i.level3 !== '')}
          provincial={past ? [...provincial, ...HISTORY_COLUMNS] : provincial}
        />
      </colgroup>
      <thead>
        <tr>
          <IndicatorHeaderCells remark={remark} extra={[...provincial.map((c) => m[c.id]), ...(past ? historyHeadings : [])]} />
        </tr>
      </thead>
      <tbody>
        {indicators.length === 0 && (
          <tr>
            <td colSpan={(remark ? 7 : 6) + provincial.length + (past ? HISTORY_COLUMNS.length : 0)} className="form-value">
              {m.noIndicators}
            </td>
          </tr>
        )}
        {indicators.map((indicator, i) => {
          const row = i + 1;
          const s = spans[i]!;
          return (
            <tr key={i}>
              {s.level1 > 0 && (
                <td rowSpan={s.level1} className="form-value form-merged" id={placeId(place('level1', row))}>
                  {indicator.level1}
                  {spanRows(row, s.level1).map((r) => (
                    <Notes key={r} place={place('level1', r)} commentable={r === row} />
                  ))}
                </td>
              )}
              {s.level2 > 0 && (
                <td rowSpan={s.level2} className="form-value form-merged" id={placeId(place('level2', row))}>
                  {indicator.level2}
                  {spanRows(row, s.level2).map((r) => (
                    <Notes key={r} place={place('level2', r)} commentable={r === row} />
                  ))}
                </td>
              )}
              {INDICATOR_FIELDS.map((field) => (
                <td key={field} className={`form-value${field === 'description' ? ' form-left' : ''}`} id={placeId(place(field, row))}>
                  <div className="form-cell">
                    <div className="form-cell-body form-text">
                      {indicator[field]}
                      {field === 'description' && indicator.term === 'longTerm' && <Tag className="term-tag">{m.termNames.longTerm}</Tag>}
                    </div>
                    {field === 'target' && targetExtra?.(i)}
                    <Notes place={place(field, row)} />
                  </div>
                </td>
              ))}
              {provincial.map((c) => (
                <td key={c.id} className="form-value" id={placeId(place(c.id, row))}>
                  <div className="form-cell">
                    <div className="form-cell-body form-text">{indicator[c.id] ?? ''}</div>
                    <Notes place={place(c.id, row)} />
                  </div>
                </td>
              ))}
              {past && <HistoryCells history={history[i] ?? null} indicator={indicator} />}
              {remark && <td className="form-value">{indicator.remark}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
