/** An assignment's state as a coloured tag, with 逾期 beside it when the unit is late. */
import { Tag } from 'antd';
import type { AssignmentState } from '../../core/evaluation-tasks/state.ts';
import { useMessages } from '../app/locale.tsx';

const COLORS: Record<AssignmentState, string> = {
  notStarted: 'default',
  inProgress: 'processing',
  submitted: 'blue',
  returned: 'warning',
  accepted: 'success',
};

export function StateTag({ state, late }: { state: AssignmentState; late: boolean }) {
  const m = useMessages().evaluationTasks;
  return (
    <span data-state={state}>
      <Tag color={COLORS[state]}>{m.states[state]}</Tag>
      {late && <Tag color="error">{m.late}</Tag>}
    </span>
  );
}
