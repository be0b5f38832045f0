/**
 * What the sandbox's carriers charge and promise for a parcel: a table of services (EasyPost's carrier and service
 * names) priced by billable weight and zone, with transit days by zone. Figures are plausible, not any carrier's tariff.
 */
export interface ServiceRate {
  carrier: string;
  service: string;
  /** Dollars for the first pound in zone 1; each further pound adds perLb, each zone beyond 1 adds perZone. */
  base: number;
  perLb: number;
  perZone: number;
  maxWeightOz: number;
  /** Business days in transit by zone (1–8). */
  days: (zone: number) => number;
  /** Whether the carrier delivers to a PO box. */
  poBox: boolean;
  /** Dimensional weight divisor (cubic inches per pound), or null when the carrier bills actual weight only. */
  dimDivisor: number | null;
}

const ground = (zone: number) => (zone <= 2 ? 1 : zone <= 4 ? 2 : zone <= 6 ? 3 : zone <= 7 ? 4 : 5);

export const SERVICES: readonly ServiceRate[] = [
  {
    carrier: 'USPS',
    service: 'GroundAdvantage',
    base: 5.4,
    perLb: 0.55,
    perZone: 0.45,
    maxWeightOz: 1120,
    days: (z) => (z <= 2 ? 2 : z <= 5 ? 3 : 5),
    poBox: true,
    dimDivisor: null,
  },
  {
    carrier: 'USPS',
    service: 'Priority',
    base: 8.5,
    perLb: 0.9,
    perZone: 0.8,
    maxWeightOz: 1120,
    days: (z) => (z <= 3 ? 1 : z <= 6 ? 2 : 3),
    poBox: true,
    dimDivisor: null,
  },
  {
    carrier: 'USPS',
    service: 'Express',
    base: 28,
    perLb: 2.1,
    perZone: 1.6,
    maxWeightOz: 1120,
    days: (z) => (z <= 4 ? 1 : 2),
    poBox: true,
    dimDivisor: null,
  },
  {
    carrier: 'UPS',
    service: 'Ground',
    base: 9.2,
    perLb: 0.75,
    perZone: 0.6,
    maxWeightOz: 2400,
    days: ground,
    poBox: false,
    dimDivisor: 139,
  },
  {
    carrier: 'UPS',
    service: '2ndDayAir',
    base: 21.5,
    perLb: 1.8,
    perZone: 1.4,
    maxWeightOz: 2400,
    days: () => 2,
    poBox: false,
    dimDivisor: 139,
  },
  {
    carrier: 'UPS',
    service: 'NextDayAir',
    base: 38,
    perLb: 3.2,
    perZone: 2.5,
    maxWeightOz: 2400,
    days: () => 1,
    poBox: false,
    dimDivisor: 139,
  },
  {
    carrier: 'FedEx',
    service: 'FEDEX_GROUND',
    base: 9,
    perLb: 0.78,
    perZone: 0.62,
    maxWeightOz: 2400,
    days: ground,
    poBox: false,
    dimDivisor: 139,
  },
  {
    carrier: 'FedEx',
    service: 'FEDEX_2_DAY',
    base: 20.8,
    perLb: 1.75,
    perZone: 1.35,
    maxWeightOz: 2400,
    days: () => 2,
    poBox: false,
    dimDivisor: 139,
  },
  {
    carrier: 'AmazonShipping',
    service: 'Ground',
    base: 7.1,
    perLb: 0.6,
    perZone: 0.5,
    maxWeightOz: 800,
    days: (z) => (z <= 4 ? 2 : 3),
    poBox: false,
    dimDivisor: 139,
  },
];

/** EasyPost's ids of the sandbox account's carrier accounts, one per carrier. */
export const CARRIER_ACCOUNTS: Readonly<Record<string, string>> = {
  USPS: 'ca_9685a1198a75477885a3cdca37559bac',
  UPS: 'ca_4f1a9c2be0d54a7f9a5c1e0b3d2f6a71',
  FedEx: 'ca_7b2e4d6f8a0c4e1f9b3d5a7c9e1f3b50',
  AmazonShipping: 'ca_2c4e6a8b0d1f4a3c5e7b9d0f2a4c6e81',
};

/** Zone 1–8 from the distance between the ZIP codes' first three digits, as USPS zones grow with distance. */
export function zoneOf(fromZip: string, toZip: string): number {
  const a = Number(fromZip.slice(0, 3));
  const b = Number(toZip.slice(0, 3));
  if (!Number.isFinite(a) || !Number.isFinite(b)) return 8;
  return 1 + Math.min(7, Math.floor(Math.abs(a - b) / 100));
}

export interface ParcelSize {
  length: number;
  width: number;
  height: number;
  /** Ounces. */
  weight: number;
}

/** The price in cents, or null when the parcel is over the service's weight limit. */
export function priceCents(s: ServiceRate, parcel: ParcelSize, zone: number): number | null {
  if (parcel.weight > s.maxWeightOz) return null;
  const actualLb = Math.ceil(parcel.weight / 16);
  const dimLb = s.dimDivisor ? Math.ceil((parcel.length * parcel.width * parcel.height) / s.dimDivisor) : 0;
  const billable = Math.max(1, actualLb, dimLb);
  return Math.round((s.base + s.perLb * (billable - 1) + s.perZone * (zone - 1)) * 100);
}

const DAY = 86_400_000;
const CUTOFF_HOUR_UTC = 21;

/**
 * The day the parcel arrives: the carrier picks up today before the cut-off (else the next weekday) and delivers
 * after `days` weekdays; the instant is the end of that day (UTC).
 */
export function deliveryDate(now: number, days: number): number {
  let day = now - (now % DAY);
  const weekday = (at: number) => new Date(at).getUTCDay() % 6 !== 0;
  if (new Date(now).getUTCHours() >= CUTOFF_HOUR_UTC || !weekday(day)) {
    day += DAY;
    while (!weekday(day)) day += DAY;
  }
  for (let left = days; left > 0;) {
    day += DAY;
    if (weekday(day)) left -= 1;
  }
  return day + DAY - 1000;
}
