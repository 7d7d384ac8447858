/** How often the embedded database is snapshotted (./snapshots.ts), apart so that the CLI's help can show the defaults cheaply. */
export interface SnapshotSchedule {
  /** Minutes between snapshots; 0 turns them off. */
  everyMinutes: number;
  /** How many snapshots to keep (the newest). */
  keep: number;
}

export const DEFAULT_SNAPSHOTS: SnapshotSchedule = { everyMinutes: 60, keep: 48 };
