import type { Channel } from '../../../gql/graphql';

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
      <option value="WALMART">Walmart</option>
      <option value="AMAZON">Amazon</option>
    </select>
  );
}
