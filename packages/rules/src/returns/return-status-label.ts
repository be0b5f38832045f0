import type { ReturnStatus } from '@order-hub/types';

const LABELS: Record<ReturnStatus, string> = {
  REQUESTED: 'Requested',
  IN_TRANSIT: 'On its way back',
  RECEIVED: 'Received',
  REFUNDED: 'Refunded',
  CLOSED: 'Closed',
};

/** A return's status in words. */
export function returnStatusLabel(status: ReturnStatus): string {
  return LABELS[status];
}
