import type { AlertSeverity } from '@order-hub/types';

const HOUR_MS = 3_600_000;
/** A held MCF package turns CRITICAL when its order must ship within this many hours (or is past due). */
export const HELD_TRACKING_CRITICAL_HOURS = 24;

/**
 * Severity of a held MCF package's alert: HIGH when held, CRITICAL once the order's ship-by is 24 h away or
 * past, since only shipping it another way before then keeps it from counting late.
 */
export function heldTrackingSeverity(shipBy: Date | null, now: Date): AlertSeverity {
  if (shipBy && shipBy.getTime() - now.getTime() <= HELD_TRACKING_CRITICAL_HOURS * HOUR_MS) return 'CRITICAL';
  return 'HIGH';
}
