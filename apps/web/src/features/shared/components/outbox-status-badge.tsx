import type { OutboxStatus } from '@/gql/graphql';

const TONE: Record<OutboxStatus, string> = {
  PENDING: 'pending',
  SENDING: 'pending',
  DELIVERED: 'ok',
  FAILED: 'bad',
  DEAD: 'bad',
};

export function OutboxStatusBadge({ status }: { status: OutboxStatus }) {
  return (
    <span className={`badge outbox-${TONE[status]}`} data-testid="outbox-status" data-status={status}>
      {status}
    </span>
  );
}
