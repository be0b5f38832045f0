import { ErrorState } from '@/components/error-state';
import type { ChannelAccountRow } from '../api/accounts.graphql';
import { useSyncAccount } from '../api/accounts.hooks';

interface SyncNowButtonProps {
  account: ChannelAccountRow;
  /** Why the caller may not sync at all (role), or null. */
  deniedReason: string | null;
}

export function SyncNowButton({ account, deniedReason }: SyncNowButtonProps) {
  const sync = useSyncAccount();
  const reason =
    deniedReason ??
    (account.disabledAt ? 'The account is disabled.' : account.syncState.running ? 'A pull is running.' : null);
  return (
    <>
      <button
        type="button"
        disabled={reason !== null || sync.isPending}
        title={reason ?? 'Pull new and changed orders from the channel now'}
        onClick={() => sync.mutate(account.id)}
        data-testid="sync-now"
      >
        {sync.isPending ? 'Starting…' : 'Sync now'}
      </button>
      {sync.isError && <ErrorState title="The pull did not start" error={sync.error} />}
    </>
  );
}
