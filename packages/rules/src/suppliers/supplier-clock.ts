import type { SupplierTrackingState } from '@order-hub/types';

const HOUR_MS = 3_600_000;
/** The supplier clock raises its due-soon alarm with this many hours left (design default). */
export const SUPPLIER_TRACKING_WARN_HOURS = 4;

/** When a supplier's tracking number is expected: the order's ship-by less the supplier's tracking deadline. */
export function supplierTrackingDueBy(shipBy: Date, trackingDeadlineHours: number): Date {
  if (!Number.isFinite(trackingDeadlineHours) || trackingDeadlineHours < 0) {
    throw new RangeError(`trackingDeadlineHours must be a number of hours ≥ 0, got ${trackingDeadlineHours}`);
  }
  return new Date(shipBy.getTime() - trackingDeadlineHours * HOUR_MS);
}

/**
 * Where a supplier's tracking stands: received on time or late; else waiting, due soon (`warnHours` or less left) or
 * missed (the due time has passed).
 */
export function supplierTrackingState(
  dueBy: Date,
  receivedAt: Date | null,
  now: Date,
  warnHours = SUPPLIER_TRACKING_WARN_HOURS,
): SupplierTrackingState {
  if (receivedAt) return receivedAt.getTime() <= dueBy.getTime() ? 'ON_TIME' : 'LATE';
  const msLeft = dueBy.getTime() - now.getTime();
  if (msLeft <= 0) return 'MISSED';
  return msLeft <= warnHours * HOUR_MS ? 'DUE_SOON' : 'WAITING';
}
