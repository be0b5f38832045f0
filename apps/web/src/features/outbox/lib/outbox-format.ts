import { isCarrierCode, type CarrierCode } from '@order-hub/types';
import type { OutboxOperation, OutboxStatus } from '@/gql/graphql';

export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['FAILED', 'DEAD', 'PENDING', 'SENDING', 'DELIVERED'];
/** The queue operators work from. */
export const DEFAULT_QUEUE_STATUSES: readonly OutboxStatus[] = ['FAILED', 'DEAD'];

/** The order number and tracking a payload names, when it names them (every payload has channelOrderId). */
export function payloadFacts(payload: unknown): {
  channelOrderId: string | null;
  trackingNumber: string | null;
  carrier: string | null;
} {
  const p = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  return { channelOrderId: text(p.channelOrderId), trackingNumber: text(p.trackingNumber), carrier: text(p.carrier) };
}

export interface FixForm {
  carrier: CarrierCode;
  carrierName: string;
  trackingNumber: string;
  trackingUrl: string;
  service: string;
  reason: string;
  intentToCancelOverride: boolean;
}

/** What the Fix and resend form starts from: the fields as they were sent (a reason is one for every line). */
export function fixFormOf(payload: unknown): FixForm {
  const p = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  const lines = Array.isArray(p.lines) ? (p.lines as Record<string, unknown>[]) : [];
  const carrier = text(p.carrier);
  return {
    carrier: isCarrierCode(carrier) ? carrier : 'OTHER',
    carrierName: text(p.carrierName),
    trackingNumber: text(p.trackingNumber),
    trackingUrl: text(p.trackingUrl),
    service: text(p.service),
    reason: text(lines[0]?.reason),
    intentToCancelOverride: p.intentToCancelOverride === true,
  };
}

/** Which fields a call's fix has: a shipment's carrier and tracking, a cancellation's or refund's reason, or none. */
export function fixKindOf(operation: OutboxOperation): 'shipment' | 'reason' | 'none' {
  switch (operation) {
    case 'SHIP':
    case 'UPDATE_TRACKING':
      return 'shipment';
    case 'CANCEL':
    case 'REFUND':
      return 'reason';
    case 'ACKNOWLEDGE':
    case 'MCF_CREATE':
    case 'MCF_CANCEL':
    case 'RETURN_REFUND':
      return 'none';
  }
}

const OPERATION_LABELS: Record<OutboxOperation, string> = {
  ACKNOWLEDGE: 'Acknowledgement',
  SHIP: 'Shipment',
  UPDATE_TRACKING: 'Tracking correction',
  CANCEL: 'Cancellation',
  REFUND: 'Refund',
  MCF_CREATE: 'MCF order',
  MCF_CANCEL: 'MCF cancellation',
  RETURN_REFUND: 'Return refund',
};

/** The call in words, for badges and titles. */
export const operationLabel = (operation: OutboxOperation) => OPERATION_LABELS[operation];

/**
 * The channel's own sentence in a refusal, without the operation, status and error codes in front of it
 * ("WALMART orders.ship 400 INVALID_REQUEST_CONTENT…: … :: Line 1 has a customer intent to cancel" → the last part).
 * What gave up after every retry keeps its "Gave up after n attempts" in front.
 */
export function refusalWords(message: string): string {
  const gaveUp = /^(Gave up after \d+ attempts): /.exec(message);
  const rest = gaveUp ? message.slice(gaveUp[0].length) : message;
  const sentence = rest.includes(' :: ')
    ? rest.slice(rest.lastIndexOf(' :: ') + 4)
    : rest.replace(/^[A-Z]+ [\w.]+ \d{3} [\w.]+: /, '');
  return gaveUp ? `${gaveUp[1]}: ${sentence}` : sentence;
}
