import { useState } from 'react';
import { ErrorState } from '@/components/error-state';
import type { ChannelAccountRow } from '../api/accounts.graphql';
import { useDisableChannelAccount } from '../api/accounts.hooks';

/** Disabling stops every pull and action on the account, so it takes a second, explicit click. */
export function DisableAccountButton({ account }: { account: ChannelAccountRow }) {
  const [confirming, setConfirming] = useState(false);
  const disable = useDisableChannelAccount();

  if (!confirming) {
    return (
      <button type="button" onClick={() => setConfirming(true)} data-testid="disable-account">
        Disable
      </button>
    );
  }
  const cancel = () => {
    disable.reset();
    setConfirming(false);
  };
  return (
    <div className="confirm" role="group" aria-label={`Disable ${account.name}`} data-testid="disable-confirmation">
      <span>
        Stop syncing <strong>{account.name}</strong>? Its orders stay.
      </span>
      <button
        type="button"
        className="danger"
        disabled={disable.isPending}
        onClick={() => disable.mutate(account.id, { onSuccess: () => setConfirming(false) })}
        data-testid="disable-confirm"
      >
        {disable.isPending ? 'Disabling…' : 'Disable account'}
      </button>
      <button type="button" onClick={cancel} disabled={disable.isPending} data-testid="disable-cancel">
        Cancel
      </button>
      {disable.isError && <ErrorState title="Not disabled" error={disable.error} />}
    </div>
  );
}
