// Why an order of a metric's list counts as it does, in words: the reason column of the metric's orders.
import type { ComplianceMetricKey, MetricOrderSet } from '@/gql/graphql';
import { formatDay, reasonLabel } from './metric-format';

export interface ReasonOrder {
  shipBy?: string | null;
  acknowledgeBy?: string | null;
  acknowledgedAt?: string | null;
  shipments: { carrier: string; trackingNumber?: string | null; shippedAt: string }[];
  lines: {
    cancellationReason?: string | null;
    quantityCancelled: number;
    refundReason?: string | null;
    quantityRefunded: number;
  }[];
}

const MINUTE = 60_000;

/** "45 min", "5 h 12 min", "2 days 3 h". */
export function formatLateness(ms: number): string {
  const minutes = Math.max(1, Math.round(ms / MINUTE));
  if (minutes < 60) return `${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return minutes % 60 ? `${hours} h ${minutes % 60} min` : `${hours} h`;
  const days = Math.floor(hours / 24);
  return `${days} ${days === 1 ? 'day' : 'days'}${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

function firstShipped(order: ReasonOrder): string | null {
  const times = order.shipments.map((s) => s.shippedAt).sort();
  return times[0] ?? null;
}

function lateShipping(order: ReasonOrder): string {
  const shipped = firstShipped(order);
  if (!order.shipBy) return 'No ship-by date';
  if (!shipped) return 'Not shipped by its ship-by';
  const late = Date.parse(shipped) - Date.parse(order.shipBy);
  return late > 0 ? `Shipped ${formatLateness(late)} after its ship-by` : 'Shipped by its ship-by';
}

function firstReason(order: ReasonOrder, field: 'cancellationReason' | 'refundReason'): string | null {
  const found = order.lines.find((l) => l[field])?.[field];
  return found ? reasonLabel(found) : null;
}

/** What puts the order against the standard, per metric. */
function againstTheStandard(key: ComplianceMetricKey, order: ReasonOrder): string {
  switch (key) {
    case 'LATE_SHIPMENT_RATE_10D':
    case 'LATE_SHIPMENT_RATE_30D':
    case 'ON_TIME_SHIPMENT_RATE':
      return lateShipping(order);
    case 'VALID_TRACKING_RATE':
      return order.shipments.some((s) => s.trackingNumber)
        ? 'Tracking number without a carrier scan in time'
        : 'Shipped without a tracking number';
    case 'PRE_FULFILLMENT_CANCEL_RATE':
    case 'CANCELLATION_RATE': {
      const why = firstReason(order, 'cancellationReason');
      return why ? `Cancelled by the seller: ${why}` : 'Cancelled by the seller';
    }
    case 'REFUND_RATE': {
      const why = firstReason(order, 'refundReason');
      return why ? `Refunded: ${why}` : 'Refunded';
    }
    case 'ACKNOWLEDGEMENT_RATE': {
      if (!order.acknowledgedAt) return 'Not acknowledged by its deadline';
      const late = order.acknowledgeBy ? Date.parse(order.acknowledgedAt) - Date.parse(order.acknowledgeBy) : 0;
      return late > 0 ? `Acknowledged ${formatLateness(late)} after its deadline` : 'Acknowledged late';
    }
    case 'ON_TIME_DELIVERY_RATE':
      return 'Delivered after the promised date';
    case 'ADDRESS_MISMATCH_RATE':
      return 'Delivered somewhere other than the ship-to address';
  }
}

/**
 * The reason column: why the order is in the set shown. Against the standard it names the defect ("Shipped 5 h
 * after its ship-by", "Cancelled by the seller: Out of stock"); the other sets say what they are.
 */
export function metricOrderReason(
  key: ComplianceMetricKey,
  set: MetricOrderSet,
  defects: MetricOrderSet,
  order: ReasonOrder,
  timeZone?: string,
): string {
  if (set === defects) return againstTheStandard(key, order);
  if (set === 'OPEN') return order.shipBy ? `Open; ship by ${formatDay(order.shipBy, timeZone)}` : 'Open';
  if (set === 'AWAITING_FIRST_SCAN') return "Awaiting the carrier's first scan";
  return 'Meets the standard';
}

/** "UPS 1Z999AA10123456784", or null when no shipment has a tracking number. */
export function trackingLine(order: Pick<ReasonOrder, 'shipments'>): string | null {
  const s = order.shipments.find((x) => x.trackingNumber);
  return s ? `${s.carrier} ${s.trackingNumber}` : null;
}
