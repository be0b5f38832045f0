import { CarrierStatus } from '@order-hub/types';

/**
 * Statuses that are not a carrier scan: the label exists (PRE_TRANSIT) or the provider knows nothing usable. A first
 * carrier scan is the first detail past PRE_TRANSIT (shared/docs/reference/carrier-tracking.md, EasyPost statuses).
 */
const NOT_A_SCAN: ReadonlySet<CarrierStatus> = new Set<CarrierStatus>([
  CarrierStatus.UNKNOWN,
  CarrierStatus.PRE_TRANSIT,
  CarrierStatus.CANCELLED,
  CarrierStatus.ERROR,
]);

/** Statuses after which the parcel's story is over: the hub stops following it. */
const FINAL: ReadonlySet<CarrierStatus> = new Set<CarrierStatus>([
  CarrierStatus.DELIVERED,
  CarrierStatus.RETURN_TO_SENDER,
  CarrierStatus.FAILURE,
  CarrierStatus.CANCELLED,
]);

/** Whether a detail with this status means the carrier has the parcel in hand (the marketplaces' "carrier scan"). */
export function isCarrierScan(status: CarrierStatus): boolean {
  return !NOT_A_SCAN.has(status);
}

/** Whether no further scan is expected (delivered, returned to sender, failed, cancelled). */
export function isFinalStatus(status: CarrierStatus): boolean {
  return FINAL.has(status);
}

/** One tracking detail as far as the rule needs it. */
export interface ScanDetail {
  status: CarrierStatus;
  at: Date;
}

/**
 * The earliest detail that is a carrier scan, or null when the carrier has not scanned the parcel. Providers list
 * details oldest first, but the rule does not rely on it; of two scans at the same instant the first listed wins.
 */
export function firstCarrierScan<T extends ScanDetail>(details: readonly T[]): T | null {
  let first: T | null = null;
  for (const detail of details) {
    if (!isCarrierScan(detail.status)) continue;
    if (!first || detail.at.getTime() < first.at.getTime()) first = detail;
  }
  return first;
}
