import type { User } from '../api/types.ts';

/** Who records a unit-year's actuals: staff of its own unit, while recording is open (targets approved, self-evaluation not published). */
export const mayRecord = (user: User | null | undefined, unitId: number, recording: { open: boolean }): boolean =>
  user?.role === 'unit' && user.unitId === unitId && recording.open;
