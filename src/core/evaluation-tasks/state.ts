/**
 * A unit's part of a 自评任务 (an assignment) and where it stands: 未开始 → 填报中 → 已提交 →
 * 已退回 (back to the unit, with the reviewer's comment) or 已通过. Lateness is not a state: an
 * assignment not yet submitted (or returned and not resubmitted) after the task's deadline is late.
 * Reminders are computed from the deadline and the date, never stored, so asking twice gives the
 * same list and nothing is ever sent twice.
 */

export const ASSIGNMENT_STATES = ['notStarted', 'inProgress', 'submitted', 'returned', 'accepted'] as const;
export type AssignmentState = (typeof ASSIGNMENT_STATES)[number];

/** What the unit still owes: the states that are late after the deadline. */
export const OPEN_STATES: readonly AssignmentState[] = ['notStarted', 'inProgress', 'returned'];

export type AssignmentAction = 'start' | 'submit' | 'accept' | 'return';

const ALLOWED: Record<AssignmentAction, readonly AssignmentState[]> = {
  start: ['notStarted'],
  submit: ['notStarted', 'inProgress', 'returned'],
  accept: ['submitted'],
  return: ['submitted'],
};

const RESULT: Record<AssignmentAction, AssignmentState> = {
  start: 'inProgress',
  submit: 'submitted',
  accept: 'accepted',
  return: 'returned',
};

/** The state an action leads to, or null when the action is not open in this state. */
export function nextState(state: AssignmentState, action: AssignmentAction): AssignmentState | null {
  return ALLOWED[action].includes(state) ? RESULT[action] : null;
}

/** Whole days from `today` to `deadline` (both YYYY-MM-DD): 0 on the day itself, negative after it. */
export function daysLeft(deadline: string, today: string): number {
  return Math.round((Date.parse(`${deadline}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
}

export const isLate = (state: AssignmentState, deadline: string, today: string) =>
  OPEN_STATES.includes(state) && daysLeft(deadline, today) < 0;

/**
 * The reminder an assignment shows on `today`: `week` within 7 days of the deadline, `day` on its
 * eve and on the day, `overdue` after it, `returned` whenever the bureau sent it back (whatever the
 * date: the unit has to act); null when nothing is due or the unit has submitted.
 */
export type ReminderKind = 'week' | 'day' | 'overdue' | 'returned';

export const REMINDER_DAYS = { week: 7, day: 1 } as const;

export function reminderOf(state: AssignmentState, deadline: string, today: string): ReminderKind | null {
  if (!OPEN_STATES.includes(state)) return null;
  const left = daysLeft(deadline, today);
  if (left < 0) return 'overdue';
  if (state === 'returned') return 'returned';
  if (left <= REMINDER_DAYS.day) return 'day';
  if (left <= REMINDER_DAYS.week) return 'week';
  return null;
}
