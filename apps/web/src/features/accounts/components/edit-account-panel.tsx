import type { ChannelAccountRow } from '../api/accounts.graphql';
import { useUpdateChannelAccount } from '../api/accounts.hooks';
import { accountValues, toUpdateInput } from '../lib/account-form-values';
import { AccountForm } from './account-form';

export function EditAccountPanel({ account, onDone }: { account: ChannelAccountRow; onDone: () => void }) {
  const update = useUpdateChannelAccount();
  return (
    <div className="edit-account" data-testid="edit-account">
      <h2>Edit {account.name}</h2>
      <AccountForm
        mode="edit"
        initial={accountValues(account)}
        hasCredentials={account.hasCredentials}
        pending={update.isPending}
        error={update.error}
        onSubmit={(values) => {
          const input = toUpdateInput(values, account);
          // Nothing changed and no new credentials: there is nothing to save.
          if (Object.keys(input).length === 0) onDone();
          else update.mutate({ id: account.id, input }, { onSuccess: onDone });
        }}
        onCancel={onDone}
      />
    </div>
  );
}
