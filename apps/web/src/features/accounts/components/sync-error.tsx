import { RelativeTime } from '@/components/relative-time';
import type { SyncStateView } from '../api/accounts.graphql';

/** The last failed pull, with the channel's own message: prominent, since orders stop arriving. */
export function SyncError({ state, now }: { state: SyncStateView; now: number }) {
  if (!state.lastError) return null;
  return (
    <div className="sync-error" role="alert" data-testid="sync-error">
      <strong>
        Last pull failed <RelativeTime at={state.lastErrorAt} now={now} />
      </strong>
      <span data-testid="sync-error-message">{state.lastError}</span>
    </div>
  );
}
