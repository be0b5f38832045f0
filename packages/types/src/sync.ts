/** Where an account's order import stands: BACKFILL until the first full pull has finished, then INCREMENTAL. */
export const SyncPhase = {
  BACKFILL: 'BACKFILL',
  INCREMENTAL: 'INCREMENTAL',
} as const;
export type SyncPhase = (typeof SyncPhase)[keyof typeof SyncPhase];
