import { RefundedBy, ReturnStatus } from '@order-hub/types';
import type { WalmartReturnOrderLine, WalmartReturnTrackingStatus } from './walmart-return.types';

/** A return the hub cannot read: the field (as a path in Walmart's payload) and the rule it breaks. */
export class UnreadableReturn extends Error {
  constructor(
    readonly field: string,
    readonly rule: string,
  ) {
    super(`${field} ${rule}`);
  }
}

/** The states Walmart gives a line's units (the `status` filter of GET /v3/returns lists the same three). */
const BUCKET_STATUSES = ['INITIATED', 'DELIVERED', 'COMPLETED'] as const;
const REFUND_COMPLETED = 'REFUND_COMPLETED';

/**
 * Who refunded, from refundChannel / refundChannels[].refundChannelName. The model lists WALMART_SETTLED_REFUND,
 * SELLER_AUTO_REFUND, SELLER_MANUAL_REFUND, SELLER_SYSTEM_REFUND and WALMART_TRIGGERED_REFUND. Only
 * WALMART_TRIGGERED_REFUND is Walmart refunding in the seller's place — what it does when the seller has not
 * refunded within 48 hours of receipt, which counts against the seller (policy returnRefund) — so only it is CHANNEL.
 * WALMART_SETTLED_REFUND is Walmart settling with the buyer on its own terms (a keep-it, a customer-care
 * settlement): Walmart paid, but not for a refund the seller owed late, so it is neither the seller's refund nor
 * one held against the seller: null. SELLER_* are the seller's own (automatic rules, Seller Center, an API).
 * Anything else (the model's example also shows "InstantRefund") says nothing about who: null.
 */
export function refundedByOf(line: WalmartReturnOrderLine): RefundedBy | null {
  const names = [line.refundChannel, ...(line.refundChannels ?? []).map((c) => c?.refundChannelName)].filter(
    (n): n is string => typeof n === 'string',
  );
  if (names.includes('WALMART_TRIGGERED_REFUND')) return RefundedBy.CHANNEL;
  if (names.some((n) => n.startsWith('SELLER_'))) return RefundedBy.SELLER;
  return null;
}

export interface LineState {
  status: ReturnStatus;
  quantity: number;
  quantityRefunded: number;
  receivedAt: Date | null;
  refundedAt: Date | null;
  refundedBy: RefundedBy | null;
  /** The latest time Walmart reports anything on the line. */
  changedAt: Date | null;
}

/** An ISO date-time of the payload, or an UnreadableReturn naming it. */
export function dateAt(value: unknown, field: string): Date | null {
  if (value === undefined || value === null || value === '') return null;
  const d = typeof value === 'string' ? new Date(value) : new Date(NaN);
  if (Number.isNaN(d.getTime())) throw new UnreadableReturn(field, `is not an ISO 8601 date-time (got ${show(value)})`);
  return d;
}

/** A whole, non-negative number of units (Walmart counts returns in EA). */
function units(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 0)
    throw new UnreadableReturn(field, `must be a whole number of units, 0 or more (got ${show(value)})`);
  return value;
}

export function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

const earliest = (dates: (Date | null)[]) =>
  dates.reduce<Date | null>((min, d) => (d && (!min || d < min) ? d : min), null);
const latest = (dates: (Date | null)[]) =>
  dates.reduce<Date | null>((max, d) => (d && (!max || d > max) ? d : max), null);

/**
 * A line's units by state. `currentTrackingStatuses` holds one bucket per state with its quantity; the line-level
 * status/statusTime it superseded (2024-04-30) is read as one bucket of the whole quantity when the array is absent.
 */
function bucketsOf(line: WalmartReturnOrderLine, at: string) {
  const raw: WalmartReturnTrackingStatus[] | undefined =
    line.currentTrackingStatuses ??
    (line.status
      ? [
          {
            status: line.status,
            statusTime: line.statusTime,
            currentRefundStatus: line.currentRefundStatus,
            quantity: line.quantity,
          },
        ]
      : []);
  const field = line.currentTrackingStatuses ? `${at}.currentTrackingStatuses` : at;
  return raw.map((b, i) => {
    const f = line.currentTrackingStatuses ? `${field}[${i}]` : field;
    const status = b?.status;
    if (!BUCKET_STATUSES.includes(status as (typeof BUCKET_STATUSES)[number]))
      throw new UnreadableReturn(`${f}.status`, `must be one of ${BUCKET_STATUSES.join(', ')} (got ${show(status)})`);
    return {
      status: status as (typeof BUCKET_STATUSES)[number],
      at: dateAt(b.statusTime, `${f}.statusTime`),
      refundCompleted: b.currentRefundStatus === REFUND_COMPLETED,
      quantity: b.quantity?.measurementValue === undefined ? 0 : units(b.quantity.measurementValue, `${f}.quantity`),
    };
  });
}

