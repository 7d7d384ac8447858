/** A 整改 item's state as a coloured tag, with 已逾期 beside it when the unit's answer is late. */
import { Tag } from 'antd';
import type { RectificationState } from '../../core/rectification/item.ts';
import { useMessages } from '../app/locale.tsx';

const COLORS: Record<RectificationState, string> = { open: 'orange', responded: 'blue', closed: 'green', reopened: 'magenta' };

export function StateTag({ state, overdue }: { state: RectificationState; overdue: boolean }) {
  const m = useMessages().rectification;
  return (
    <>
      <Tag color={COLORS[state]} data-state={state}>
        {m.states[state]}
      </Tag>
      {overdue && (
        <Tag color="red" data-testid="overdue-tag">
          {m.overdue}
        </Tag>
      )}
    </>
  );
}
