import { channelLabel } from '@order-hub/rules/channels';
import type { Channel } from '@/gql/graphql';
import { useComplianceAccounts } from '../api/compliance.hooks';

interface AccountSelectProps {
  channel: Channel;
  value: string | null;
  onChange: (accountId: string | null) => void;
}

/** The channel's accounts, and "All accounts" (null). */
export function AccountSelect({ channel, value, onChange }: AccountSelectProps) {
  const accounts = useComplianceAccounts();
  const options = (accounts.data?.channelAccounts ?? []).filter((account) => account.channel === channel);
  return (
    <select
      aria-label="Account"
      value={value ?? ''}
      onChange={(event) => onChange(event.target.value || null)}
      data-testid="compliance-account"
    >
      <option value="">{`All ${channelLabel(channel)} accounts`}</option>
      {options.map((account) => (
        <option key={account.id} value={account.id}>
          {account.name}
          {account.disabledAt ? ' (disabled)' : ''}
        </option>
      ))}
    </select>
  );
}
