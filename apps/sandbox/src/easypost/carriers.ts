import type { EasyPostPlace } from './types';

/**
 * EasyPost's carrier names for the carriers the sandbox's channels ship with, the spellings the channels use
 * for them, and each one's tracking-number layouts (for a tracker created without a carrier).
 */
interface CarrierInfo {
  name: string;
  aliases: string[];
  formats: RegExp[];
  service: string;
  acceptedMessage: string;
  facilityMessage: string;
}

const CARRIERS: CarrierInfo[] = [
  {
    name: 'USPS',
    aliases: ['usps', 'us postal service'],
    formats: [/^(420\d{5}(\d{4})?)?9[1-5]\d{18,24}$/, /^[A-Z]{2}\d{9}US$/],
    service: 'Priority Mail',
    acceptedMessage: 'Accepted at USPS Origin Facility',
    facilityMessage: 'Arrived at USPS Regional Facility',
  },
  {
    name: 'UPS',
    aliases: ['ups', 'united parcel service'],
    formats: [/^1Z[0-9A-Z]{16}$/],
    service: 'UPS Ground',
    acceptedMessage: 'Origin Scan',
    facilityMessage: 'Arrival Scan',
  },
  {
    name: 'FedEx',
    aliases: ['fedex', 'fedex ground', 'federal express'],
    formats: [/^\d{12}$/, /^\d{15}$/, /^\d{20}$/, /^96\d{20}$/],
    service: 'FEDEX_GROUND',
    acceptedMessage: 'Picked up',
    facilityMessage: 'Arrived at FedEx location',
  },
  {
    name: 'DHLExpress',
    aliases: ['dhl', 'dhlexpress', 'dhl express'],
    formats: [/^\d{10}$/],
    service: 'EXPRESS WORLDWIDE',
    acceptedMessage: 'Shipment picked up',
    facilityMessage: 'Arrived at DHL Sort Facility',
  },
  {
    name: 'AmazonShipping',
    aliases: ['amazonshipping', 'amazon shipping', 'amzl', 'amzl_us', 'amazon', 'amazon logistics'],
    formats: [/^TBA\d{12}$/],
    service: 'Amazon Shipping Ground',
    acceptedMessage: 'Package received by carrier',
    facilityMessage: 'Package arrived at a carrier facility',
  },
  {
    name: 'FedExSmartPost',
    aliases: ['fedex smartpost', 'fedexsmartpost', 'fedex ground economy'],
    formats: [/^92\d{20}$/],
    service: 'SMART_POST',
    acceptedMessage: 'Picked up',
    facilityMessage: 'Arrived at FedEx location',
  },
  {
    name: 'UPSMailInnovations',
    aliases: ['ups mail innovations', 'upsmi', 'upsmailinnovations'],
    formats: [],
    service: 'Mail Innovations',
    acceptedMessage: 'Package received for processing',
    facilityMessage: 'Arrived at facility',
  },
  {
    name: 'DhlEcs',
    aliases: ['dhl global mail', 'dhl ecommerce', 'dhlecs', 'dhl ecs'],
    formats: [/^GM\d{16,18}$/],
    service: 'Parcel Plus Ground',
    acceptedMessage: 'Shipment picked up',
    facilityMessage: 'Arrived at DHL eCommerce facility',
  },
  {
    name: 'LaserShipV2',
    aliases: ['lasership', 'lasershipv2'],
    formats: [/^1LS\d{12,15}$/, /^L[A-Z]\d{8}$/],
    service: 'Ground',
    acceptedMessage: 'Received at origin facility',
    facilityMessage: 'Arrived at sort facility',
  },
  {
    name: 'OnTrac',
    aliases: ['ontrac'],
    formats: [/^[CD]\d{14}$/],
    service: 'Ground',
    acceptedMessage: 'Package received at facility',
    facilityMessage: 'Arrived at facility',
  },
];

/** EasyPost's test codes: each walks to one status (EasyPost's test mode). */
export const TEST_CODES: Readonly<Record<string, string>> = {
  EZ1000000001: 'pre_transit',
  EZ2000000002: 'in_transit',
  EZ3000000003: 'out_for_delivery',
  EZ4000000004: 'delivered',
  EZ5000000005: 'return_to_sender',
  EZ6000000006: 'failure',
  EZ7000000007: 'unknown',
};

function find(carrier: string): CarrierInfo | undefined {
  const key = carrier.trim().toLowerCase();
  return CARRIERS.find((c) => c.name.toLowerCase() === key || c.aliases.includes(key));
}

/** EasyPost's name for a carrier as a channel or a client spells it; null when EasyPost has no such carrier here. */
export function easypostCarrier(carrier: string): string | null {
  return find(carrier)?.name ?? null;
}

/** The carrier whose layout the code has (EasyPost's auto-detection), or null. */
export function detectCarrier(code: string): string | null {
  const normal = code.replace(/\s+/g, '').toUpperCase();
  return CARRIERS.find((c) => c.formats.some((f) => f.test(normal)))?.name ?? null;
}

export function carrierTexts(carrier: string): Pick<CarrierInfo, 'service' | 'acceptedMessage' | 'facilityMessage'> {
  return find(carrier) ?? CARRIERS[0];
}

/** Carrier origin facilities, one picked per parcel from its code so the same code always starts in the same city. */
export const ORIGINS: readonly EasyPostPlace[] = [
  { city: 'HOUSTON', state: 'TX', zip: '77063', country: 'US' },
  { city: 'MEMPHIS', state: 'TN', zip: '38118', country: 'US' },
  { city: 'ONTARIO', state: 'CA', zip: '91761', country: 'US' },
  { city: 'LOUISVILLE', state: 'KY', zip: '40213', country: 'US' },
  { city: 'ALLENTOWN', state: 'PA', zip: '18109', country: 'US' },
];

/** Where the line haul passes, between origin and destination. */
export const HUBS: readonly EasyPostPlace[] = [
  { city: 'INDIANAPOLIS', state: 'IN', zip: '46241', country: 'US' },
  { city: 'DALLAS', state: 'TX', zip: '75261', country: 'US' },
  { city: 'ATLANTA', state: 'GA', zip: '30320', country: 'US' },
];

/** Another city and ZIP, for parcels delivered elsewhere or numbers that belong to another parcel. */
export const ELSEWHERE: readonly EasyPostPlace[] = [
  { city: 'SPRINGFIELD', state: 'IL', zip: '62701', country: 'US' },
  { city: 'BOISE', state: 'ID', zip: '83702', country: 'US' },
];

export function placeFor(code: string, places: readonly EasyPostPlace[]): EasyPostPlace {
  let hash = 0;
  for (const ch of code) hash = (hash * 31 + ch.charCodeAt(0)) >>> 0;
  return places[hash % places.length];
}

/** A place other than `not` (compared by ZIP and city). */
export function otherPlace(not: EasyPostPlace): EasyPostPlace {
  return ELSEWHERE.find((p) => p.zip !== not.zip && p.city !== not.city) ?? ELSEWHERE[0];
}
