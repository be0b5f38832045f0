import type { ReturnStatus } from '@order-hub/types';

const TONE: Record<ReturnStatus, string> = {
  REQUESTED: 'pending',
  IN_TRANSIT: 'pending',
  RECEIVED: 'bad',
  REFUNDED: 'ok',
  CLOSED: 'muted',
};

/** A return's status in the api's words; the code stays in data-status for tests and the tooltip. */
export function ReturnStatusBadge({ status, label }: { status: ReturnStatus; label: string }) {
  return (
    <span className={`badge return-${TONE[status]}`} title={status} data-testid="return-status" data-status={status}>
      {label}
    </span>
  );
}
