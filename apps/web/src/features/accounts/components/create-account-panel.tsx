import { useCreateChannelAccount } from '../api/accounts.hooks';
import { newAccountValues, toCreateInput } from '../lib/account-form-values';
import { AccountForm } from './account-form';

export function CreateAccountPanel({ onDone }: { onDone: () => void }) {
  const create = useCreateChannelAccount();
  return (
    <section className="panel" data-testid="create-account">
      <h2>Add account</h2>
      <AccountForm
        mode="create"
        initial={newAccountValues()}
        pending={create.isPending}
        error={create.error}
        onSubmit={(values) => create.mutate(toCreateInput(values), { onSuccess: onDone })}
        onCancel={onDone}
      />
    </section>
  );
}
