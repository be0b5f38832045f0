import { randomBytes } from 'node:crypto';

/**
 * The carriers and services the sandbox's Buy Shipping offers US sellers, priced by billable weight and zone like
 * the carriers' retail tables (figures are the sandbox's, not any carrier's). `confirmCarrier` is the carrierCode
 * the order's package is recorded with when Amazon confirms the shipment itself (Amazon Shipping is `Other`).
 */
export interface ShippingService {
  carrierId: string;
  carrierName: string;
  serviceId: string;
  serviceName: string;
  /** Weekdays in transit after pick-up. */
  days: number;
  base: number;
  perLb: number;
  perZone: number;
  maxWeightOz: number;
  /** Cubic inches per billable pound; absent for services priced on weight alone. */
  dimDivisor?: number;
  deliversToPoBox: boolean;
  /**
   * Days after purchase a label may be cancelled, never once scanned (Amazon: cancelShipment "cancels a shipment
   * that has not been picked up"; "carrier cancellation windows vary": USPS 30 days, UPS and FedEx 90, as their
   * postage refund windows). Absent: until the carrier picks it up.
   */
  cancelDays?: number;
  confirmCarrier: string;
  trackingId: () => string;
}

const digits = (n: number) => Array.from(randomBytes(n), (b) => String(b % 10)).join('');
const alnum = (n: number) => Array.from(randomBytes(n), (b) => '0123456789ABCDEFGHJKLMNPRSTUVWXYZ'[b % 33]).join('');

const ups = () => `1Z${alnum(16)}`;
const usps = () => `9400${digits(18)}`;
const fedex = () => digits(12);
const amazon = () => `TBA${digits(12)}`;

export const SERVICES: readonly ShippingService[] = [
  {
    carrierId: 'AMZN_US',
    carrierName: 'Amazon Shipping',
    serviceId: 'std-us-swa-mfn',
    serviceName: 'Amazon Shipping Ground',
    days: 3,
    base: 6.1,
    perLb: 0.55,
    perZone: 0.35,
    maxWeightOz: 50 * 16,
    dimDivisor: 139,
    deliversToPoBox: false,
    confirmCarrier: 'Other',
    trackingId: amazon,
  },
  {
    carrierId: 'UPS',
    carrierName: 'UPS',
    serviceId: 'ups-ground',
    serviceName: 'UPS Ground',
    days: 4,
    base: 9.8,
    perLb: 0.9,
    perZone: 0.6,
    maxWeightOz: 150 * 16,
    dimDivisor: 139,
    deliversToPoBox: false,
    cancelDays: 90,
    confirmCarrier: 'UPS',
    trackingId: ups,
  },
  {
    carrierId: 'UPS',
    carrierName: 'UPS',
    serviceId: 'ups-2nd-day-air',
    serviceName: 'UPS 2nd Day Air',
    days: 2,
    base: 19.5,
    perLb: 2.2,
    perZone: 1.4,
    maxWeightOz: 150 * 16,
    dimDivisor: 139,
    deliversToPoBox: false,
    cancelDays: 90,
    confirmCarrier: 'UPS',
    trackingId: ups,
  },
  {
    carrierId: 'UPS',
    carrierName: 'UPS',
    serviceId: 'ups-next-day-air',
    serviceName: 'UPS Next Day Air',
    days: 1,
    base: 36,
    perLb: 4,
    perZone: 2.5,
    maxWeightOz: 150 * 16,
    dimDivisor: 139,
    deliversToPoBox: false,
    cancelDays: 90,
    confirmCarrier: 'UPS',
    trackingId: ups,
  },
  {
    carrierId: 'USPS',
    carrierName: 'USPS',
    serviceId: 'usps-ground-advantage',
    serviceName: 'USPS Ground Advantage',
    days: 4,
    base: 5.4,
    perLb: 0.7,
    perZone: 0.45,
    maxWeightOz: 70 * 16,
    deliversToPoBox: true,
    cancelDays: 30,
    confirmCarrier: 'USPS',
    trackingId: usps,
  },
  {
    carrierId: 'USPS',
    carrierName: 'USPS',
    serviceId: 'usps-priority-mail',
    serviceName: 'USPS Priority Mail',
    days: 2,
    base: 8.7,
    perLb: 1.3,
    perZone: 0.8,
    maxWeightOz: 70 * 16,
    dimDivisor: 166,
    deliversToPoBox: true,
    cancelDays: 30,
    confirmCarrier: 'USPS',
    trackingId: usps,
  },
  {
    carrierId: 'FEDEX',
    carrierName: 'FedEx',
    serviceId: 'fedex-ground',
    serviceName: 'FedEx Ground',
    days: 4,
    base: 10.1,
    perLb: 0.95,
    perZone: 0.6,
    maxWeightOz: 150 * 16,
    dimDivisor: 139,
    deliversToPoBox: false,
    cancelDays: 90,
    confirmCarrier: 'FedEx',
    trackingId: fedex,
  },
];

/** States Amazon Shipping's own network does not reach (by ZIP prefix): Alaska, Hawaii, Puerto Rico and the islands. */
const OFF_NETWORK = /^(99[5-9]|96[7-8]|00[6-9])/;

export function offNetwork(service: ShippingService, zip: string): boolean {
  return service.carrierId === 'AMZN_US' && OFF_NETWORK.test(zip);
}

/** Zone 1–8 from the distance between the ZIP codes' first three digits, as US zones grow with distance. */
export function zoneOf(fromZip: string, toZip: string): number {
  const a = Number(fromZip.slice(0, 3));
  const b = Number(toZip.slice(0, 3));
  if (!Number.isFinite(a) || !Number.isFinite(b)) return 8;
  return 1 + Math.min(7, Math.floor(Math.abs(a - b) / 100));
}

export interface PackageSize {
  lengthIn: number;
  widthIn: number;
  heightIn: number;
  weightOz: number;
}

export function billableLb(s: ShippingService, p: PackageSize): number {
  const actual = Math.ceil(p.weightOz / 16);
  const dim = s.dimDivisor ? Math.ceil((p.lengthIn * p.widthIn * p.heightIn) / s.dimDivisor) : 0;
  return Math.max(1, actual, dim);
}

export function priceCents(s: ShippingService, p: PackageSize, zone: number): number {
  return Math.round((s.base + s.perLb * (billableLb(s, p) - 1) + s.perZone * (zone - 1)) * 100);
}

const HOUR = 3_600_000;
const DAY = 24 * HOUR;
/** The carriers' pick-up runs end at 21:00 UTC (late afternoon in the US). */
const PICKUP_END_HOUR = 21;
const weekday = (at: number) => new Date(at).getUTCDay() % 6 !== 0;

/** Pick-up today when there is still time (two hours before the run ends), else the next weekday; then `days` weekdays. */
export function promise(now: number, days: number) {
  let day = now - (now % DAY);
  if (!weekday(day) || now > day + (PICKUP_END_HOUR - 2) * HOUR) {
    day += DAY;
    while (!weekday(day)) day += DAY;
  }
  const pickupStart = Math.max(now, day + 13 * HOUR);
  const pickupEnd = day + PICKUP_END_HOUR * HOUR;
  let arrive = day;
  for (let left = days; left > 0;) {
    arrive += DAY;
    if (weekday(arrive)) left -= 1;
  }
  return {
    pickupWindow: { start: new Date(pickupStart).toISOString(), end: new Date(pickupEnd).toISOString() },
    deliveryWindow: {
      start: new Date(arrive + 12 * HOUR).toISOString(),
      end: new Date(arrive + DAY - 1000).toISOString(),
    },
  };
}
