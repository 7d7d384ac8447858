/** The indicator table of the official form, read-only, with 一级/二级 merged down over their rows. */
import { Tag } from 'antd';
import type { Indicator } from '../../core/model/document.ts';
import { useMessages } from '../app/locale.tsx';
import { rowSpans } from './indicator-groups.ts';
import { Notes, placeId } from './notes.tsx';

export const INDICATOR_FIELDS = ['level3', 'description', 'target', 'basis'] as const;

/**
 * Column widths in percent of the table, as the printed form sets them: 三级 narrow while no row
 * fills it (the seed leaves it empty), 备注 only when some row has one. `share` is the part of the
 * table these columns get (the editor keeps some for its row number and row buttons).
 */
export function indicatorWidths(remark: boolean, level3: boolean, share = 100): number[] {
  const widths = [13, 15, level3 ? 10 : 6, 0, 14, 0, ...(remark ? [8] : [])];
  const rest = 100 - widths.reduce((a, b) => a + b, 0);
  widths[3] = rest * 0.55;
  widths[5] = rest * 0.45;
  return widths.map((w) => (w * share) / 100);
}

export function IndicatorColumns({ remark, level3, share }: { remark: boolean; level3: boolean; share?: number }) {
  return (
    <>
      {indicatorWidths(remark, level3, share).map((w, i) => (
        <col key={i} style={{ width: `${w}%` }} />
      ))}
    </>
  );
}

/** The header cells; `extra` headings (a profile's further columns) go between 指标值确定依据 and 备注. */
export function IndicatorHeaderCells({ remark, extra = [] }: { remark: boolean; extra?: readonly string[] }) {
  const m = useMessages().web.project;
  return (
    <>
      <th scope="col">{m.level1}</th>
      <th scope="col">{m.level2}</th>
      <th scope="col">{m.level3}</th>
      <th scope="col">{m.description}</th>
      <th scope="col">{m.target}</th>
      <th scope="col">{m.basis}</th>
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
}: {
  indicators: readonly Indicator[];
  code: string;
  projectId: number | null;
}) {
  const m = useMessages().web.project;
  const spans = rowSpans(indicators);
  const remark = indicators.some((i) => i.remark !== '');
  const place = (field: string, row: number) => ({ code, projectId, field: `indicators.${field}`, row });
  return (
    <table className="form-band form-indicators">
      <colgroup>
        <IndicatorColumns remark={remark} level3={indicators.some((i) => i.level3 !== '')} />
      </colgroup>
      <thead>
        <tr>
          <IndicatorHeaderCells remark={remark} />
        </tr>
      </thead>
      <tbody>
        {indicators.length === 0 && (
          <tr>
            <td colSpan={remark ? 7 : 6} className="form-value">
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
                    <Notes place={place(field, row)} />
                  </div>
                </td>
              ))}
              {remark && <td className="form-value">{indicator.remark}</td>}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
