/**
 * The 上年 / 前年 columns beside an indicator table: what the same row targeted and achieved in the
 * two years before, read-only. The year, and the row's wording then where it was reworded, show on
 * hover (and are read out to screen readers).
 */
import { Tooltip } from 'antd';
import { labelOf } from '../../core/library/observation.ts';
import type { Indicator } from '../../core/model/document.ts';
import type { PastValue } from '../api/history-types.ts';
import { useMessages } from '../app/locale.tsx';
import type { RowHistory } from './row-history.ts';

const YEARS = ['previousYear', 'yearBeforeLast'] as const;

/** Their widths, in the units of the provincial columns' descriptors (as wide as 上年指标值). */
export const HISTORY_COLUMNS: readonly { width: number }[] = YEARS.map(() => ({ width: 6 }));

export function useHistoryHeadings(): string[] {
  const m = useMessages().web.history;
  return YEARS.map((y) => m.heading[y]);
}

function PastCell({ past, indicator, year }: { past: PastValue | null; indicator: Indicator; year: (typeof YEARS)[number] }) {
  const m = useMessages().web.history;
  if (past === null) return <td className="form-value history-cell" data-col={`history-${year}`} />;
  const reworded = past.label.trim() !== labelOf(indicator);
  const about = reworded ? m.reworded(past.year, past.label) : m.yearOf(past.year);
  return (
    <td className="form-value history-cell" data-col={`history-${year}`}>
      <Tooltip title={about}>
        <span className="history-value">{m.value(past.target, past.actual)}</span>
      </Tooltip>
      {/* What the tooltip says, for screen readers, which do not hover. */}
      <span className="sr-only">{about}</span>
    </td>
  );
}

/** The two cells of one row. */
export function HistoryCells({ history, indicator }: { history: RowHistory | null; indicator: Indicator }) {
  return (
    <>
      {YEARS.map((y) => (
        <PastCell key={y} year={y} past={history?.[y] ?? null} indicator={indicator} />
      ))}
    </>
  );
}
