import type { OutboxStatus } from '../../../gql/graphql';

export const OUTBOX_STATUSES: readonly OutboxStatus[] = ['FAILED', 'DEAD', 'PENDING', 'SENDING', 'DELIVERED'];
/** The queue operators work from. */
export const DEFAULT_QUEUE_STATUSES: readonly OutboxStatus[] = ['FAILED', 'DEAD'];

/** The order number and tracking a payload names, when it names them (every payload has channelOrderId). */
export function payloadFacts(payload: unknown): { channelOrderId: string | null; trackingNumber: string | null; carrier: string | null } {
  const p = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' && value !== '' ? value : null);
  return { channelOrderId: text(p.channelOrderId), trackingNumber: text(p.trackingNumber), carrier: text(p.carrier) };
}

/** A payload's shipment fields as the Fix & retry form starts from. */
export function fixFormOf(payload: unknown): { carrier: string; carrierName: string; trackingNumber: string; trackingUrl: string; service: string } {
  const p = typeof payload === 'object' && payload !== null ? (payload as Record<string, unknown>) : {};
  const text = (value: unknown) => (typeof value === 'string' ? value : '');
  return {
    carrier: text(p.carrier) || 'OTHER',
    carrierName: text(p.carrierName),
    trackingNumber: text(p.trackingNumber),
    trackingUrl: text(p.trackingUrl),
    service: text(p.service),
  };
}