/**
 * Where one return line stands. Refunded once every unit is (refundedQty); closed when Walmart gives a
 * returnCancellationReason (the return was cancelled: nothing more is owed); else received as soon as one unit is
 * DELIVERED or COMPLETED — the 48-hour clock runs from the first receipt, so a line half received is owed a refund —
 * else in transit once the label was scanned (RETURN_IN_TRANSIT), else requested.
 */
export function lineState(line: WalmartReturnOrderLine, at: string): LineState {
  const quantity = units(line.quantity?.measurementValue, `${at}.quantity.measurementValue`);
  if (quantity === 0) throw new UnreadableReturn(`${at}.quantity.measurementValue`, 'must be at least 1 unit');
  const buckets = bucketsOf(line, at);
  const events = (line.returnTrackingDetail ?? []).map((e, i) => ({
    tag: e?.eventTag ?? '',
    at: dateAt(e?.eventTime, `${at}.returnTrackingDetail[${i}].eventTime`),
  }));
  const quantityRefunded =
    line.refundedQty === undefined || line.refundedQty === null
      ? buckets.filter((b) => b.refundCompleted).reduce((sum, b) => sum + b.quantity, 0)
      : units(line.refundedQty, `${at}.refundedQty`);
  if (quantityRefunded > quantity)
    throw new UnreadableReturn(
      `${at}.refundedQty`,
      `cannot exceed the line's quantity (${quantityRefunded} refunded of ${quantity})`,
    );

  const delivered = buckets.filter((b) => b.status === 'DELIVERED');
  const completed = buckets.filter((b) => b.status === 'COMPLETED');
  // A bucket that moved on to COMPLETED no longer shows its DELIVERED time: the tracking events may, else the
  // completion is the latest the receipt can have been.
  const receivedAt =
    earliest(delivered.map((b) => b.at)) ??
    earliest(events.filter((e) => /DELIVERED|RECEIVED/.test(e.tag)).map((e) => e.at)) ??
    earliest(completed.map((b) => b.at));
  const refundedAt =
    quantityRefunded === 0
      ? null
      : (latest(completed.filter((b) => b.refundCompleted).map((b) => b.at)) ??
        latest(completed.map((b) => b.at)) ??
        dateAt(line.statusTime, `${at}.statusTime`));
  const status: ReturnStatus =
    quantityRefunded >= quantity
      ? ReturnStatus.REFUNDED
      : line.returnCancellationReason?.trim()
        ? ReturnStatus.CLOSED
        : delivered.length + completed.length > 0
          ? ReturnStatus.RECEIVED
          : events.some((e) => e.tag === 'RETURN_IN_TRANSIT')
            ? ReturnStatus.IN_TRANSIT
            : ReturnStatus.REQUESTED;
  return {
    status,
    quantity,
    quantityRefunded,
    receivedAt: status === ReturnStatus.REQUESTED || status === ReturnStatus.IN_TRANSIT ? null : receivedAt,
    refundedAt,
    refundedBy: quantityRefunded > 0 ? refundedByOf(line) : null,
    changedAt: latest([
      ...buckets.map((b) => b.at),
      ...events.map((e) => e.at),
      dateAt(line.statusTime, `${at}.statusTime`),
    ]),
  };
}

const PROGRESS: ReturnStatus[] = [ReturnStatus.REQUESTED, ReturnStatus.IN_TRANSIT, ReturnStatus.RECEIVED];

/**
 * The return's status: the least advanced of its open lines (one line still on its way keeps the return in
 * transit); with none open, CLOSED when every line was cancelled, else REFUNDED.
 */
export function returnStatusOf(lines: { status: ReturnStatus }[]): ReturnStatus {
  const open = lines.filter((l) => PROGRESS.includes(l.status));
  if (open.length > 0)
    return PROGRESS[Math.min(...open.map((l) => PROGRESS.indexOf(l.status)))] ?? ReturnStatus.REQUESTED;
  return lines.every((l) => l.status === ReturnStatus.CLOSED) ? ReturnStatus.CLOSED : ReturnStatus.REFUNDED;
}
