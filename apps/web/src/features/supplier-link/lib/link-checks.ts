import { CARRIER_LABELS, checkTrackingNumber } from '@order-hub/rules';
import { CARRIER_CODES, type CarrierCode } from '@order-hub/types';
import type { SupplierLinkOrder, SupplierLinkViolation } from '../api/supplier-link.api';

export interface CarrierChoice {
  code: CarrierCode;
  label: string;
}

/** The carriers the page offers: the server's list when it gives one, else every named hub carrier. */
export function carrierChoices(order: Pick<SupplierLinkOrder, 'carriers'>): CarrierChoice[] {
  if (order.carriers && order.carriers.length > 0) {
    return order.carriers
      .map((c) => (typeof c === 'string' ? { code: c, label: CARRIER_LABELS[c] ?? c } : c))
      .map((c) => (c.code === 'OTHER' ? { ...c, label: 'Other (name it)' } : c));
  }
  return CARRIER_CODES.filter((code) => code !== 'OTHER').map((code) => ({ code, label: CARRIER_LABELS[code] }));
}

/**
 * The checks the browser can make at once (the rules' format and check digit for the chosen carrier); the server's
 * check adds what needs the order and the database (reuse, Amazon Logistics on Walmart, scans).
 */
export function clientTrackingViolations(carrier: CarrierCode, trackingNumber: string): SupplierLinkViolation[] {
  if (trackingNumber.trim() === '') return [];
  return checkTrackingNumber(trackingNumber, carrier).violations.map((v) => ({
    code: v.code,
    field: v.field,
    message: v.message,
    severity: v.severity,
  }));
}

/** Both lists, each message once, blocks first. */
export function mergeLinkViolations(...lists: readonly SupplierLinkViolation[][]): SupplierLinkViolation[] {
  const seen = new Set<string>();
  const all: SupplierLinkViolation[] = [];
  for (const v of lists.flat()) {
    if (seen.has(v.message)) continue;
    seen.add(v.message);
    all.push(v);
  }
  return all.sort((a, b) => Number(a.severity !== 'BLOCK') - Number(b.severity !== 'BLOCK'));
}

export const blocks = (violations: readonly SupplierLinkViolation[]) => violations.some((v) => v.severity === 'BLOCK');

/** "Austin, TX 787··": where the parcel goes, as much as the supplier needs to know. */
export function shipToWords(shipTo: SupplierLinkOrder['shipTo']): string {
  const place = [shipTo.city, shipTo.state].filter(Boolean).join(', ');
  const zip = shipTo.zip3 ? `${shipTo.zip3}··` : '';
  return [place, zip].filter(Boolean).join(' ') || 'not given';
}
