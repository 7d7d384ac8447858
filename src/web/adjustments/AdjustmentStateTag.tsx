/** A 目标调整 request's state as a coloured tag. */
import { Tag } from 'antd';
import type { AdjustmentState } from '../api/adjustment-types.ts';
import { useMessages } from '../app/locale.tsx';

const COLORS: Record<AdjustmentState, string> = {
  draft: 'default',
  submitted: 'processing',
  returned: 'warning',
  approved: 'success',
  withdrawn: 'default',
};

export function AdjustmentStateTag({ state }: { state: AdjustmentState }) {
  const m = useMessages().adjustments;
  return (
    <Tag color={COLORS[state]} data-state={state}>
      {m.states[state]}
    </Tag>
  );
}
