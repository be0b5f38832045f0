import { channelLabel } from '@order-hub/rules/channels';
import { CHANNELS } from '@order-hub/types';
import type { Channel } from '@/gql/graphql';

interface ChannelFilterProps {
  value: Channel | null;
  onChange: (channel: Channel | null) => void;
}

export function ChannelFilter({ value, onChange }: ChannelFilterProps) {
  return (
    <select
      aria-label="Channel"
      value={value ?? ''}
      onChange={(event) => onChange((event.target.value || null) as Channel | null)}
      data-testid="channel-filter"
    >
      <option value="">All channels</option>
      {CHANNELS.map((c) => (
        <option key={c} value={c}>
          {channelLabel(c)}
        </option>
      ))}
    </select>
  );
}
