import { refusalWords } from '../lib/outbox-format';

/** A channel refused one of the order's calls for good and has not taken it since: what the channel said, in words. */
export function ChannelRefusedBadge({ refusal }: { refusal: { state: 'REJECTED' | 'RESENT'; reason: string } }) {
  const label = refusal.state === 'RESENT' ? 'Resent, waiting for the channel' : 'Channel refused';
  return (
    <span className="channel-refused" data-testid="channel-refused" data-state={refusal.state}>
      <span className="badge badge-danger">{label}</span>
      <span className="refusal-reason" title={refusal.reason} data-testid="channel-refused-reason">
        {refusalWords(refusal.reason)}
      </span>
    </span>
  );
}
