const HOUR_MS = 3_600_000;

/**
 * When a shipment confirmation held for its first carrier scan goes to the channel without one: ship-by less the
 * policy's margin (`holdTracking.releaseHoursBeforeShipBy`), so holding never makes the shipment late.
 */
export function trackingHoldReleaseAt(
  shipBy: Date,
  policy: { holdTracking: { releaseHoursBeforeShipBy: number } },
): Date {
  return new Date(shipBy.getTime() - policy.holdTracking.releaseHoursBeforeShipBy * HOUR_MS);
}
