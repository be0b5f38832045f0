import type { SyncPhase } from '@/gql/graphql';
import type { ChannelAccountRow, SyncStateView } from '../api/accounts.graphql';

/** While a pull runs or is about to, the list refreshes this often (ms)… */
export const ACTIVE_POLL_MS = 2_000;
/** …and otherwise this often, to pick up the schedule's pulls and new errors. */
export const IDLE_POLL_MS = 30_000;

export function phaseLabel(phase: SyncPhase): string {
  switch (phase) {
    case 'BACKFILL':
      return 'Backfilling';
    case 'INCREMENTAL':
      return 'Incremental';
  }
}

export interface SyncProgress {
  /** 0 to 1, or null when the channel does not say how many pages there are. */
  fraction: number | null;
  label: string;
}

/**
 * The backfill's progress bar: a share when the channel gives a total ("40% · page 4 of 10"), else the
 * page count so far ("page 4"). Null outside a backfill, when there is no bar to draw.
 */
export function backfillProgress(state: SyncStateView): SyncProgress | null {
  if (state.phase !== 'BACKFILL') return null;
  const pages =
    state.pagesEstimated != null
      ? `page ${state.pagesDone} of ${state.pagesEstimated}`
      : state.pagesDone > 0
        ? `page ${state.pagesDone}`
        : null;
  if (state.backfillProgress != null) {
    const fraction = Math.min(1, Math.max(0, state.backfillProgress));
    return { fraction, label: [`${Math.floor(fraction * 100)}%`, pages].filter(Boolean).join(' · ') };
  }
  return { fraction: null, label: pages ?? (state.running ? 'first page' : 'not started') };
}

/**
 * A pull was asked for (Sync now, or the schedule) and the scheduler has not started it yet (and is not held back by
 * a stopped process's lease, which the cell shows instead).
 */
export function isDue(state: SyncStateView, now: number): boolean {
  return (
    !state.running &&
    !state.waitingForStoppedProcess &&
    state.nextRunAt != null &&
    new Date(state.nextRunAt).getTime() <= now
  );
}

/** Running, backfilling or due: its numbers are about to change. Disabled accounts never pull. */
export function isSyncActive(account: ChannelAccountRow, now: number): boolean {
  if (account.disabledAt) return false;
  const state = account.syncState;
  return state.running || state.waitingForStoppedProcess || state.phase === 'BACKFILL' || isDue(state, now);
}

/** TanStack Query's `refetchInterval` for the account list: fast while any account is active. */
export function accountsPollInterval(
  accounts: readonly ChannelAccountRow[] | undefined,
  now: number = Date.now(),
): number {
  return accounts?.some((account) => isSyncActive(account, now)) ? ACTIVE_POLL_MS : IDLE_POLL_MS;
}
