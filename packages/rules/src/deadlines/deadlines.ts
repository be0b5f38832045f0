import type { AutoCancelRule, ChannelPolicy } from '../policy/policy-table';
import { addBusinessDays } from './business-days';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;

/** When the order must be acknowledged, or null where the channel has no acknowledgement. */
export function acknowledgeBy(orderedAt: Date, policy: ChannelPolicy): Date | null {
  if (policy.acknowledgeWithinHours === null) return null;
  return new Date(orderedAt.getTime() + policy.acknowledgeWithinHours * HOUR_MS);
}

/** When the channel cancels a line still unshipped, or null where it never does (or no ship-by is known). */
export function autoCancelAt(shipBy: Date | null, policy: ChannelPolicy): Date | null {
  if (!shipBy || !policy.autoCancel) return null;
  return addDays(shipBy, policy.autoCancel);
}

function addDays(from: Date, rule: AutoCancelRule): Date {
  if (rule.dayKind === 'CALENDAR') return new Date(from.getTime() + rule.days * DAY_MS);
  return addBusinessDays(from, rule.days);
}

/** An instant the seller must act by, and how long is left (negative once passed). */
export interface Deadline {
  at: Date;
  msLeft: number;
  overdue: boolean;
}

/** What the deadlines of an order depend on. */
export interface DeadlineInput {
  orderedAt: Date;
  /** Walmart estimated ship date / Amazon latest ship date. */
  shipBy: Date | null;
  acknowledgedAt?: Date | null;
  /** When the (first) shipment was confirmed to the channel. */
  shipConfirmedAt?: Date | null;
  /** First carrier scan of the shipment, once known. */
  firstCarrierScanAt?: Date | null;
}

/**
 * The deadlines still ahead of (or missed by) an order. A deadline is null where the channel has no such
 * rule or it no longer applies: acknowledged, shipped, scanned.
 */
export interface OrderDeadlines {
  acknowledgeBy: Deadline | null;
  shipBy: Deadline | null;
  autoCancelAt: Deadline | null;
  trackingEditableUntil: Deadline | null;
  lateOriginScanAt: Deadline | null;
}

function deadline(at: Date | null, now: Date): Deadline | null {
  if (!at) return null;
  const msLeft = at.getTime() - now.getTime();
  return { at, msLeft, overdue: msLeft < 0 };
}

const afterHours = (from: Date | null | undefined, hours: number | null) =>
  from && hours !== null ? new Date(from.getTime() + hours * HOUR_MS) : null;

export function deadlinesFor(order: DeadlineInput, policy: ChannelPolicy, now: Date): OrderDeadlines {
  const shipped = Boolean(order.shipConfirmedAt);
  return {
    acknowledgeBy: order.acknowledgedAt || shipped ? null : deadline(acknowledgeBy(order.orderedAt, policy), now),
    shipBy: shipped ? null : deadline(order.shipBy, now),
    autoCancelAt: shipped ? null : deadline(autoCancelAt(order.shipBy, policy), now),
    trackingEditableUntil: deadline(afterHours(order.shipConfirmedAt, policy.trackingEditWindowHours), now),
    lateOriginScanAt:
      order.firstCarrierScanAt || !order.shipConfirmedAt
        ? null
        : deadline(addBusinessDays(order.shipConfirmedAt, policy.lateOriginScan.businessDays), now),
  };
}
